package dev.tusk.internal.engine;

import dev.tusk.errors.DatabaseError;
import dev.tusk.errors.Diagnostic;
import dev.tusk.errors.ProtocolViolation;
import dev.tusk.errors.SqlclientUnableToEstablishSqlconnection;
import dev.tusk.errors.TuskException;
import dev.tusk.internal.buffer.WriteBuffer;
import dev.tusk.internal.conninfo.ConnectionSettings;
import dev.tusk.internal.conninfo.HostPort;
import dev.tusk.internal.protocol.BackendMessageReader;
import dev.tusk.internal.protocol.DataRow;
import dev.tusk.internal.protocol.FrontendMessages;
import dev.tusk.internal.protocol.ProtocolViolationException;
import dev.tusk.internal.transport.Keepalive;
import dev.tusk.internal.transport.SocketTransport;
import dev.tusk.internal.transport.TlsClient;
import dev.tusk.internal.transport.TlsSetupException;
import dev.tusk.internal.transport.TlsTransport;
import dev.tusk.internal.transport.Transport;
import dev.tusk.internal.transport.TransportInput;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Opens a session: tries each host in turn, and on each host the encryption methods {@code sslmode}
 * allows in libpq's order (see {@link Encryption}); negotiates TLS, sends the StartupMessage,
 * authenticates and reads the server's parameters up to the first ReadyForQuery. Runs on the
 * caller's thread before the session's own threads exist; a watchdog closes the socket when
 * connect_timeout passes.
 */
public final class Startup {

  private Startup() {}

  /**
   * Connects to the first host of {@code settings} that accepts the session and is of the kind
   * {@code target_session_attrs} asks for (see {@link HostWalk}). The session's DataRows are what
   * {@code rows} makes of them: the client's own rows, so that a row arrives as one object.
   */
  public static Session open(ConnectionSettings settings, DataRow.Maker rows) {
    return HostWalk.open(settings, rows);
  }

  /**
   * Connects to one address of one host, trying the encryption methods {@code sslmode} allows,
   * within {@code connect_timeout}.
   *
   * @throws Unreachable if no socket could be connected, or the time ran out: libpq then goes on to
   *     the next address or host
   * @throws TuskException for any other failure, which ends the connection attempt
   */
  static Session openAddress(ConnectionSettings settings, HostPort host, DataRow.Maker rows)
      throws Unreachable {
    long deadline = System.nanoTime() + settings.connectTimeout().toNanos();
    AtomicReference<Transport> current = new AtomicReference<>();
    AtomicBoolean settled = new AtomicBoolean();
    Thread watchdog = startWatchdog(current, settled, deadline);
    try {
      Attempt attempt =
          new Attempt(
              settings, host, deadline, current, settled, Encryption.plan(settings, host), rows);
      TuskException failure = null;
      Encryption method;
      while ((method = attempt.nextMethod()) != null) {
        if (settled.get() || (method == Encryption.PLAIN && attempt.plainTextTried())) {
          // Out of time, or prefer already went on in plain text after the server's 'N'.
          break;
        }
        try {
          return attempt.run(method);
        } catch (RetryableFailure e) {
          closeCurrent(current);
          if (failure != null) {
            e.failure().addSuppressed(failure);
          }
          failure = e.failure();
        }
      }
      throw failure;
    } finally {
      watchdog.interrupt();
    }
  }

  /** A host that could not be reached in time: the next address or host may be tried. */
  static final class Unreachable extends Exception {
    private static final long serialVersionUID = 1L;

    Unreachable(TuskException failure) {
      super(failure);
    }

    TuskException failure() {
      return (TuskException) getCause();
    }
  }

  /**
   * The server told its OAuth parameters and failed the connection, as it must without a token:
   * connect again with one.
   */
  private static final class OAuthTokenNeeded extends Exception {
    private static final long serialVersionUID = 1L;
  }

  /** A failure after which the next encryption method may still succeed. */
  private static final class RetryableFailure extends Exception {
    private static final long serialVersionUID = 1L;

    RetryableFailure(TuskException failure) {
      super(failure);
    }

    TuskException failure() {
      return (TuskException) getCause();
    }
  }

  /** One host's attempts, each on a new socket. */
  private static final class Attempt {
    private final ConnectionSettings settings;
    private final DataRow.Maker rows;
    private final HostPort host;
    private final long deadline;
    private final AtomicReference<Transport> current;
    private final AtomicBoolean settled;
    private final Deque<Encryption> methods;
    private final OAuthFlow oauth;
    private TlsClient tls;
    private boolean plainTextTried;
    private int minorVersion;

    Attempt(
        ConnectionSettings settings,
        HostPort host,
        long deadline,
        AtomicReference<Transport> current,
        AtomicBoolean settled,
        List<Encryption> methods,
        DataRow.Maker rows) {
      this.settings = settings;
      this.rows = rows;
      this.host = host;
      this.deadline = deadline;
      this.current = current;
      this.settled = settled;
      this.methods = new ArrayDeque<>(methods);
      this.minorVersion = settings.protocol().maxMinor();
      this.oauth = new OAuthFlow(settings.oauth());
    }

    /** The next encryption method to try, or null when none is left. */
    Encryption nextMethod() {
      return methods.poll();
    }

    /** Whether plain text was already tried, so there is nothing left to fall back to. */
    boolean plainTextTried() {
      return plainTextTried;
    }

    Session run(Encryption method) throws RetryableFailure, Unreachable {
      try {
        return proceed(method, connect());
      } catch (OAuthTokenNeeded e) {
        closeCurrent(current);
        // Getting a token may take a while: the server's authentication_timeout should not run
        // meanwhile, so the first socket is closed by then (as libpq closes it before its flows).
        oauth.fetchToken(host.host());
        return run(method);
      } catch (ProtocolViolationException e) {
        closeCurrent(current);
        throw new ProtocolViolation(
            Diagnostic.client("08P01", "connecting to " + host + ": " + e.getMessage()), e);
      } catch (IOException e) {
        closeCurrent(current);
        // Only the watchdog settles before success, by closing the socket under the read.
        if (settled.get()) {
          throw new Unreachable(timedOut(settings, host));
        }
        throw unableToConnect(host, e);
      } catch (TuskException e) {
        closeCurrent(current);
        if (rejectsProtocolVersion(e) && minorVersion > settings.protocol().minMinor()) {
          // Poolers older than pgbouncer 1.24 reject a 3.2 StartupMessage outright instead of
          // answering NegotiateProtocolVersion: nothing was authenticated, so ask again for 3.0.
          minorVersion = settings.protocol().minMinor();
          return run(method);
        }
        // libpq tries the next method after any error the server reports during start-up; Tusk
        // does not after presenting an OAuth token, which would then cross in plain text.
        if (fromServer(e) && !oauth.presentedToken()) {
          throw new RetryableFailure(e);
        }
        throw e;
      } catch (RuntimeException e) {
        closeCurrent(current);
        throw e;
      }
    }

    /** Encrypts {@code transport} as {@code method} says and starts the session on it. */
    private Session proceed(Encryption method, Transport transport)
        throws IOException, RetryableFailure, OAuthTokenNeeded {
      X509Certificate serverCertificate = null;
      boolean gssEncrypted = false;
      if (method == Encryption.GSS) {
        switch (GssNegotiation.encrypt(transport, host, settings)) {
          case GssNegotiation.Encrypted encrypted -> {
            transport = guard(encrypted.transport());
            gssEncrypted = true;
          }
          case GssNegotiation.Refused refused -> {
            // prefer: libpq goes on with the next method on the same socket, which the server
            // allows (an SSLRequest or the StartupMessage); direct TLS needs a new one.
            Encryption next = methods.peek();
            if (next == null || next == Encryption.DIRECT_TLS) {
              throw new RetryableFailure(refused.failure());
            }
            return proceed(methods.poll(), transport);
          }
          case GssNegotiation.Failed failed -> {
            if (settled.get() && failed.failure().getCause() instanceof IOException closed) {
              throw closed; // connect_timeout closed the socket: the host is unreachable
            }
            throw new RetryableFailure(failed.failure());
          }
        }
      } else if (method == Encryption.PLAIN) {
        plainTextTried = true;
      } else if (method == Encryption.DIRECT_TLS
          || SslNegotiation.request(transport, host) == SslNegotiation.Answer.ACCEPTED) {
        TlsTransport encrypted = handshake(transport, method == Encryption.DIRECT_TLS);
        transport = guard(encrypted);
        serverCertificate = encrypted.serverCertificate();
      } else if (settings.sslMode().requiresTls()) {
        throw new SqlclientUnableToEstablishSqlconnection(
            Diagnostic.client(
                "08001",
                "the server "
                    + host
                    + " does not support SSL, but sslmode="
                    + settings.sslMode().keyword()
                    + " requires it"));
      } else {
        // sslmode=prefer: the server said no, so go on in plain text on the same socket.
        plainTextTried = true;
      }
      return start(transport, serverCertificate, gssEncrypted);
    }

    /** A new socket to the host; failing to get one is no fault of the server's. */
    private Transport connect() throws Unreachable {
      SocketTransport socket;
      try {
        socket = guard(Transports.open(host, remaining(deadline), Keepalive.of(settings)));
      } catch (IOException e) {
        throw new Unreachable(settled.get() ? timedOut(settings, host) : unableToConnect(host, e));
      }
      if (host.isUnixSocket() && settings.requirePeer() != null) {
        checkPeer(socket);
      }
      return socket;
    }

    /**
     * {@code requirepeer}: the server process must run as that operating-system user, which a
     * Unix-domain socket tells (libpq checks it on such sockets only, as here).
     */
    private void checkPeer(SocketTransport socket) {
      String actual;
      try {
        actual = socket.peerUser();
      } catch (IOException e) {
        throw new SqlclientUnableToEstablishSqlconnection(
            Diagnostic.client(
                "08001", "requirepeer cannot be checked on " + host + ": " + e.getMessage()),
            e);
      }
      if (!actual.equals(settings.requirePeer())) {
        throw new SqlclientUnableToEstablishSqlconnection(
            Diagnostic.client(
                "08001",
                "requirepeer specifies \""
                    + settings.requirePeer()
                    + "\", but the server at "
                    + host
                    + " runs as \""
                    + actual
                    + "\""));
      }
    }

    private TlsTransport handshake(Transport socket, boolean direct)
        throws IOException, RetryableFailure {
      if (tls == null) {
        tls = TlsClient.of(settings);
      }
      try {
        return SslNegotiation.handshake(tls, socket, host, direct);
      } catch (TlsSetupException e) {
        throw e;
      } catch (IOException e) {
        if (settled.get()) {
          throw e;
        }
        closeCurrent(current);
        // The next method, if sslmode allows one, is plain text (sslmode=prefer).
        throw new RetryableFailure(
            new SqlclientUnableToEstablishSqlconnection(
                Diagnostic.client(
                    "08001", "TLS handshake with " + host + " failed: " + e.getMessage()),
                e));
      }
    }

    private Session start(
        Transport transport, X509Certificate serverCertificate, boolean gssEncrypted)
        throws IOException, OAuthTokenNeeded {
      TransportInput input = new TransportInput(transport);
      BackendMessageReader reader =
          new BackendMessageReader(input, settings.maxMessageSize(), rows);
      ServerState state = new ServerState();
      send(
          transport,
          out -> FrontendMessages.startupMessage(out, minorVersion, startupParameters(settings)));
      if (!new Authenticator(
              settings,
              host,
              transport,
              reader,
              serverCertificate,
              gssEncrypted,
              minorVersion,
              oauth)
          .run()) {
        throw new OAuthTokenNeeded();
      }
      new StartupParameters(reader, state).read();
      if (!settled.compareAndSet(false, true)) {
        throw timedOut(settings, host);
      }
      Session session =
          new Session(transport, reader, input, host, state, settings.connectTimeout());
      session.start();
      return session;
    }

    /** Hands {@code transport} to the watchdog; closes it at once if the deadline has passed. */
    private <T extends Transport> T guard(T transport) {
      current.set(transport);
      if (settled.get()) {
        transport.close();
      }
      return transport;
    }
  }

  /** A server's FATAL protocol violation in answer to the StartupMessage. */
  private static boolean rejectsProtocolVersion(TuskException e) {
    return fromServer(e) && "08P01".equals(((DatabaseError) e).diagnostic().sqlState());
  }

  /** An error the server sent (FATAL), as opposed to one Tusk made (ERROR severity). */
  private static boolean fromServer(TuskException e) {
    if (!(e instanceof DatabaseError error)) {
      return false;
    }
    Diagnostic diagnostic = error.diagnostic();
    String severity =
        diagnostic.severityNonLocalized() != null
            ? diagnostic.severityNonLocalized()
            : diagnostic.severity();
    return "FATAL".equals(severity) || "PANIC".equals(severity);
  }

  private static void closeCurrent(AtomicReference<Transport> current) {
    Transport transport = current.get();
    if (transport != null) {
      transport.close();
    }
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

  /**
   * Only what a stock pgbouncer accepts in a StartupMessage. IntervalStyle and extra_float_digits
   * are left at the server's defaults: {@code postgres} and, from PostgreSQL 12 on, the shortest
   * exact float text; a server configured otherwise is seen in its ParameterStatus, and results are
   * then read in binary.
   */
  static Map<String, String> startupParameters(ConnectionSettings settings) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("user", settings.user());
    parameters.put("database", settings.database());
    parameters.put("client_encoding", "UTF8");
    // Text results are parsed by the codecs, so their date format is pinned.
    parameters.put("DateStyle", "ISO");
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
