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
import dev.tusk.internal.protocol.BackendKeyData;
import dev.tusk.internal.protocol.BackendMessage;
import dev.tusk.internal.protocol.BackendMessageReader;
import dev.tusk.internal.protocol.BindComplete;
import dev.tusk.internal.protocol.CloseComplete;
import dev.tusk.internal.protocol.CommandComplete;
import dev.tusk.internal.protocol.CopyData;
import dev.tusk.internal.protocol.CopyDone;
import dev.tusk.internal.protocol.CopyResponse;
import dev.tusk.internal.protocol.DataRow;
import dev.tusk.internal.protocol.EmptyQueryResponse;
import dev.tusk.internal.protocol.ErrorResponse;
import dev.tusk.internal.protocol.FrontendMessages;
import dev.tusk.internal.protocol.NegotiateProtocolVersion;
import dev.tusk.internal.protocol.NoData;
import dev.tusk.internal.protocol.NoticeResponse;
import dev.tusk.internal.protocol.NotificationResponse;
import dev.tusk.internal.protocol.ParameterDescription;
import dev.tusk.internal.protocol.ParameterStatus;
import dev.tusk.internal.protocol.ParseComplete;
import dev.tusk.internal.protocol.PortalSuspended;
import dev.tusk.internal.protocol.ReadyForQuery;
import dev.tusk.internal.protocol.RowDescription;
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
    return switch (message) {
      // protocol.Authentication, the sealed family of 'R' messages; this class shares its name.
      case dev.tusk.internal.protocol.Authentication request -> answer(request);
      case ErrorResponse error -> throw SqlStates.toException(error.diagnostic());
      // Nothing to answer: a notice, or NegotiateProtocolVersion saying the server speaks an older
      // minor version (3.0 is what Tusk asks for).
      case NoticeResponse m -> false;
      case NegotiateProtocolVersion m -> false;
      case BackendKeyData m -> throw unexpected(message);
      case BindComplete m -> throw unexpected(message);
      case CloseComplete m -> throw unexpected(message);
      case CommandComplete m -> throw unexpected(message);
      case CopyResponse m -> throw unexpected(message);
      case CopyData m -> throw unexpected(message);
      case CopyDone m -> throw unexpected(message);
      case DataRow m -> throw unexpected(message);
      case EmptyQueryResponse m -> throw unexpected(message);
      case NoData m -> throw unexpected(message);
      case NotificationResponse m -> throw unexpected(message);
      case ParameterDescription m -> throw unexpected(message);
      case ParameterStatus m -> throw unexpected(message);
      case ParseComplete m -> throw unexpected(message);
      case PortalSuspended m -> throw unexpected(message);
      case ReadyForQuery m -> throw unexpected(message);
      case RowDescription m -> throw unexpected(message);
    };
  }

  /** Answers one authentication request of the server; true once it says authentication is ok. */
  private boolean answer(dev.tusk.internal.protocol.Authentication request)
      throws IOException, AuthenticationException {
    switch (request) {
      case AuthenticationOk m -> {
        if (scram != null && !scram.isServerVerified()) {
          // Mutual authentication is the point of SCRAM: a server that skips its proof may be an
          // impostor that never knew the password.
          throw new AuthenticationException(
              "the server accepted SCRAM authentication without proving it knows the password");
        }
        return true;
      }
      case AuthenticationCleartextPassword m -> {
        byte[] password = CleartextPassword.encode(password("password").reveal());
        Startup.send(transport, out -> FrontendMessages.passwordMessage(out, password));
      }
      case AuthenticationMD5Password md5 -> {
        byte[] hash = Md5Password.encode(settings.user(), password("md5").reveal(), md5.salt());
        Startup.send(transport, out -> FrontendMessages.passwordMessage(out, hash));
      }
      case AuthenticationSASL sasl -> startScram(sasl);
      case AuthenticationSASLContinue next -> {
        byte[] clientFinal = scram().handleServerFirstMessage(next.data());
        Startup.send(transport, out -> FrontendMessages.saslResponse(out, clientFinal));
      }
      case AuthenticationSASLFinal last -> scram().verifyServerFinalMessage(last.data());
      case AuthenticationUnsupported unsupported ->
          throw new FeatureNotSupported(
              Diagnostic.client(
                  FeatureNotSupported.SQLSTATE,
                  "the server asks for authentication method "
                      + unsupported.methodName()
                      + ", which Tusk does not support"));
    }
    return false;
  }

  private void startScram(AuthenticationSASL sasl) throws IOException {
    if (!sasl.mechanisms().contains(SCRAM_SHA_256)) {
      throw new FeatureNotSupported(
          Diagnostic.client(
              FeatureNotSupported.SQLSTATE,
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
