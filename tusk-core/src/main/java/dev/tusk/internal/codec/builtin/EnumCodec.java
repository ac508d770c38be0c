package dev.tusk.internal.codec.builtin;

import dev.tusk.types.BinaryOutput;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A user-defined enum, as its label. Both formats are the label's text (enum_send is the label).
 * Decoding returns the label String learned from the catalog, so reading an enum allocates nothing;
 * a label added since (ALTER TYPE ... ADD VALUE) still decodes, as a new String.
 */
public final class EnumCodec extends BaseCodec<String> {

  private final List<String> labels;
  private final byte[][] labelBytes;

  public EnumCodec(int oid, String typeName, List<String> labels) {
    super(oid, typeName, String.class);
    this.labels = List.copyOf(labels);
    this.labelBytes =
        labels.stream().map(label -> label.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
  }

  @Override
  public String decodeText(byte[] bytes, int offset, int length) {
    for (int i = 0; i < labelBytes.length; i++) {
      byte[] label = labelBytes[i];
      if (Arrays.equals(label, 0, label.length, bytes, offset, offset + length)) {
        return labels.get(i);
      }
    }
    return new String(bytes, offset, length, StandardCharsets.UTF_8);
  }

  @Override
  public String decodeBinary(byte[] bytes, int offset, int length) {
    return decodeText(bytes, offset, length);
  }

  @Override
  public void encodeBinary(String value, BinaryOutput out) {
    out.writeUtf8(TextCodec.requireNoNul(value, typeName()));
  }

  @Override
  public String encodeText(String value) {
    return TextCodec.requireNoNul(value, typeName());
  }
}
