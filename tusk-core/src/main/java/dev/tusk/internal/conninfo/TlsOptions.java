package dev.tusk.internal.conninfo;

import java.nio.file.Path;
import java.util.List;

/**
 * The TLS settings beyond {@code sslmode} and the key material: libpq's {@code sslnegotiation},
 * {@code sslsni}, {@code ssl_min_protocol_version}, {@code ssl_max_protocol_version}, {@code
 * sslcrl}, {@code sslcrldir} and {@code sslcertmode}.
 *
 * @param directNegotiation {@code sslnegotiation=direct}: start TLS at once, without SSLRequest
 *     (PostgreSQL 17+, ALPN {@code postgresql})
 * @param serverNameIndication {@code sslsni=1}: send the host name in the TLS handshake
 * @param minProtocol the oldest TLS version allowed, e.g. {@code TLSv1.2}
 * @param maxProtocol the newest TLS version allowed, or null for the newest the JDK has
 * @param crlFile a file of certificate revocation lists (PEM or DER), or null
 * @param crlDirectory a directory of such files, or null
 * @param certMode {@code sslcertmode}: {@code disable}, {@code allow} or {@code require}
 */
public record TlsOptions(
    boolean directNegotiation,
    boolean serverNameIndication,
    String minProtocol,
    String maxProtocol,
    Path crlFile,
    Path crlDirectory,
    String certMode) {

  /** The protocol names libpq accepts, oldest first, spelled as the JDK spells them. */
  public static final List<String> PROTOCOLS = List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");

  /** libpq's defaults: SSLRequest first, SNI on, TLS 1.2 or newer, no CRL, certificates allowed. */
  public static final TlsOptions DEFAULTS =
      new TlsOptions(false, true, "TLSv1.2", null, null, null, "allow");
}
