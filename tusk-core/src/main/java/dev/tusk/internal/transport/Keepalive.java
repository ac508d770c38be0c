package dev.tusk.internal.transport;

import dev.tusk.internal.conninfo.ConnectionSettings;
import java.io.IOException;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import jdk.net.ExtendedSocketOptions;

/**
 * TCP keepalive as libpq's keepalives, keepalives_idle, keepalives_interval and keepalives_count
 * set it. A null duration or a zero count keeps the operating system's default.
 *
 * @param enabled whether keepalive probes are sent at all
 * @param idle idle time before the first probe, or null
 * @param interval time between unanswered probes, or null
 * @param count unanswered probes before the connection is dropped, or 0
 */
public record Keepalive(boolean enabled, Duration idle, Duration interval, int count) {

  /** Keepalive off: for short-lived sockets such as a cancel request's. */
  public static final Keepalive OFF = new Keepalive(false, null, null, 0);

  /** The keepalive a connection's settings ask for. */
  public static Keepalive of(ConnectionSettings settings) {
    return new Keepalive(
        settings.keepalives(),
        settings.keepalivesIdle(),
        settings.keepalivesInterval(),
        settings.keepalivesCount());
  }

  void apply(SocketChannel channel) throws IOException {
    channel.setOption(StandardSocketOptions.SO_KEEPALIVE, enabled);
    if (!enabled) {
      return;
    }
    if (idle != null) {
      setIfSupported(channel, ExtendedSocketOptions.TCP_KEEPIDLE, seconds(idle));
    }
    if (interval != null) {
      setIfSupported(channel, ExtendedSocketOptions.TCP_KEEPINTERVAL, seconds(interval));
    }
    if (count > 0) {
      setIfSupported(channel, ExtendedSocketOptions.TCP_KEEPCOUNT, count);
    }
  }

  private static int seconds(Duration duration) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, duration.toSeconds()));
  }

  /** Some platforms lack the per-socket options; there the system's settings apply, as in libpq. */
  private static void setIfSupported(SocketChannel channel, SocketOption<Integer> option, int value)
      throws IOException {
    if (channel.supportedOptions().contains(option)) {
      channel.setOption(option, value);
    }
  }
}
