package dev.tusk.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.ZonedDateTime;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;

/**
 * A certificate authority, server and client certificates made for tests, in code ({@link
 * CertificateIssuer}), written as the PEM and PKCS#12 files PostgreSQL and libpq read.
 *
 * <p>Keys are EC P-256 except the client's, which is RSA; everything is signed with
 * SHA256withECDSA.
 */
public final class TestCertificates {

  /** The passphrase of every keystore here, and of {@link #clientKeyEncrypted()}. */
  public static final String PASSWORD = "tusk-test-pass";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path directory;
  private final String clientUser;

  private TestCertificates(Path directory, String clientUser) {
    this.directory = directory;
    this.clientUser = clientUser;
  }

  /**
   * Makes everything in {@code directory}: a CA, a second CA nobody trusts, a server certificate
   * for {@code localhost} (subjectAltName DNS:localhost only, so {@code 127.0.0.1} does not match),
   * an expired one, a client certificate for {@code clientUser}, and a revocation list revoking the
   * server certificate.
   */
  public static TestCertificates generate(Path directory, String clientUser) throws IOException {
    TestCertificates certificates = new TestCertificates(directory, clientUser);
    certificates.make();
    return certificates;
  }

  private void make() throws IOException {
    try {
      CertificateIssuer ca = CertificateIssuer.create("Tusk Test CA");
      CertificateIssuer other = CertificateIssuer.create("Tusk Untrusted CA");
      ZonedDateTime now = ZonedDateTime.now();
      writeCertificates("ca.crt", ca.certificate());
      writeCertificates("other-ca.crt", other.certificate());

      KeyPair server = CertificateIssuer.ecKeys();
      X509Certificate serverCertificate =
          ca.issue(
              server.getPublic(), "localhost", "localhost", now.minusDays(1), now.plusDays(30));
      writeCertificates("server.crt", serverCertificate);
      writeOwnerOnly("server.key", pem("PRIVATE KEY", server.getPrivate().getEncoded()));
      writeKeyStore("server.p12", server.getPrivate(), serverCertificate, ca.certificate());

      KeyPair expired = CertificateIssuer.ecKeys();
      X509Certificate expiredCertificate =
          ca.issue(
              expired.getPublic(), "localhost", "localhost", now.minusDays(10), now.minusDays(9));
      writeKeyStore("expired.p12", expired.getPrivate(), expiredCertificate, ca.certificate());

      KeyPair client = CertificateIssuer.rsaKeys();
      X509Certificate clientCertificate =
          ca.issue(client.getPublic(), clientUser, null, now.minusDays(1), now.plusDays(30));
      writeCertificates("client.crt", clientCertificate);
      writeOwnerOnly("client.key", pem("PRIVATE KEY", client.getPrivate().getEncoded()));
      writeOwnerOnly("client-encrypted.key", encrypted(client.getPrivate()));
      writeKeyStore("client.p12", client.getPrivate(), clientCertificate, ca.certificate());

      X509CRL crl = ca.revocationList(serverCertificate.getSerialNumber());
      Files.createDirectories(directory.resolve("crls-server-revoked"));
      Files.writeString(revocationListRevokingServer(), pem("X509 CRL", crl.getEncoded()));
      Files.createDirectories(directory.resolve("crls-none-revoked"));
      Files.writeString(
          directory.resolve("crls-none-revoked").resolve("ca.crl"),
          pem("X509 CRL", ca.revocationList().getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IOException("could not make test certificates: " + e.getMessage(), e);
    }
  }

  private void writeCertificates(String file, X509Certificate... certificates)
      throws IOException, GeneralSecurityException {
    StringBuilder text = new StringBuilder();
    for (X509Certificate certificate : certificates) {
      text.append(pem("CERTIFICATE", certificate.getEncoded()));
    }
    Files.writeString(directory.resolve(file), text, StandardCharsets.US_ASCII);
  }

  private void writeKeyStore(String file, PrivateKey key, X509Certificate... chain)
      throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("key", key, PASSWORD.toCharArray(), chain);
    try (OutputStream out = Files.newOutputStream(directory.resolve(file))) {
      store.store(out, PASSWORD.toCharArray());
    }
  }

  /** PKCS#8 under PBES2 with AES-256, as {@code openssl pkcs8 -topk8} writes by default. */
  private static String encrypted(PrivateKey key) throws GeneralSecurityException, IOException {
    String scheme = "PBEWithHmacSHA256AndAES_256";
    byte[] salt = new byte[16];
    byte[] iv = new byte[16];
    RANDOM.nextBytes(salt);
    RANDOM.nextBytes(iv);
    var secret =
        SecretKeyFactory.getInstance(scheme).generateSecret(new PBEKeySpec(PASSWORD.toCharArray()));
    Cipher cipher = Cipher.getInstance(scheme);
    cipher.init(
        Cipher.ENCRYPT_MODE, secret, new PBEParameterSpec(salt, 10_000, new IvParameterSpec(iv)));
    byte[] encrypted = cipher.doFinal(key.getEncoded());
    // EncryptedPrivateKeyInfo's own constructor cannot name PBES2 schemes, so it is encoded here.
    byte[] pbes2 = DerEncoder.oid("1.2.840.113549.1.5.13");
    byte[] algorithm = DerEncoder.sequence(pbes2, cipher.getParameters().getEncoded());
    byte[] der = DerEncoder.sequence(algorithm, DerEncoder.octetString(encrypted));
    return pem("ENCRYPTED PRIVATE KEY", der);
  }

  private static String pem(String label, byte[] der) {
    String base64 =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + label + "-----\n" + base64 + "\n-----END " + label + "-----\n";
  }

  /** PostgreSQL refuses a key file others may read. */
  private void writeOwnerOnly(String file, String text) throws IOException {
    Path path = directory.resolve(file);
    Files.writeString(path, text, StandardCharsets.US_ASCII);
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the server does not check there.
    }
  }

  /** The user name in the client certificate's CN. */
  public String clientUser() {
    return clientUser;
  }

  /** The CA that signed the server and client certificates (PEM). */
  public Path caCertificate() {
    return directory.resolve("ca.crt");
  }

  /** A CA that signed nothing here (PEM). */
  public Path otherCaCertificate() {
    return directory.resolve("other-ca.crt");
  }

  /** The server certificate for localhost (PEM). */
  public Path serverCertificate() {
    return directory.resolve("server.crt");
  }

  /** The server certificate's key (PKCS#8 PEM, owner-only). */
  public Path serverKey() {
    return directory.resolve("server.key");
  }

  /** A PKCS#12 keystore ({@link #PASSWORD}) with a server key and a certificate that expired. */
  public Path expiredServerKeyStore() {
    return directory.resolve("expired.p12");
  }

  /** A PKCS#12 keystore ({@link #PASSWORD}) with the valid server key and certificate. */
  public Path serverKeyStore() {
    return directory.resolve("server.p12");
  }

  /** The client certificate (PEM), CN {@link #clientUser()}. */
  public Path clientCertificate() {
    return directory.resolve("client.crt");
  }

  /** The client key (PKCS#8 PEM). */
  public Path clientKey() {
    return directory.resolve("client.key");
  }

  /** The client key encrypted with {@link #PASSWORD} (PKCS#8 PEM, PBES2 AES-256). */
  public Path clientKeyEncrypted() {
    return directory.resolve("client-encrypted.key");
  }

  /** The client key and certificate chain as PKCS#12, with {@link #PASSWORD}. */
  public Path clientKeyStore() {
    return directory.resolve("client.p12");
  }

  /** A directory holding one revocation list (PEM) from the CA that revokes nothing. */
  public Path revocationListDirectoryRevokingNothing() {
    return directory.resolve("crls-none-revoked");
  }

  /**
   * A certificate revocation list (PEM) from the CA revoking the server certificate, alone in its
   * directory.
   */
  public Path revocationListRevokingServer() {
    return directory.resolve("crls-server-revoked").resolve("ca.crl");
  }
}
