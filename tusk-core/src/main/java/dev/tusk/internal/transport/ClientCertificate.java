package dev.tusk.internal.transport;

import dev.tusk.internal.conninfo.ConnectionSettings;
import dev.tusk.internal.conninfo.Password;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Locale;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The client certificate and key ({@code sslcert}, {@code sslkey}, {@code sslpassword}), offered to
 * the server whenever it asks, as libpq offers it. Records whether the server asked, for {@code
 * sslcertmode=require}.
 *
 * <p>{@code sslkey} is a PEM file (PKCS#8, PKCS#1 RSA, encrypted PKCS#8 or OpenSSL's older
 * encrypted PEM) or, if its name ends in {@code .p12} or {@code .pfx}, a PKCS#12 file holding both
 * the key and its certificate chain.
 */
final class ClientCertificate extends X509ExtendedKeyManager {

  private static final String ALIAS = "sslcert";

  private final X509Certificate[] chain;
  private final PrivateKey key;
  private volatile boolean requested;

  private ClientCertificate(X509Certificate[] chain, PrivateKey key) {
    this.chain = chain;
    this.key = key;
  }

  /**
   * The client certificate {@code settings} name, or null when there is none to send ({@code
   * sslcertmode=disable}, or no certificate file).
   */
  static ClientCertificate load(ConnectionSettings settings) throws IOException {
    if (settings.tls().certMode().equals("disable")) {
      return null;
    }
    Path keyFile = settings.sslKey();
    if (keyFile != null && isPkcs12(keyFile) && Files.exists(keyFile)) {
      return fromPkcs12(keyFile, settings.sslPassword());
    }
    Path certFile = settings.sslCert();
    if (certFile == null || !Files.exists(certFile)) {
      return null;
    }
    if (keyFile == null || !Files.exists(keyFile)) {
      throw new TlsSetupException(
          "certificate present, but not private key file \""
              + keyFile
              + "\": give the key of "
              + certFile
              + " with sslkey=<file>");
    }
    X509Certificate[] chain = readChain(certFile);
    String text = Files.readString(keyFile, java.nio.charset.StandardCharsets.US_ASCII);
    PrivateKey key =
        PrivateKeys.fromPem(
            text, chain[0].getPublicKey().getAlgorithm(), settings.sslPassword(), keyFile);
    return new ClientCertificate(chain, key);
  }

  private static boolean isPkcs12(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".p12") || name.endsWith(".pfx");
  }

  private static X509Certificate[] readChain(Path certFile) throws IOException {
    try (InputStream in = Files.newInputStream(certFile)) {
      var certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certificates.isEmpty()) {
        throw new TlsSetupException("sslcert file \"" + certFile + "\" holds no certificate");
      }
      return certificates.toArray(new X509Certificate[0]);
    } catch (GeneralSecurityException e) {
      throw new TlsSetupException(
          "could not read certificate file \"" + certFile + "\": " + e.getMessage(), e);
    }
  }

  private static ClientCertificate fromPkcs12(Path file, Password password) throws IOException {
    char[] secret = password == null ? new char[0] : password.reveal().toCharArray();
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, secret);
      for (Enumeration<String> aliases = store.aliases(); aliases.hasMoreElements(); ) {
        String alias = aliases.nextElement();
        if (store.isKeyEntry(alias)) {
          Key key = store.getKey(alias, secret);
          Certificate[] chain = store.getCertificateChain(alias);
          if (key instanceof PrivateKey privateKey && chain != null && chain.length > 0) {
            return new ClientCertificate(
                Arrays.copyOf(chain, chain.length, X509Certificate[].class), privateKey);
          }
        }
      }
      throw new TlsSetupException(
          "PKCS#12 file \"" + file + "\" holds no private key with a certificate");
    } catch (GeneralSecurityException e) {
      throw new TlsSetupException(
          "could not read PKCS#12 file \""
              + file
              + "\" (is sslpassword right?): "
              + e.getClass().getSimpleName(),
          e);
    } catch (IOException e) {
      if (e instanceof TlsSetupException) {
        throw e;
      }
      // KeyStore.load reports a wrong password as an IOException.
      throw new TlsSetupException(
          "could not read PKCS#12 file \"" + file + "\": wrong or missing sslpassword?", e);
    } finally {
      Arrays.fill(secret, '\0');
    }
  }

  /** Whether the server asked for a client certificate during the handshake. */
  boolean requested() {
    return requested;
  }

  @Override
  public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
    // Sent whatever authorities the server names, as OpenSSL does for libpq.
    requested = true;
    return ALIAS;
  }

  @Override
  public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
    requested = true;
    return ALIAS;
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return new String[] {ALIAS};
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    return ALIAS.equals(alias) ? chain.clone() : null;
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return ALIAS.equals(alias) ? key : null;
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    return null;
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return null;
  }
}
