package dev.tusk.internal.auth;

import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.GSSName;
import org.ietf.jgss.Oid;

/**
 * The client side of GSSAPI (Kerberos V5) authentication through the JDK's JGSS. Credentials are
 * the JDK's default: those of the current JAAS {@code Subject} (see {@code Subject.doAs}), or, with
 * {@code javax.security.auth.useSubjectCredsOnly=false}, the ticket cache ({@code KRB5CCNAME}, as
 * filled by {@code kinit}). Tokens are never logged or put in messages.
 */
public final class GssClient {

  private static final String KERBEROS_V5 = "1.2.840.113554.1.2.2";

  private final String servicePrincipal;
  private final GSSContext context;

  /**
   * Prepares a context for the service {@code service/host}.
   *
   * @throws AuthenticationException if JGSS cannot name the service or set up a context
   */
  public GssClient(String service, String host) throws AuthenticationException {
    this.servicePrincipal = service + "/" + host;
    try {
      GSSManager manager = GSSManager.getInstance();
      Oid kerberos = new Oid(KERBEROS_V5);
      GSSName server = manager.createName(service + "@" + host, GSSName.NT_HOSTBASED_SERVICE);
      context = manager.createContext(server, kerberos, null, GSSContext.DEFAULT_LIFETIME);
      // Authentication only: libpq asks for mutual authentication and no delegation, as here.
      context.requestMutualAuth(true);
      context.requestCredDeleg(false);
    } catch (GSSException e) {
      throw failure(e);
    }
  }

  /** The token for the first GSSResponse. */
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
            "GSSAPI authentication for service "
                + servicePrincipal
                + " failed: "
                + e.getMessage()
                + hint);
    failure.initCause(e);
    return failure;
  }
}
