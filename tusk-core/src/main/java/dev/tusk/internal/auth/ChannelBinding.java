package dev.tusk.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * What a SCRAM exchange binds to (RFC 5802 sections 6 and 7): the mechanism name, the gs2-header
 * and the channel binding data that follows the header in the {@code c=} attribute.
 *
 * @param mechanism the SASL mechanism name sent to the server
 * @param gs2Header the gs2-header that starts the client-first-message
 * @param data the channel binding data (public: at most a certificate hash)
 */
public record ChannelBinding(String mechanism, String gs2Header, byte[] data) {

  /** No channel binding, and the client does not support it (or it is disabled): "n,,". */
  public static final ChannelBinding NONE = new ChannelBinding("SCRAM-SHA-256", "n,,", new byte[0]);

  /**
   * No channel binding, though the client supports it and believes the server does not: "y,,". A
   * server that does support it then knows a man in the middle removed SCRAM-SHA-256-PLUS from its
   * offer, and refuses.
   */
  public static final ChannelBinding SUPPORTED_NOT_OFFERED =
      new ChannelBinding("SCRAM-SHA-256", "y,,", new byte[0]);

  /**
   * SCRAM-SHA-256-PLUS bound to the server's certificate ({@code tls-server-end-point}, RFC 5929
   * section 4.1): the certificate's hash under its signature's hash function, SHA-256 for MD5 and
   * SHA-1.
   *
   * @throws IllegalArgumentException if the signature algorithm names no hash function (Ed25519,
   *     RSASSA-PSS), where the binding is undefined
   */
  public static ChannelBinding tlsServerEndPoint(X509Certificate certificate) {
    String hash = endPointHash(certificate.getSigAlgName());
    try {
      byte[] digest = MessageDigest.getInstance(hash).digest(certificate.getEncoded());
      return new ChannelBinding("SCRAM-SHA-256-PLUS", "p=tls-server-end-point,,", digest);
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalArgumentException("cannot hash the server certificate: " + e, e);
    }
  }

  /**
   * The hash for {@code tls-server-end-point} from a signature algorithm such as SHA384withECDSA.
   */
  static String endPointHash(String signatureAlgorithm) {
    String name = signatureAlgorithm.toUpperCase(Locale.ROOT);
    int with = name.indexOf("WITH");
    String hash = with < 0 ? "" : name.substring(0, with);
    return switch (hash) {
      case "MD5", "SHA1", "SHA-1", "SHA224", "SHA256", "SHA-256" -> "SHA-256";
      case "SHA384", "SHA-384" -> "SHA-384";
      case "SHA512", "SHA-512" -> "SHA-512";
      default ->
          throw new IllegalArgumentException(
              "the server certificate's signature algorithm "
                  + signatureAlgorithm
                  + " has no hash for tls-server-end-point channel binding");
    };
  }

  /** The value of the {@code c=} attribute: base64 of the gs2-header followed by the data. */
  String attributeValue() {
    byte[] header = gs2Header.getBytes(StandardCharsets.US_ASCII);
    byte[] input = Arrays.copyOf(header, header.length + data.length);
    System.arraycopy(data, 0, input, header.length, data.length);
    return Base64.getEncoder().encodeToString(input);
  }

  /** Whether this binds to the channel (SCRAM-SHA-256-PLUS). */
  public boolean binds() {
    return data.length > 0;
  }
}
