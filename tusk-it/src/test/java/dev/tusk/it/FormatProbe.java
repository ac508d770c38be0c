package dev.tusk.it;

import dev.tusk.types.BinaryOutput;
import dev.tusk.types.Codec;
import dev.tusk.types.Oids;

/**
 * A codec for {@code int4} that decodes every value to the name of the format it came in, {@code
 * "text"} or {@code "binary"}: registered on a connection's types, it shows which result format a
 * run used, now that every value reads the same in both.
 */
public final class FormatProbe implements Codec<String> {

  /** The probe; register it with {@code conn.types().register(FormatProbe.INSTANCE)}. */
  public static final FormatProbe INSTANCE = new FormatProbe();

  private FormatProbe() {}

  @Override
  public int oid() {
    return Oids.INT4;
  }

  @Override
  public String typeName() {
    return "int4";
  }

  @Override
  public Class<String> javaType() {
    return String.class;
  }

  @Override
  public boolean hasBinary() {
    return true;
  }

  @Override
  public String decodeText(byte[] bytes, int offset, int length) {
    return "text";
  }

  @Override
  public String decodeBinary(byte[] bytes, int offset, int length) {
    return "binary";
  }

  @Override
  public void encodeBinary(String value, BinaryOutput out) {
    out.writeInt32(Integer.parseInt(value));
  }

  @Override
  public String encodeText(String value) {
    return value;
  }
}
