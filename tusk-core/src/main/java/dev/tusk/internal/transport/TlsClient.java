package dev.tusk.internal.transport;

import dev.tusk.internal.conninfo.ConnectionSettings;
import dev.tusk.internal.conninfo.SslMode;
import dev.tusk.internal.conninfo.TlsOptions;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * The client side of TLS for one connection's settings: trust ({@link ServerTrust}), the client
 * certificate ({@link ClientCertificate}), protocol versions, SNI, host-name checking for {@code
 * verify-full}, and ALPN {@code postgresql}. Built once per connection attempt, since the files it
 * reads may change between attempts.
 */
public final class TlsClient {

  /** The ALPN protocol name PostgreSQL 17 registered. */
  public static final String ALPN_PROTOCOL = "postgresql";

  private final ConnectionSettings settings;
  private final SSLContext context;
  private final ClientCertificate certificate;

  private TlsClient(
      ConnectionSettings settings, SSLContext context, ClientCertificate certificate) {
    this.settings = settings;
    this.context = context;
    this.certificate = certificate;
  }

  /**
   * Reads the files {@code settings} name.
   *
   * @throws TlsSetupException if they are missing or unreadable where libpq would fail
   */
  public static TlsClient of(ConnectionSettings settings) throws IOException {
    ClientCertificate certificate = ClientCertificate.load(settings);
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      KeyManager[] keys = certificate == null ? null : new KeyManager[] {certificate};
      context.init(keys, ServerTrust.of(settings), null);
      return new TlsClient(settings, context, certificate);
    } catch (GeneralSecurityException e) {
      throw new TlsSetupException("could not set up TLS: " + e.getMessage(), e);
    }
  }

  /** Runs the handshake with {@code host} over {@code socket}; the caller's thread blocks. */
  public TlsTransport handshake(Transport socket, String host, int port) throws IOException {
    SSLEngine engine = context.createSSLEngine(host, port);
    engine.setUseClientMode(true);
    engine.setSSLParameters(parameters(engine, host));
    TlsTransport tls = TlsTransport.handshake(socket, engine);
    if (settings.tls().certMode().equals("require")
        && (certificate == null || !certificate.requested())) {
      tls.close();
      throw new TlsSetupException(
          "sslcertmode=require, but the server did not ask for a client certificate"
              + (certificate == null ? " (and none is configured: set sslcert and sslkey)" : ""));
    }
    return tls;
  }

  private SSLParameters parameters(SSLEngine engine, String host) {
    SSLParameters parameters = engine.getSSLParameters();
    parameters.setProtocols(protocols(engine.getSupportedProtocols(), settings.tls()));
    if (settings.sslMode() == SslMode.VERIFY_FULL) {
      // Checks the certificate's subjectAltName (DNS names or IP addresses), as libpq does.
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
    } else {
      parameters.setEndpointIdentificationAlgorithm(null);
    }
    List<SNIServerName> names = new ArrayList<>();
    if (settings.tls().serverNameIndication() && !isIpLiteral(host)) {
      try {
        names.add(new SNIHostName(host));
      } catch (IllegalArgumentException notAHostName) {
        // A name SNI cannot carry (a trailing dot, say) is sent without SNI, as OpenSSL would.
      }
    }
    parameters.setServerNames(names);
    parameters.setApplicationProtocols(new String[] {ALPN_PROTOCOL});
    return parameters;
  }

  private static String[] protocols(String[] supported, TlsOptions tls) {
    int min = TlsOptions.PROTOCOLS.indexOf(tls.minProtocol());
    int max =
        tls.maxProtocol() == null
            ? TlsOptions.PROTOCOLS.size() - 1
            : TlsOptions.PROTOCOLS.indexOf(tls.maxProtocol());
    List<String> available = Arrays.asList(supported);
    List<String> chosen = new ArrayList<>();
    for (String protocol : TlsOptions.PROTOCOLS.subList(min, max + 1)) {
      if (available.contains(protocol)) {
        chosen.add(protocol);
      }
    }
    return chosen.toArray(new String[0]);
  }

  /** An IPv4 or IPv6 literal: SNI carries host names only (RFC 6066). */
  static boolean isIpLiteral(String host) {
    return host.indexOf(':') >= 0 || host.matches("[0-9]+(\\.[0-9]+){3}");
  }
}
