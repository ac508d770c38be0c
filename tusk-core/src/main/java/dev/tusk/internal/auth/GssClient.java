package dev.tusk.internal.auth;

import java.util.concurrent.locks.ReentrantLock;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSCredential;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.GSSName;
import org.ietf.jgss.MessageProp;
import org.ietf.jgss.Oid;

/**
 * The client side of a GSSAPI (Kerberos V5) security context through the JDK's JGSS, for
 * authentication (AuthenticationGSS) or for GSSAPI session encryption (GSSENCRequest), which then
 * seals and unseals the session's bytes. Credentials are the JDK's default: those of the current
 * JAAS {@code Subject} (see {@code Subject.doAs}), or, with {@code
 * javax.security.auth.useSubjectCredsOnly=false}, the ticket cache ({@code KRB5CCNAME}, as filled
 * by {@code kinit}). Tokens are never logged or put in messages.
 */
public final class GssClient {

  private static final String KERBEROS_V5 = "1.2.840.113554.1.2.2";

  private final String servicePrincipal;
  private final String purpose;
  private final GSSContext context;

  /** Guards the context once established: the reading and the writing thread both use it. */
  private final ReentrantLock lock = new ReentrantLock();

  private GssClient(String service, String host, boolean encryption, boolean delegate)
      throws AuthenticationException {
    this.servicePrincipal = service + "/" + host;
    this.purpose = encryption ? "GSSAPI encryption" : "GSSAPI authentication";
    try {
      GSSManager manager = GSSManager.getInstance();
      Oid kerberos = new Oid(KERBEROS_V5);
      GSSName server = manager.createName(service + "@" + host, GSSName.NT_HOSTBASED_SERVICE);
      context = manager.createContext(server, kerberos, null, GSSContext.DEFAULT_LIFETIME);
      // libpq asks for mutual authentication always, and for the protections of an encrypted
      // session (confidentiality, integrity, replay and sequence detection) when encrypting.
      context.requestMutualAuth(true);
      context.requestCredDeleg(delegate);
      if (encryption) {
        context.requestConf(true);
        context.requestInteg(true);
        context.requestReplayDet(true);
        context.requestSequenceDet(true);
      }
    } catch (GSSException e) {
      throw failure(e);
    }
  }

  /**
   * A context for GSSAPI authentication with the service {@code service/host}.
   *
   * @param delegate whether to forward the client's credentials ({@code gssdelegation=1})
   * @throws AuthenticationException if JGSS cannot name the service or set up a context
   */
  public static GssClient forAuthentication(String service, String host, boolean delegate)
      throws AuthenticationException {
    return new GssClient(service, host, false, delegate);
  }

  /**
   * A context for GSSAPI session encryption with the service {@code service/host}.
   *
   * @param delegate whether to forward the client's credentials ({@code gssdelegation=1})
   * @throws AuthenticationException if JGSS cannot name the service or set up a context
   */
  public static GssClient forEncryption(String service, String host, boolean delegate)
      throws AuthenticationException {
    return new GssClient(service, host, true, delegate);
  }

  /**
   * Whether JGSS finds initiator credentials for the calling thread (reading the ticket cache where
   * {@code javax.security.auth.useSubjectCredsOnly=false} allows it). See {@link
   * KerberosCredentials#available()} for the cheap check that comes first.
   */
  static boolean jgssFindsCredentials() {
    try {
      GSSCredential credential =
          GSSManager.getInstance()
              .createCredential(
                  null,
                  GSSCredential.DEFAULT_LIFETIME,
                  new Oid(KERBEROS_V5),
                  GSSCredential.INITIATE_ONLY);
      credential.dispose();
      return true;
    } catch (GSSException | SecurityException noCredentials) {
      return false;
    }
  }

  /** The token that starts the exchange. */
  public byte[] firstToken() throws AuthenticationException {
    return next(new byte[0]);
  }

  /**
   * The answer to a server token, or an empty array when the context is established and the server
   * expects nothing more.
   */
  public byte[] next(byte[] serverToken) throws AuthenticationException {
    if (context.isEstablished()) {
      throw new AuthenticationException(
          "the server sent a GSSAPI token after the security context was established");
    }
    try {
      byte[] token = context.initSecContext(serverToken, 0, serverToken.length);
      return token == null ? new byte[0] : token;
    } catch (GSSException e) {
      throw failure(e);
    }
  }

  /** Whether the server has been authenticated, the exchange complete. */
  public boolean isEstablished() {
    return context.isEstablished();
  }

  /** Whether the established context offers confidentiality, as session encryption needs. */
  public boolean confidential() {
    return context.getConfState();
  }

  /** Whether the client's credentials were delegated to the server in the established context. */
  public boolean delegated() {
    return context.getCredDelegState();
  }

  /**
   * The most plaintext one sealed token of at most {@code maxToken} bytes can carry.
   *
   * @throws AuthenticationException if JGSS cannot tell
   */
  public int maxPlaintext(int maxToken) throws AuthenticationException {
    try {
      return context.getWrapSizeLimit(0, true, maxToken);
    } catch (GSSException e) {
      throw failure(e);
    }
  }

  /**
   * Encrypts {@code plain[offset, offset + length)} into one token.
   *
   * @throws AuthenticationException if JGSS fails or would not encrypt
   */
  public byte[] seal(byte[] plain, int offset, int length) throws AuthenticationException {
    MessageProp properties = new MessageProp(0, true);
    byte[] token;
    lock.lock();
    try {
      token = context.wrap(plain, offset, length, properties);
    } catch (GSSException e) {
      throw failure(e);
    } finally {
      lock.unlock();
    }
    if (!properties.getPrivacy()) {
      throw new AuthenticationException("outgoing GSSAPI message would not use confidentiality");
    }
    return token;
  }

  /**
   * Decrypts one token from the server.
   *
   * @throws AuthenticationException if the token is forged, damaged, replayed or not encrypted
   */
  public byte[] unseal(byte[] token, int offset, int length) throws AuthenticationException {
    MessageProp properties = new MessageProp(0, true);
    byte[] plain;
    lock.lock();
    try {
      plain = context.unwrap(token, offset, length, properties);
    } catch (GSSException e) {
      throw failure(e);
    } finally {
      lock.unlock();
    }
    if (!properties.getPrivacy()) {
      throw new AuthenticationException("incoming GSSAPI message did not use confidentiality");
    }
    if (properties.isDuplicateToken()
        || properties.isOldToken()
        || properties.isGapToken()
        || properties.isUnseqToken()) {
      throw new AuthenticationException("incoming GSSAPI message was replayed or out of order");
    }
    return plain;
  }

  /** Releases the context's resources; safe to call more than once. */
  public void dispose() {
    try {
      context.dispose();
    } catch (GSSException e) {
      // Nothing is left to release that matters to the connection.
    }
  }

  private AuthenticationException failure(GSSException e) {
    // JGSS reports an unknown service principal and missing client credentials alike as NO_CRED;
    // its own message says which, the hint names both fixes.
    String hint =
        switch (e.getMajor()) {
          case GSSException.NO_CRED ->
              ": check that krbsrvname and the host name match the server's principal, and that"
                  + " the client has Kerberos credentials: connect inside Subject.doAs with a"
                  + " Subject logged in through Krb5LoginModule, or run kinit and set"
                  + " javax.security.auth.useSubjectCredsOnly=false";
          case GSSException.BAD_NAME, GSSException.BAD_NAMETYPE ->
              ": check krbsrvname and the host name the server's principal was made for";
          default -> "";
        };
    AuthenticationException failure =
        new AuthenticationException(
            purpose + " for service " + servicePrincipal + " failed: " + e.getMessage() + hint);
    failure.initCause(e);
    return failure;
  }
}
