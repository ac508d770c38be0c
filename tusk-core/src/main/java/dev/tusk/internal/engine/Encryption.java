package dev.tusk.internal.engine;

import dev.tusk.errors.Diagnostic;
import dev.tusk.errors.SqlclientUnableToEstablishSqlconnection;
import dev.tusk.internal.auth.KerberosCredentials;
import dev.tusk.internal.conninfo.ConnectionSettings;
import dev.tusk.internal.conninfo.GssEncMode;
import dev.tusk.internal.conninfo.HostPort;
import dev.tusk.internal.conninfo.RequireAuth;
import java.util.ArrayList;
import java.util.List;

/**
 * How one attempt at a host is encrypted, and the order {@code gssencmode} and {@code sslmode} try
 * them in, as libpq 17 does: GSSAPI encryption first if {@code gssencmode} allows it and the client
 * has Kerberos credentials ({@code require}: always, and nothing else is tried); then {@code
 * sslmode}'s: {@code allow} plain text first, then TLS; {@code prefer} TLS first, then plain text;
 * {@code require} and stronger TLS only. A Unix-domain socket is never encrypted, whatever the mode
 * (libpq: the socket is local, and the server offers neither TLS nor GSSAPI on it).
 */
enum Encryption {
  /** No TLS. */
  PLAIN,
  /** SSLRequest, then TLS if the server agrees. */
  TLS,
  /** TLS from the first byte, with ALPN ({@code sslnegotiation=direct}). */
  DIRECT_TLS,
  /** GSSENCRequest, then GSSAPI session encryption if the server agrees. */
  GSS;

  static List<Encryption> plan(ConnectionSettings settings, HostPort host) {
    GssEncMode gss = settings.gssEncMode();
    if (host.isUnixSocket()) {
      if (gss == GssEncMode.REQUIRE) {
        throw new SqlclientUnableToEstablishSqlconnection(
            Diagnostic.client(
                "08001",
                "gssencmode=require, but "
                    + host
                    + " is a Unix-domain socket, where GSSAPI encryption is not supported: connect"
                    + " by host name"));
      }
      return List.of(PLAIN);
    }
    List<Encryption> methods = new ArrayList<>();
    if (gss == GssEncMode.REQUIRE || (gss == GssEncMode.PREFER && worthTryingGss(settings))) {
      methods.add(GSS);
    }
    if (gss == GssEncMode.REQUIRE) {
      // As in libpq, GSSAPI encryption wins over any sslmode: it is the only method.
      return methods;
    }
    Encryption tls = settings.tls().directNegotiation() ? DIRECT_TLS : TLS;
    methods.addAll(
        switch (settings.sslMode()) {
          case DISABLE -> List.of(PLAIN);
          case ALLOW -> List.of(PLAIN, tls);
          case PREFER -> List.of(tls, PLAIN);
          case REQUIRE, VERIFY_CA, VERIFY_FULL -> List.of(tls);
        });
    return methods;
  }

  /**
   * {@code prefer} asks for GSSAPI encryption only with Kerberos credentials at hand (libpq: a
   * credential cache), so that connections without Kerberos neither wait nor pay for it; and not
   * when require_auth refuses gss, since a GSSAPI-encrypted session is a GSSAPI-authenticated one.
   */
  private static boolean worthTryingGss(ConnectionSettings settings) {
    return settings.requireAuth().allows(RequireAuth.Method.GSS) && KerberosCredentials.available();
  }
}
