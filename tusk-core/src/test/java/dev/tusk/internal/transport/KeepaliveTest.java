package dev.tusk.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import jdk.net.ExtendedSocketOptions;
import org.junit.jupiter.api.Test;

/** Keepalive settings reach the socket. */
class KeepaliveTest {

  @Test
  void idleIntervalAndCountAreSetOnTheSocket() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        SocketChannel channel = SocketChannel.open()) {
      assumeTrue(channel.supportedOptions().contains(ExtendedSocketOptions.TCP_KEEPIDLE));
      new Keepalive(true, Duration.ofSeconds(42), Duration.ofSeconds(7), 3).apply(channel);
      channel.connect(new InetSocketAddress(server.getInetAddress(), server.getLocalPort()));
      assertEquals(true, channel.getOption(StandardSocketOptions.SO_KEEPALIVE));
      assertEquals(42, channel.getOption(ExtendedSocketOptions.TCP_KEEPIDLE));
      assertEquals(7, channel.getOption(ExtendedSocketOptions.TCP_KEEPINTERVAL));
      assertEquals(3, channel.getOption(ExtendedSocketOptions.TCP_KEEPCOUNT));
    }
  }

  @Test
  void offTurnsKeepaliveOff() throws Exception {
    try (SocketChannel channel = SocketChannel.open()) {
      Keepalive.OFF.apply(channel);
      assertEquals(false, channel.getOption(StandardSocketOptions.SO_KEEPALIVE));
    }
  }
}
