package dev.tusk.testing;

import static dev.tusk.testing.DerEncoder.bitString;
import static dev.tusk.testing.DerEncoder.bool;
import static dev.tusk.testing.DerEncoder.element;
import static dev.tusk.testing.DerEncoder.explicit;
import static dev.tusk.testing.DerEncoder.integer;
import static dev.tusk.testing.DerEncoder.octetString;
import static dev.tusk.testing.DerEncoder.oid;
import static dev.tusk.testing.DerEncoder.sequence;
import static dev.tusk.testing.DerEncoder.set;
import static dev.tusk.testing.DerEncoder.utcTime;
import static dev.tusk.testing.DerEncoder.utf8String;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A certificate authority for tests: an EC P-256 key and a self-signed certificate, which signs
 * X.509 v3 certificates (RFC 5280) and revocation lists with SHA256withECDSA. The JDK has no public
 * API to make certificates, so they are encoded here with {@link DerEncoder} and parsed back by the
 * JDK's own {@link CertificateFactory}.
 */
final class CertificateIssuer {

  private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
  private static final String COMMON_NAME = "2.5.4.3";
  private static final String BASIC_CONSTRAINTS = "2.5.29.19";
  private static final String SUBJECT_ALT_NAME = "2.5.29.17";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final KeyPair keys;
  private final String name;
  private final X509Certificate certificate;

  private CertificateIssuer(KeyPair keys, String name, X509Certificate certificate) {
    this.keys = keys;
    this.name = name;
    this.certificate = certificate;
  }

  /** A new CA named {@code CN=commonName}, valid from yesterday for 30 days. */
  static CertificateIssuer create(String commonName) throws GeneralSecurityException {
    KeyPair keys = ecKeys();
    ZonedDateTime now = ZonedDateTime.now();
    byte[] tbs =
        toBeSigned(
            commonName,
            commonName,
            keys.getPublic(),
            now.minusDays(1),
            now.plusDays(30),
            extension(BASIC_CONSTRAINTS, true, sequence(bool(true))));
    X509Certificate certificate = parse(sign(keys, tbs));
    return new CertificateIssuer(keys, commonName, certificate);
  }

  /** A fresh EC P-256 key pair. */
  static KeyPair ecKeys() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  /** A fresh RSA 2048 key pair. */
  static KeyPair rsaKeys() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  /** The CA's own certificate. */
  X509Certificate certificate() {
    return certificate;
  }

  /**
   * Signs a certificate for {@code key} named {@code CN=commonName}, valid over [notBefore,
   * notAfter], with {@code dnsName} as subjectAltName unless null.
   */
  X509Certificate issue(
      PublicKey key,
      String commonName,
      String dnsName,
      ZonedDateTime notBefore,
      ZonedDateTime notAfter)
      throws GeneralSecurityException {
    List<byte[]> extensions = new ArrayList<>();
    extensions.add(extension(BASIC_CONSTRAINTS, true, sequence()));
    if (dnsName != null) {
      // GeneralName dNSName is [2] IMPLICIT IA5String.
      byte[] dns = element(0x82, dnsName.getBytes(StandardCharsets.US_ASCII));
      extensions.add(extension(SUBJECT_ALT_NAME, false, sequence(dns)));
    }
    byte[] tbs =
        toBeSigned(name, commonName, key, notBefore, notAfter, extensions.toArray(new byte[0][]));
    return parse(sign(keys, tbs));
  }

  /** A revocation list (v2, RFC 5280 section 5) revoking {@code serials}. */
  X509CRL revocationList(BigInteger... serials) throws GeneralSecurityException {
    ZonedDateTime now = ZonedDateTime.now();
    List<byte[]> revoked = new ArrayList<>();
    for (BigInteger serial : serials) {
      revoked.add(sequence(integer(serial), utcTime(now.minusHours(1))));
    }
    byte[] tbs =
        sequence(
            integer(BigInteger.ONE),
            algorithm(),
            distinguishedName(name),
            utcTime(now.minusHours(1)),
            utcTime(now.plusDays(30)),
            sequence(revoked.toArray(new byte[0][])));
    return (X509CRL)
        CertificateFactory.getInstance("X.509")
            .generateCRL(new ByteArrayInputStream(sign(keys, tbs)));
  }

  private static byte[] toBeSigned(
      String issuer,
      String subject,
      PublicKey key,
      ZonedDateTime notBefore,
      ZonedDateTime notAfter,
      byte[]... extensions) {
    return sequence(
        explicit(0, integer(BigInteger.TWO)), // v3
        integer(new BigInteger(63, RANDOM).add(BigInteger.ONE)),
        algorithm(),
        distinguishedName(issuer),
        sequence(utcTime(notBefore), utcTime(notAfter)),
        distinguishedName(subject),
        key.getEncoded(), // SubjectPublicKeyInfo, as the JDK encodes it
        explicit(3, sequence(extensions)));
  }

  private static byte[] algorithm() {
    return sequence(oid(ECDSA_WITH_SHA256));
  }

  private static byte[] distinguishedName(String commonName) {
    return sequence(set(sequence(oid(COMMON_NAME), utf8String(commonName))));
  }

  private static byte[] extension(String id, boolean critical, byte[] value) {
    return critical
        ? sequence(oid(id), bool(true), octetString(value))
        : sequence(oid(id), octetString(value));
  }

  /** The signed structure: {@code SEQUENCE { tbs, algorithm, BIT STRING signature }}. */
  private static byte[] sign(KeyPair keys, byte[] tbs) throws GeneralSecurityException {
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(keys.getPrivate());
    signer.update(tbs);
    return sequence(tbs, algorithm(), bitString(signer.sign()));
  }

  private static X509Certificate parse(byte[] der) throws GeneralSecurityException {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
  }
}
