package dev.tusk.testing;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** The DER encodings (X.690) that X.509 certificates and revocation lists need, and no more. */
final class DerEncoder {

  private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");

  private DerEncoder() {}

  /** A tag-length-value with a definite length. */
  static byte[] element(int tag, byte[]... contents) {
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

  static byte[] sequence(byte[]... contents) {
    return element(0x30, contents);
  }

  static byte[] set(byte[]... contents) {
    return element(0x31, contents);
  }

  static byte[] integer(BigInteger value) {
    return element(0x02, value.toByteArray());
  }

  static byte[] bool(boolean value) {
    return element(0x01, new byte[] {(byte) (value ? 0xFF : 0)});
  }

  static byte[] octetString(byte[] value) {
    return element(0x04, value);
  }

  /** A BIT STRING of whole bytes (no unused bits). */
  static byte[] bitString(byte[] value) {
    byte[] content = new byte[value.length + 1];
    System.arraycopy(value, 0, content, 1, value.length);
    return element(0x03, content);
  }

  static byte[] utf8String(String value) {
    return element(0x0C, value.getBytes(StandardCharsets.UTF_8));
  }

  /** UTCTime, which X.509 uses for years before 2050. */
  static byte[] utcTime(ZonedDateTime time) {
    String text = time.withZoneSameInstant(ZoneOffset.UTC).format(UTC_TIME);
    return element(0x17, text.getBytes(StandardCharsets.US_ASCII));
  }

  /** An OBJECT IDENTIFIER from its dotted form, such as {@code 2.5.4.3}. */
  static byte[] oid(String dotted) {
    String[] parts = dotted.split("\\.");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(Integer.parseInt(parts[0]) * 40 + Integer.parseInt(parts[1]));
    for (int i = 2; i < parts.length; i++) {
      long value = Long.parseLong(parts[i]);
      int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(value) + 6) / 7);
      for (int group = groups - 1; group >= 0; group--) {
        int bits = (int) ((value >>> (7 * group)) & 0x7F);
        out.write(group > 0 ? bits | 0x80 : bits);
      }
    }
    return element(0x06, out.toByteArray());
  }

  /** A context-specific constructed tag, {@code [number]} EXPLICIT. */
  static byte[] explicit(int number, byte[]... contents) {
    return element(0xA0 | number, contents);
  }
}
