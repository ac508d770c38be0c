package dev.tusk.internal.auth;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * What a SCRAM exchange binds to (RFC 5802 sections 6 and 7): the mechanism name, the gs2-header
 * and the channel binding data that follows the header in the {@code c=} attribute. Only {@link
 * #NONE} exists so far; SCRAM-SHA-256-PLUS would add a binding named "SCRAM-SHA-256-PLUS" with the
 * gs2-header {@code p=tls-server-end-point,,} and the hash of the server's certificate as data.
 *
 * @param mechanism the SASL mechanism name sent to the server
 * @param gs2Header the gs2-header that starts the client-first-message
 * @param data the channel binding data (public: at most a certificate hash)
 */
record ChannelBinding(String mechanism, String gs2Header, byte[] data) {

  /** No channel binding, and the client does not support it: "n,,". */
  static final ChannelBinding NONE = new ChannelBinding("SCRAM-SHA-256", "n,,", new byte[0]);

  /** The value of the {@code c=} attribute: base64 of the gs2-header followed by the data. */
  String attributeValue() {
    byte[] header = gs2Header.getBytes(StandardCharsets.US_ASCII);
    byte[] input = Arrays.copyOf(header, header.length + data.length);
    System.arraycopy(data, 0, input, header.length, data.length);
    return Base64.getEncoder().encodeToString(input);
  }
}
