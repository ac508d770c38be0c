package dev.tusk.internal.engine;

import dev.tusk.errors.Diagnostic;
import dev.tusk.errors.FeatureNotSupported;
import dev.tusk.errors.ProtocolViolation;
import dev.tusk.errors.SqlclientUnableToEstablishSqlconnection;
import dev.tusk.errors.TuskException;
import dev.tusk.internal.buffer.WriteBuffer;
import dev.tusk.internal.conninfo.ConnectionSettings;
import dev.tusk.internal.conninfo.HostPort;
import dev.tusk.internal.conninfo.SslMode;
import dev.tusk.internal.protocol.BackendMessageReader;
import dev.tusk.internal.protocol.FrontendMessages;
import dev.tusk.internal.protocol.ProtocolViolationException;
import dev.tusk.internal.transport.Keepalive;
import dev.tusk.internal.transport.Transport;
import dev.tusk.internal.transport.TransportInput;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Opens a session: tries each host in turn, negotiates SSL, sends the StartupMessage, authenticates
 * and reads the server's parameters up to the first ReadyForQuery. Runs on the caller's thread
 * before the session's own threads exist; a watchdog closes the socket when connect_timeout passes.
 */
public final class Startup {

  private Startup() {}

  /** Connects to the first host of {@code settings} that accepts the session. */
  public static Session open(ConnectionSettings settings) {
    if (settings.sslMode() == SslMode.REQUIRE
        || settings.sslMode() == SslMode.VERIFY_CA
        || settings.sslMode() == SslMode.VERIFY_FULL) {
      throw new FeatureNotSupported(
          Diagnostic.client(
              FeatureNotSupported.SQLSTATE,
              "sslmode="
                  + settings.sslMode().name().toLowerCase().replace('_', '-')
                  + " needs TLS, which Tusk does not support yet; use sslmode=prefer or disable"));
    }
    TuskException failure = null;
    for (HostPort host : settings.hosts()) {
      try {
        return openHost(settings, host);
      } catch (TuskException e) {
        if (failure != null) {
          e.addSuppressed(failure);
        }
        failure = e;
      }
    }
    throw failure;
  }

  private static Session openHost(ConnectionSettings settings, HostPort host) {
    long deadline = System.nanoTime() + settings.connectTimeout().toNanos();
    AtomicReference<Transport> current = new AtomicReference<>();
    AtomicBoolean settled = new AtomicBoolean();
    Thread watchdog = startWatchdog(current, settled, deadline);
    try {
      Transport transport = connect(settings, host, deadline, current, settled);
      TransportInput input = new TransportInput(transport);
      BackendMessageReader reader = new BackendMessageReader(input, settings.maxMessageSize());
      ServerState state = new ServerState();
      send(transport, out -> FrontendMessages.startupMessage(out, startupParameters(settings)));
      new Authentication(settings, host, transport, reader).run();
      new StartupParameters(reader, state).read();
      if (!settled.compareAndSet(false, true)) {
        throw timedOut(settings, host);
      }
      Session session =
          new Session(transport, reader, input, host, state, settings.connectTimeout());
      session.start();
      return session;
    } catch (ProtocolViolationException e) {
      closeCurrent(current);
      throw new ProtocolViolation(
          Diagnostic.client("08P01", "connecting to " + host + ": " + e.getMessage()), e);
    } catch (IOException e) {
      closeCurrent(current);
      // Only the watchdog settles before success, by closing the socket under the read.
      throw settled.get() ? timedOut(settings, host) : unableToConnect(host, e);
    } catch (RuntimeException e) {
      closeCurrent(current);
      throw e;
    } finally {
      watchdog.interrupt();
    }
  }

  /**
   * Opens the socket, and for {@code sslmode=prefer} over TCP asks for SSL first, all under the
   * watchdog: a server that accepts and then stays silent must not outlast connect_timeout.
   */
  private static Transport connect(
      ConnectionSettings settings,
      HostPort host,
      long deadline,
      AtomicReference<Transport> current,
      AtomicBoolean settled)
      throws IOException {
    Transport transport =
        guard(Transports.open(host, remaining(deadline), Keepalive.of(settings)), current, settled);
    if (settings.sslMode() == SslMode.PREFER && !host.isUnixSocket()) {
      if (serverAcceptsSsl(transport)) {
        // The server would speak TLS, which Tusk cannot yet: start over in plain text, which
        // sslmode=prefer permits.
        transport.close();
        transport =
            guard(
                Transports.open(host, remaining(deadline), Keepalive.of(settings)),
                current,
                settled);
      }
    }
    return transport;
  }

  /** Hands {@code transport} to the watchdog; closes it at once if the deadline has passed. */
  private static Transport guard(
      Transport transport, AtomicReference<Transport> current, AtomicBoolean settled) {
    current.set(transport);
    if (settled.get()) {
      transport.close();
    }
    return transport;
  }

  private static void closeCurrent(AtomicReference<Transport> current) {
    Transport transport = current.get();
    if (transport != null) {
      transport.close();
    }
  }

  /**
   * Asks for SSL and reads the one-byte answer. Bytes a server or a man in the middle sends after
   * an {@code S} are never read: the socket is closed for the plain restart (libpq's
   * CVE-2021-23222). An ErrorResponse comes from a server nobody has authenticated yet, so its text
   * is not shown as the server's (libpq's CVE-2024-10977).
   */
  private static boolean serverAcceptsSsl(Transport transport) throws IOException {
    send(transport, FrontendMessages::sslRequest);
    int answer = transport.blockingInput().read();
    return switch (answer) {
      case 'S' -> true;
      case 'N' -> false;
      case -1 -> throw new IOException("the server closed the connection after SSLRequest");
      case 'E' ->
          throw new IOException(
              "the server answered SSLRequest with an error, whose text is not shown: nothing"
                  + " has proven yet that it comes from the server");
      default ->
          throw new ProtocolViolationException(
              String.format(
                  "the server answered SSLRequest with 0x%02X, where only S or N is valid",
                  answer));
    };
  }

  private static Thread startWatchdog(
      AtomicReference<Transport> current, AtomicBoolean settled, long deadline) {
    return Thread.ofVirtual()
        .name("tusk-connect-timeout")
        .start(
            () -> {
              try {
                Thread.sleep(remaining(deadline));
                if (settled.compareAndSet(false, true)) {
                  closeCurrent(current);
                }
              } catch (InterruptedException finished) {
                // Startup ended first.
              }
            });
  }

  private static Map<String, String> startupParameters(ConnectionSettings settings) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("user", settings.user());
    parameters.put("database", settings.database());
    parameters.put("client_encoding", "UTF8");
    // Text results are parsed by the codecs, so their formats are pinned.
    parameters.put("DateStyle", "ISO");
    parameters.put("IntervalStyle", "postgres");
    parameters.put("extra_float_digits", "3");
    if (settings.applicationName() != null) {
      parameters.put("application_name", settings.applicationName());
    }
    if (settings.options() != null) {
      parameters.put("options", settings.options());
    }
    return parameters;
  }

  static void send(Transport transport, Consumer<WriteBuffer> message) throws IOException {
    WriteBuffer out = new WriteBuffer(256);
    message.accept(out);
    transport.writeFully(out.array(), 0, out.size());
  }

  private static Duration remaining(long deadline) {
    return Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
  }

  private static TuskException timedOut(ConnectionSettings settings, HostPort host) {
    return new SqlclientUnableToEstablishSqlconnection(
        Diagnostic.client(
            "08001",
            "timeout expired after "
                + settings.connectTimeout().toMillis()
                + " ms connecting to "
                + host
                + " (connect_timeout)"));
  }

  private static TuskException unableToConnect(HostPort host, IOException cause) {
    return new SqlclientUnableToEstablishSqlconnection(
        Diagnostic.client("08001", "could not connect to " + host + ": " + cause.getMessage()),
        cause);
  }
}
