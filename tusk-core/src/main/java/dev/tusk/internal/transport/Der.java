package dev.tusk.internal.transport;

import java.io.ByteArrayOutputStream;

/** The few DER encodings needed to wrap a PKCS#1 key as PKCS#8 (X.690). */
final class Der {

  static final byte SEQUENCE = 0x30;
  static final byte INTEGER = 0x02;
  static final byte OCTET_STRING = 0x04;
  static final byte NULL = 0x05;
  static final byte OBJECT_IDENTIFIER = 0x06;

  private Der() {}

  /** A tag-length-value with a definite length. */
  static byte[] element(byte tag, byte[]... contents) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (byte[] content : contents) {
      body.writeBytes(content);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int length = body.size();
    if (length < 0x80) {
      out.write(length);
    } else {
      int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
      out.write(0x80 | bytes);
      for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
        out.write(length >>> shift);
      }
    }
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }

  /** PKCS#8 PrivateKeyInfo around an RSA key in PKCS#1 form (RFC 5208, RFC 8017). */
  static byte[] pkcs8FromPkcs1(byte[] pkcs1) {
    // rsaEncryption, 1.2.840.113549.1.1.1
    byte[] rsa = {0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01};
    byte[] algorithm = element(SEQUENCE, element(OBJECT_IDENTIFIER, rsa), element(NULL));
    return element(
        SEQUENCE, element(INTEGER, new byte[] {0}), algorithm, element(OCTET_STRING, pkcs1));
  }
}
