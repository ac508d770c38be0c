package dev.tusk.internal.engine;

import dev.tusk.errors.Diagnostic;
import dev.tusk.errors.FeatureNotSupported;
import dev.tusk.errors.InvalidAuthorizationSpecification;
import dev.tusk.errors.ProtocolViolation;
import dev.tusk.errors.SqlStates;
import dev.tusk.errors.SqlclientUnableToEstablishSqlconnection;
import dev.tusk.internal.auth.AuthenticationException;
import dev.tusk.internal.auth.ChannelBinding;
import dev.tusk.internal.auth.CleartextPassword;
import dev.tusk.internal.auth.GssClient;
import dev.tusk.internal.auth.Md5Password;
import dev.tusk.internal.auth.OAuthBearer;
import dev.tusk.internal.auth.ScramCredential;
import dev.tusk.internal.auth.ScramSha256Client;
import dev.tusk.internal.conninfo.ConnectionSettings;
import dev.tusk.internal.conninfo.HostPort;
import dev.tusk.internal.conninfo.Password;
import dev.tusk.internal.conninfo.RequireAuth.Method;
import dev.tusk.internal.conninfo.ScramKeys;
import dev.tusk.internal.protocol.Authentication;
import dev.tusk.internal.protocol.AuthenticationCleartextPassword;
import dev.tusk.internal.protocol.AuthenticationGSS;
import dev.tusk.internal.protocol.AuthenticationGSSContinue;
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
import java.security.cert.X509Certificate;

/**
 * The authentication phase of startup: answers the server's requests (cleartext, MD5,
 * SCRAM-SHA-256, SCRAM-SHA-256-PLUS, GSSAPI, OAUTHBEARER) until AuthenticationOk or an error,
 * within what {@link AuthenticationPolicy} allows. An OAUTHBEARER exchange that only discovered the
 * server's parameters ends without AuthenticationOk: see {@link #run()} and {@link OAuthFlow}.
 */
final class Authenticator {

  private final ConnectionSettings settings;
  private final HostPort host;
  private final Transport transport;
  private final BackendMessageReader reader;
  private final X509Certificate serverCertificate;
  private final int requestedMinor;
  private final AuthenticationPolicy policy;
  private final OAuthFlow oauth;
  private ScramSha256Client scram;
  private GssClient gss;
  private boolean oauthStarted;
  private boolean tokenNeeded;
  private boolean exchanged;

  /**
   * @param serverCertificate the server's TLS certificate, for channel binding; null without TLS
   * @param gssEncrypted whether the session is GSSAPI-encrypted, which authenticated the client
   * @param requestedMinor the minor protocol version the StartupMessage asked for
   * @param oauth the OAuth state of this host, which lasts across the discovery connection and the
   *     one that presents the token
   */
  Authenticator(
      ConnectionSettings settings,
      HostPort host,
      Transport transport,
      BackendMessageReader reader,
      X509Certificate serverCertificate,
      boolean gssEncrypted,
      int requestedMinor,
      OAuthFlow oauth) {
    this.settings = settings;
    this.host = host;
    this.transport = transport;
    this.reader = reader;
    this.serverCertificate = serverCertificate;
    this.requestedMinor = requestedMinor;
    this.oauth = oauth;
    this.policy =
        new AuthenticationPolicy(
            settings.requireAuth(),
            settings.channelBinding(),
            serverCertificate != null,
            gssEncrypted);
  }

  /**
   * Returns true at AuthenticationOk, and false when an OAUTHBEARER exchange has discovered the
   * server's parameters and the server has failed it, as it must without a token: the caller then
   * gets a token and connects again. Throws the server's error or a precise one of its own.
   */
  boolean run() throws IOException {
    try {
      exchange();
      return !tokenNeeded;
    } catch (AuthenticationException e) {
      throw new InvalidAuthorizationSpecification(
          Diagnostic.client("28000", "authentication with " + host + " failed: " + e.getMessage()),
          e);
    } finally {
      if (gss != null) {
        gss.dispose();
      }
    }
  }

  /** Answers requests until AuthenticationOk; an exception ends it. */
  private void exchange() throws IOException, AuthenticationException {
    try {
      while (!step(reader.read())) {
        // Each step answered one request of the server.
      }
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
    switch (message) {
      case Authentication request -> {
        return answer(request);
      }
      case NegotiateProtocolVersion negotiation -> checkProtocol(negotiation);
      case NoticeResponse notice -> {
        // A notice before authentication ends says nothing the outcome will not.
      }
      case ErrorResponse error -> {
        if (oauthStarted && oauth.awaitsToken()) {
          // The expected end of a discovery exchange, not a failure to report.
          tokenNeeded = true;
          return true;
        }
        throw SqlStates.toException(error.diagnostic());
      }
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
    }
    return false;
  }

  /** Answers one authentication request; true at AuthenticationOk. */
  private boolean answer(Authentication request) throws IOException, AuthenticationException {
    switch (request) {
      case AuthenticationOk ok -> {
        if (scram != null && !scram.isServerVerified()) {
          // Mutual authentication is the point of SCRAM: a server that skips its proof may be an
          // impostor that never knew the password.
          throw new AuthenticationException(
              "the server accepted SCRAM authentication without proving it knows the password");
        }
        if (gss != null && !gss.isEstablished()) {
          // Mutual authentication was asked for: the server must prove who it is, as Kerberos
          // lets it, before the client trusts the session.
          throw new AuthenticationException(
              "the server accepted GSSAPI authentication before proving its own identity");
        }
        if (oauthStarted) {
          oauth.checkAccepted();
        }
        policy.checkOk(exchanged, scram != null && scram.mechanism().endsWith("-PLUS"));
        return true;
      }
      case AuthenticationCleartextPassword m -> {
        exchanged = true;
        policy.checkRequest(Method.PASSWORD, "a cleartext password");
        byte[] password = CleartextPassword.encode(password("password").reveal());
        Startup.send(transport, out -> FrontendMessages.passwordMessage(out, password));
      }
      case AuthenticationMD5Password md5 -> {
        exchanged = true;
        policy.checkRequest(Method.MD5, "a hashed password");
        byte[] hash = Md5Password.encode(settings.user(), password("md5").reveal(), md5.salt());
        Startup.send(transport, out -> FrontendMessages.passwordMessage(out, hash));
      }
      case AuthenticationGSS m -> {
        exchanged = true;
        startGss();
      }
      case AuthenticationGSSContinue next -> {
        exchanged = true;
        if (gss == null) {
          throw new AuthenticationException("GSSAPI continuation without a GSSAPI start");
        }
        sendGss(gss.next(next.data()));
      }
      case AuthenticationSASL sasl -> {
        exchanged = true;
        startSasl(sasl);
      }
      case AuthenticationSASLContinue next -> {
        exchanged = true;
        byte[] answer =
            oauthStarted
                ? oauth.serverError(next.data())
                : scram().handleServerFirstMessage(next.data());
        Startup.send(transport, out -> FrontendMessages.saslResponse(out, answer));
      }
      case AuthenticationSASLFinal last -> {
        exchanged = true;
        if (oauthStarted) {
          // OAUTHBEARER has no additional data on success.
          throw new AuthenticationException("the server sent unexpected additional OAuth data");
        }
        scram().verifyServerFinalMessage(last.data());
      }
      case AuthenticationUnsupported unsupported -> {
        exchanged = true;
        checkUnsupported(unsupported);
        throw new FeatureNotSupported(
            Diagnostic.client(
                FeatureNotSupported.SQLSTATE,
                "the server asks for authentication method "
                    + unsupported.methodName()
                    + ", which Tusk does not support"));
      }
    }
    return false;
  }

  /**
   * The server speaks an older minor version than asked for (or lacks a {@code _pq_} option, of
   * which Tusk sends none): go on in that version if min_protocol_version allows it.
   */
  private void checkProtocol(NegotiateProtocolVersion negotiation) {
    int asked = requestedMinor;
    int offered = negotiation.newestMinorVersion();
    if (offered >= asked || !negotiation.unrecognizedOptions().isEmpty()) {
      throw new ProtocolViolation(
          Diagnostic.client(
              "08P01",
              "invalid NegotiateProtocolVersion from "
                  + host
                  + ": version 3."
                  + offered
                  + " in answer to 3."
                  + asked
                  + ", unrecognized options "
                  + negotiation.unrecognizedOptions()));
    }
    if (offered < settings.protocol().minMinor()) {
      throw new SqlclientUnableToEstablishSqlconnection(
          Diagnostic.client(
              "08001",
              "the server "
                  + host
                  + " only supports protocol version 3."
                  + offered
                  + ", but min_protocol_version is 3."
                  + settings.protocol().minMinor()));
    }
  }

  /** require_auth and channel_binding speak first, so a refusal says why it was refused. */
  private void checkUnsupported(AuthenticationUnsupported request) throws AuthenticationException {
    switch (request.method()) {
      case AuthenticationUnsupported.SSPI ->
          policy.checkRequest(Method.SSPI, "SSPI authentication");
      default -> {
        // Methods require_auth has no word for: refused below as unsupported.
      }
    }
  }

  private void startSasl(AuthenticationSASL sasl) throws IOException, AuthenticationException {
    if (scram != null || oauthStarted) {
      throw new AuthenticationException("the server started SASL authentication twice");
    }
    String mechanism = policy.chooseMechanism(sasl.mechanisms());
    if (mechanism == null) {
      throw new FeatureNotSupported(
          Diagnostic.client(
              FeatureNotSupported.SQLSTATE,
              "the server offers SASL mechanisms "
                  + sasl.mechanisms()
                  + "; Tusk speaks "
                  + AuthenticationPolicy.SCRAM_SHA_256
                  + ", "
                  + AuthenticationPolicy.SCRAM_SHA_256_PLUS
                  + " and "
                  + OAuthBearer.MECHANISM));
    }
    if (mechanism.equals(OAuthBearer.MECHANISM)) {
      oauthStarted = true;
      byte[] initial = oauth.start(host.host());
      Startup.send(
          transport,
          out -> FrontendMessages.saslInitialResponse(out, OAuthBearer.MECHANISM, initial));
      return;
    }
    startScram(mechanism);
  }

  private void startScram(String mechanism) throws IOException, AuthenticationException {
    ChannelBinding binding = channelBinding(mechanism);
    scram = new ScramSha256Client(scramCredential(), settings.scramMaxIterations(), binding);
    byte[] first = scram.clientFirstMessage();
    Startup.send(
        transport, out -> FrontendMessages.saslInitialResponse(out, scram.mechanism(), first));
  }

  private void startGss() throws IOException, AuthenticationException {
    policy.checkRequest(Method.GSS, "GSSAPI authentication");
    if (gss != null) {
      throw new AuthenticationException("the server started GSSAPI authentication twice");
    }
    if (host.isUnixSocket()) {
      throw new AuthenticationException(
          "GSSAPI needs the server's host name for its principal, but the connection uses a"
              + " Unix-domain socket: connect by host name");
    }
    gss = GssClient.forAuthentication(settings.krbsrvname(), host.host(), settings.gssDelegation());
    sendGss(gss.firstToken());
  }

  /** Sends a GSSResponse unless the context has nothing more to say. */
  private void sendGss(byte[] token) throws IOException {
    if (token.length > 0) {
      Startup.send(transport, out -> FrontendMessages.saslResponse(out, token));
    }
  }

  private ChannelBinding channelBinding(String mechanism) throws AuthenticationException {
    if (mechanism.equals(AuthenticationPolicy.SCRAM_SHA_256_PLUS)) {
      try {
        return ChannelBinding.tlsServerEndPoint(serverCertificate);
      } catch (IllegalArgumentException e) {
        throw new AuthenticationException(e.getMessage());
      }
    }
    return policy.supportsBinding() ? ChannelBinding.SUPPORTED_NOT_OFFERED : ChannelBinding.NONE;
  }

  private ScramSha256Client scram() throws AuthenticationException {
    if (scram == null) {
      throw new AuthenticationException("SASL continuation without a SASL start");
    }
    return scram;
  }

  /** The SCRAM keys when given (libpq uses them before any password), else the password. */
  private ScramCredential scramCredential() {
    ScramKeys keys = settings.scramKeys();
    if (keys != null) {
      return ScramCredential.keys(keys.clientKey(), keys.serverKey());
    }
    return ScramCredential.password(password("scram-sha-256").reveal());
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
                  + "), but none was given: set password in the connection string, PGPASSWORD,"
                  + " the password file or a password supplier"
                  + (settings.scramKeys() == null
                      ? ""
                      : " (scram_client_key and scram_server_key answer SCRAM authentication"
                          + " only)")));
    }
    return password;
  }

  static ProtocolViolation unexpected(BackendMessage message) {
    return new ProtocolViolation(
        Diagnostic.client("08P01", "unexpected " + message.messageName() + " during startup"));
  }
}
