package dev.tusk.internal.transport;

import dev.tusk.internal.conninfo.ConnectionSettings;
import dev.tusk.internal.conninfo.SslMode;
import dev.tusk.internal.conninfo.TlsOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CRL;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import javax.net.ssl.CertPathTrustManagerParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Which server certificates to accept, as libpq decides: the chain is checked against {@code
 * sslrootcert} whenever that file exists (so {@code require} with a root file acts as {@code
 * verify-ca}), it must exist for {@code verify-ca} and {@code verify-full}, and without it the
 * weaker modes accept any certificate. Revocation lists ({@code sslcrl}, {@code sslcrldir}) apply
 * to every certificate of the chain, as libpq's CRL_CHECK_ALL does.
 */
final class ServerTrust {

  private ServerTrust() {}

  /** The trust managers for {@code settings}; never empty. */
  static TrustManager[] of(ConnectionSettings settings) throws IOException {
    try {
      if (settings.usesSystemRootCerts()) {
        return managers(null, settings.tls());
      }
      Path rootCert = settings.sslRootCert();
      if (rootCert == null || !Files.exists(rootCert)) {
        if (settings.sslMode().compareTo(SslMode.VERIFY_CA) >= 0) {
          throw new TlsSetupException(
              "root certificate file \""
                  + rootCert
                  + "\" does not exist: sslmode="
                  + settings.sslMode().keyword()
                  + " needs the certificate authority that signed the server's certificate;"
                  + " give it with sslrootcert=<file>, use sslrootcert=system to trust the JDK's"
                  + " root certificates, or choose a weaker sslmode");
        }
        return new TrustManager[] {new AnyCertificate()};
      }
      return managers(rootStore(rootCert), settings.tls());
    } catch (GeneralSecurityException e) {
      throw new TlsSetupException("could not set up certificate checking: " + e.getMessage(), e);
    }
  }

  private static KeyStore rootStore(Path rootCert) throws IOException, GeneralSecurityException {
    Collection<? extends Certificate> certificates;
    try (InputStream in = Files.newInputStream(rootCert)) {
      certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
    } catch (GeneralSecurityException e) {
      throw new TlsSetupException(
          "could not read root certificate file \"" + rootCert + "\": " + e.getMessage(), e);
    }
    if (certificates.isEmpty()) {
      throw new TlsSetupException(
          "root certificate file \"" + rootCert + "\" holds no certificate");
    }
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    int index = 0;
    for (Certificate certificate : certificates) {
      store.setCertificateEntry("root-" + index++, certificate);
    }
    return store;
  }

  /** PKIX managers over {@code roots} (null: the JDK's), with revocation lists if configured. */
  private static TrustManager[] managers(KeyStore roots, TlsOptions tls)
      throws IOException, GeneralSecurityException {
    TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
    List<CRL> crls = revocationLists(tls);
    if (crls.isEmpty()) {
      factory.init(roots);
      return factory.getTrustManagers();
    }
    if (roots == null) {
      roots = KeyStore.getInstance(KeyStore.getDefaultType());
      roots.load(null, null);
      TrustManagerFactory system = TrustManagerFactory.getInstance("PKIX");
      system.init((KeyStore) null);
      int index = 0;
      for (TrustManager manager : system.getTrustManagers()) {
        if (manager instanceof X509TrustManager x509) {
          for (X509Certificate issuer : x509.getAcceptedIssuers()) {
            roots.setCertificateEntry("system-" + index++, issuer);
          }
        }
      }
    }
    PKIXBuilderParameters parameters = new PKIXBuilderParameters(roots, new X509CertSelector());
    parameters.addCertStore(
        CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
    parameters.setRevocationEnabled(true);
    PKIXRevocationChecker checker =
        (PKIXRevocationChecker) CertPathBuilder.getInstance("PKIX").getRevocationChecker();
    // The lists given are the only source: no OCSP, no fetching, as in libpq.
    checker.setOptions(
        EnumSet.of(
            PKIXRevocationChecker.Option.PREFER_CRLS, PKIXRevocationChecker.Option.NO_FALLBACK));
    parameters.addCertPathChecker(checker);
    factory.init(new CertPathTrustManagerParameters(parameters));
    return factory.getTrustManagers();
  }

  private static List<CRL> revocationLists(TlsOptions tls) throws IOException {
    List<Path> files = new ArrayList<>();
    if (tls.crlFile() != null && Files.exists(tls.crlFile())) {
      files.add(tls.crlFile());
    }
    if (tls.crlDirectory() != null && Files.isDirectory(tls.crlDirectory())) {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(tls.crlDirectory())) {
        for (Path entry : entries) {
          if (Files.isRegularFile(entry)) {
            files.add(entry);
          }
        }
      }
    }
    List<CRL> crls = new ArrayList<>();
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        crls.addAll(CertificateFactory.getInstance("X.509").generateCRLs(in));
      } catch (GeneralSecurityException e) {
        throw new TlsSetupException(
            "could not read certificate revocation list \"" + file + "\": " + e.getMessage(), e);
      }
    }
    return crls;
  }

  /**
   * Accepts any server certificate: {@code sslmode} allow, prefer or require without a root
   * certificate file, which encrypt but do not authenticate the server (as in libpq).
   */
  private static final class AnyCertificate implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
      throw new UnsupportedOperationException("client side only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
      // Deliberately unchecked: see the class comment.
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
