package dev.tusk.testing.fake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link FakeServer} does on one connection, step by step. A script is immutable: each
 * method returns a longer copy, so a common opening can be shared.
 *
 * <pre>{@code
 * Script script = Script.create()
 *     .handshake()                                   // startup, trust, parameters, ReadyForQuery
 *     .answerExtendedQuery(                          // the client's Parse ... Sync, then:
 *         BackendMessages.rowDescription("answer"),
 *         BackendMessages.dataRow("42"),
 *         BackendMessages.commandComplete("SELECT 1"));
 * }</pre>
 *
 * <p>When the last step has run, the server keeps reading (and recording) what the client sends
 * until the client closes the connection. A step whose expectation the client does not meet fails
 * the script: the server closes the connection and {@link FakeServer#verify()} reports it.
 */
public final class Script {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final List<Step> steps;

  private Script(List<Step> steps) {
    this.steps = List.copyOf(steps);
  }

  /** An empty script: the server accepts the connection and only listens. */
  public static Script create() {
    return new Script(List.of());
  }

  /**
   * Reads the client's opening: answers each SSLRequest or GSSENCRequest with {@code N} (no
   * encryption), as a server without TLS does, and stops after the StartupMessage, whose parameters
   * later steps use (the user name for MD5). A CancelRequest instead ends the connection, as a
   * server does; {@link FakeServer#received()} lists it.
   */
  public Script startup() {
    return step(
        "read the StartupMessage",
        connection -> {
          while (true) {
            FrontendMessage packet = connection.readStartupPacket();
            int code = FakeConnection.code(packet);
            if (code == FakeConnection.SSL_REQUEST || code == FakeConnection.GSSENC_REQUEST) {
              connection.write(new byte[] {'N'});
            } else if (code == FakeConnection.PROTOCOL_3_0) {
              connection.rememberStartup(packet);
              return;
            } else if (code == FakeConnection.CANCEL_REQUEST) {
              // A server closes a cancel connection without a word; received() shows the request.
              connection.close();
              return;
            } else {
              throw new ScriptFailure("a startup packet with code " + code);
            }
          }
        });
  }

  /**
   * Reads one SSLRequest and writes {@code reply} as it is: {@code 'S'}, {@code 'N'}, or anything a
   * hostile server or a man in the middle might send instead.
   */
  public Script answerSslRequest(byte... reply) {
    byte[] bytes = reply.clone();
    return step(
        "answer an SSLRequest",
        connection -> {
          FrontendMessage packet = connection.readStartupPacket();
          if (FakeConnection.code(packet) != FakeConnection.SSL_REQUEST) {
            throw new ScriptFailure("expected an SSLRequest, got " + packet);
          }
          connection.write(bytes);
        });
  }

  /** Accepts the client without a password: AuthenticationOk. */
  public Script trust() {
    return send(BackendMessages.authenticationOk());
  }

  /**
   * Asks for the password in clear text and accepts only {@code password}; a wrong one gets the
   * FATAL error 28P01 a server sends, the connection is closed and the script ends there.
   */
  public Script cleartextPassword(String password) {
    return step(
        "authenticate with a cleartext password",
        connection -> {
          connection.write(BackendMessages.authenticationCleartextPassword());
          checkPassword(connection, password);
        });
  }

  /** Asks for the MD5 hash of {@code password} with a random salt, and checks it. */
  public Script md5Password(String password) {
    return step(
        "authenticate with an MD5 password",
        connection -> {
          byte[] salt = new byte[4];
          RANDOM.nextBytes(salt);
          connection.write(BackendMessages.authenticationMd5Password(salt));
          String user = Objects.requireNonNullElse(connection.startupParameter("user"), "");
          String inner = md5(utf8(password + user));
          checkPassword(connection, "md5" + md5(BackendMessages.concat(utf8(inner), salt)));
        });
  }

  /**
   * Ends startup as a PostgreSQL 17 server does: ParameterStatus for the usual settings (UTF8, ISO
   * dates, UTC), BackendKeyData, and ReadyForQuery (idle).
   */
  public Script ready() {
    return send(
        BackendMessages.concat(
            BackendMessages.parameterStatus("server_version", "17.0"),
            BackendMessages.parameterStatus("server_encoding", "UTF8"),
            BackendMessages.parameterStatus("client_encoding", "UTF8"),
            BackendMessages.parameterStatus("DateStyle", "ISO, MDY"),
            BackendMessages.parameterStatus("IntervalStyle", "postgres"),
            BackendMessages.parameterStatus("integer_datetimes", "on"),
            BackendMessages.parameterStatus("standard_conforming_strings", "on"),
            BackendMessages.parameterStatus("TimeZone", "UTC"),
            BackendMessages.backendKeyData(4242, 0x5eC2E7),
            BackendMessages.readyForQuery('I')));
  }

  /** {@link #startup()}, {@link #trust()}, {@link #ready()}: a connection the client can use. */
  public Script handshake() {
    return startup().trust().ready();
  }

  /** Reads the next message, which must be of {@code type} ({@code 'Q'}, {@code 'P'}...). */
  public Script expect(char type) {
    return step(
        "expect a message of type '" + type + "'",
        connection -> {
          FrontendMessage message = connection.read();
          if (message.type() != type) {
            throw new ScriptFailure("expected a message of type '" + type + "', got " + message);
          }
        });
  }

  /** Reads messages up to and including the next one of {@code type}, typically Sync. */
  public Script expectThrough(char type) {
    return step(
        "read through a message of type '" + type + "'",
        connection -> {
          while (connection.read().type() != type) {
            // the messages before it are only recorded
          }
        });
  }

  /**
   * Answers one extended-protocol request (Parse, Bind, Describe, Execute, Sync) as a server does:
   * ParseComplete, BindComplete, then {@code results}, then ReadyForQuery (idle).
   */
  public Script answerExtendedQuery(byte[]... results) {
    List<byte[]> parts = new ArrayList<>();
    parts.add(BackendMessages.parseComplete());
    parts.add(BackendMessages.bindComplete());
    parts.addAll(List.of(results));
    parts.add(BackendMessages.readyForQuery('I'));
    return expectThrough('S').send(BackendMessages.concat(parts.toArray(byte[][]::new)));
  }

  /** Writes {@code bytes} as they are, in one write: messages, part of one, or garbage. */
  public Script send(byte[] bytes) {
    byte[] copy = bytes.clone();
    return step("send " + copy.length + " bytes", connection -> connection.write(copy));
  }

  /** Waits {@code duration} before the next step: a slow server or network. */
  public Script delay(Duration duration) {
    long millis = duration.toMillis();
    return step("wait " + duration, connection -> Thread.sleep(millis));
  }

  /**
   * Stops answering: reads and drops what the client sends until the client closes. A server that
   * hangs, or a network that swallows everything.
   */
  public Script silence() {
    return step("stay silent", FakeConnection::drainUntilClosed);
  }

  /** Closes the connection in order (FIN), as a server process that exits does; the script ends. */
  public Script close() {
    return step("close the connection", FakeConnection::close);
  }

  /** Resets the connection (RST), as a crashed host or a firewall does; the script ends. */
  public Script reset() {
    return step("reset the connection", FakeConnection::reset);
  }

  /** This script followed by {@code next}'s steps. */
  public Script then(Script next) {
    List<Step> longer = new ArrayList<>(steps);
    longer.addAll(next.steps);
    return new Script(longer);
  }

  /** The steps, in order. */
  List<Step> steps() {
    return steps;
  }

  private Script step(String description, Step.Action action) {
    List<Step> longer = new ArrayList<>(steps);
    longer.add(Step.of(description, action));
    return new Script(longer);
  }

  private static void checkPassword(FakeConnection connection, String expected) throws IOException {
    FrontendMessage answer = connection.read();
    if (answer.type() != 'p') {
      throw new ScriptFailure("expected a PasswordMessage, got " + answer);
    }
    if (answer.firstString().equals(expected)) {
      connection.write(BackendMessages.authenticationOk());
      return;
    }
    String user = connection.startupParameter("user");
    connection.write(
        BackendMessages.errorResponse(
            "FATAL", "28P01", "password authentication failed for user \"" + user + "\""));
    // As a server does; the script ends here, which is no failure of the script.
    connection.close();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * MD5 as lower-case hex, as PostgreSQL's md5 method uses it: hex(md5(hex(md5(pw+user))+salt)).
   */
  private static String md5(byte[] bytes) {
    try {
      return hex(MessageDigest.getInstance("MD5").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has MD5", e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
