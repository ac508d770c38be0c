package dev.tusk.internal.codec.builtin;

import dev.tusk.internal.codec.text.DecodeErrors;
import dev.tusk.internal.codec.text.TextCursor;
import dev.tusk.types.BinaryOutput;
import dev.tusk.types.Oids;

/** {@code bool}: one byte in binary (non-zero is true), {@code t} or {@code f} in text. */
public final class BooleanCodec extends BaseCodec<Boolean> {

  public static final BooleanCodec INSTANCE = new BooleanCodec();

  private BooleanCodec() {
    super(Oids.BOOL, "bool", Boolean.class);
  }

  /** Accepts the server's output ({@code t}, {@code f}) and the spelled-out words. */
  @Override
  public Boolean decodeText(byte[] bytes, int offset, int length) {
    TextCursor text = new TextCursor(bytes, offset, length, "bool");
    boolean value;
    if (text.consume("true") || text.consume("t")) {
      value = true;
    } else if (text.consume("false") || text.consume("f")) {
      value = false;
    } else {
      throw text.error();
    }
    text.expectEnd();
    return value;
  }

  @Override
  public Boolean decodeBinary(byte[] bytes, int offset, int length) {
    DecodeErrors.requireLength("bool", 1, length);
    return bytes[offset] != 0;
  }

  @Override
  public void encodeBinary(Boolean value, BinaryOutput out) {
    out.writeByte(value ? 1 : 0);
  }

  /** {@code t} or {@code f}, as the server writes them. */
  @Override
  public String encodeText(Boolean value) {
    return value ? "t" : "f";
  }
}
