package dev.tusk.internal.engine;

import dev.tusk.errors.Diagnostic;
import dev.tusk.errors.FeatureNotSupported;
import dev.tusk.errors.InvalidAuthorizationSpecification;
import dev.tusk.errors.ProtocolViolation;
import dev.tusk.errors.SqlStates;
import dev.tusk.internal.auth.AuthenticationException;
import dev.tusk.internal.auth.CleartextPassword;
import dev.tusk.internal.auth.Md5Password;
import dev.tusk.internal.auth.ScramSha256Client;
import dev.tusk.internal.conninfo.ConnectionSettings;
import dev.tusk.internal.conninfo.HostPort;
import dev.tusk.internal.conninfo.Password;
import dev.tusk.internal.protocol.AuthenticationCleartextPassword;
import dev.tusk.internal.protocol.AuthenticationMD5Password;
import dev.tusk.internal.protocol.AuthenticationOk;
import dev.tusk.internal.protocol.AuthenticationSASL;
import dev.tusk.internal.protocol.AuthenticationSASLContinue;
import dev.tusk.internal.protocol.AuthenticationSASLFinal;
import dev.tusk.internal.protocol.AuthenticationUnsupported;
import dev.tusk.internal.protocol.BackendMessage;
import dev.tusk.internal.protocol.BackendMessageReader;
import dev.tusk.internal.protocol.ErrorResponse;
import dev.tusk.internal.protocol.FrontendMessages;
import dev.tusk.internal.protocol.NegotiateProtocolVersion;
import dev.tusk.internal.protocol.NoticeResponse;
import dev.tusk.internal.transport.Transport;
import java.io.IOException;

/**
 * The authentication phase of startup: answers the server's requests (cleartext, MD5,
 * SCRAM-SHA-256) until AuthenticationOk or an error.
 */
final class Authentication {

  private static final String SCRAM_SHA_256 = "SCRAM-SHA-256";

  private final ConnectionSettings settings;
  private final HostPort host;
  private final Transport transport;
  private final BackendMessageReader reader;
  private ScramSha256Client scram;

  Authentication(
      ConnectionSettings settings,
      HostPort host,
      Transport transport,
      BackendMessageReader reader) {
    this.settings = settings;
    this.host = host;
    this.transport = transport;
    this.reader = reader;
  }

  /** Returns at AuthenticationOk; throws the server's error or a precise one of its own. */
  void run() throws IOException {
    try {
      while (!step(reader.read())) {
        // Each step answered one request of the server.
      }
    } catch (AuthenticationException e) {
      throw new InvalidAuthorizationSpecification(
          Diagnostic.client("28000", "authentication with " + host + " failed: " + e.getMessage()),
          e);
    } catch (IllegalArgumentException e) {
      // A password the protocol cannot carry (a NUL character, from the password file); the
      // message names the problem, never the password.
      throw new InvalidAuthorizationSpecification(
          Diagnostic.client(
              "28000",
              "the password for " + settings.user() + " cannot be sent: " + e.getMessage()),
          e);
    }
  }

  /** Handles one message; true once authentication has succeeded. */
  private boolean step(BackendMessage message) throws IOException, AuthenticationException {
    if (message instanceof AuthenticationOk) {
      if (scram != null && !scram.isServerVerified()) {
        // Mutual authentication is the point of SCRAM: a server that skips its proof may be an
        // impostor that never knew the password.
        throw new AuthenticationException(
            "the server accepted SCRAM authentication without proving it knows the password");
      }
      return true;
    } else if (message instanceof AuthenticationCleartextPassword) {
      byte[] password = CleartextPassword.encode(password("password").reveal());
      Startup.send(transport, out -> FrontendMessages.passwordMessage(out, password));
    } else if (message instanceof AuthenticationMD5Password md5) {
      byte[] hash = Md5Password.encode(settings.user(), password("md5").reveal(), md5.salt());
      Startup.send(transport, out -> FrontendMessages.passwordMessage(out, hash));
    } else if (message instanceof AuthenticationSASL sasl) {
      startScram(sasl);
    } else if (message instanceof AuthenticationSASLContinue next) {
      byte[] clientFinal = scram().handleServerFirstMessage(next.data());
      Startup.send(transport, out -> FrontendMessages.saslResponse(out, clientFinal));
    } else if (message instanceof AuthenticationSASLFinal last) {
      scram().verifyServerFinalMessage(last.data());
    } else if (message instanceof AuthenticationUnsupported unsupported) {
      throw new FeatureNotSupported(
          Diagnostic.client(
              "0A000",
              "the server asks for authentication method "
                  + unsupported.methodName()
                  + ", which Tusk does not support"));
    } else if (message instanceof ErrorResponse error) {
      throw SqlStates.toException(error.diagnostic());
    } else if (!(message instanceof NoticeResponse
        || message instanceof NegotiateProtocolVersion)) {
      throw unexpected(message);
    }
    return false;
  }

  private void startScram(AuthenticationSASL sasl) throws IOException {
    if (!sasl.mechanisms().contains(SCRAM_SHA_256)) {
      throw new FeatureNotSupported(
          Diagnostic.client(
              "0A000",
              "the server offers SASL mechanisms "
                  + sasl.mechanisms()
                  + "; Tusk speaks "
                  + SCRAM_SHA_256));
    }
    scram =
        new ScramSha256Client(password("scram-sha-256").reveal(), settings.scramMaxIterations());
    byte[] first = scram.clientFirstMessage();
    Startup.send(transport, out -> FrontendMessages.saslInitialResponse(out, SCRAM_SHA_256, first));
  }

  private ScramSha256Client scram() throws AuthenticationException {
    if (scram == null) {
      throw new AuthenticationException("SASL continuation without a SASL start");
    }
    return scram;
  }

  private Password password(String method) {
    Password password = settings.passwordFor(host);
    if (password == null) {
      throw new InvalidAuthorizationSpecification(
          Diagnostic.client(
              "28000",
              "the server asks "
                  + settings.user()
                  + " for a password ("
                  + method
                  + "), but none was given: set password in the connection string, PGPASSWORD"
                  + " or the password file"));
    }
    return password;
  }

  static ProtocolViolation unexpected(BackendMessage message) {
    return new ProtocolViolation(
        Diagnostic.client(
            "08P01", "unexpected " + message.getClass().getSimpleName() + " during startup"));
  }
}
