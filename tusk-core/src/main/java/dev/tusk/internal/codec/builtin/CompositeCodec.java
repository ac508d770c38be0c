package dev.tusk.internal.codec.builtin;

import dev.tusk.errors.DataError;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.buffer.BigEndian;
import dev.tusk.internal.codec.text.CompositeText;
import dev.tusk.internal.codec.text.DecodeErrors;
import dev.tusk.types.BinaryOutput;
import dev.tusk.types.Codec;
import dev.tusk.types.PgRecord;
import java.util.Arrays;
import java.util.List;

/**
 * A composite type, as a {@link PgRecord} with its attributes' names. Binary (record_send): int32
 * attribute count, then per attribute its type OID, int32 length (-1 for NULL) and bytes; binary
 * only when every attribute's codec has binary. Text: see {@link CompositeText}.
 */
public final class CompositeCodec extends BaseCodec<PgRecord> {

  private final List<String> names;
  private final List<Codec<?>> fields;

  public CompositeCodec(int oid, String typeName, List<String> names, List<Codec<?>> fields) {
    super(oid, typeName, PgRecord.class, fields.stream().allMatch(Codec::hasBinary));
    this.names = List.copyOf(names);
    this.fields = List.copyOf(fields);
  }

  /** The attribute names, in order. */
  public List<String> names() {
    return names;
  }

  /** The attribute codecs, in order. */
  public List<Codec<?>> fields() {
    return fields;
  }

  @Override
  public PgRecord decodeText(byte[] bytes, int offset, int length) {
    List<Object> values =
        CompositeText.parse(
            bytes,
            offset,
            length,
            typeName(),
            fields.size(),
            (i, b, o, l) -> field(i).decodeText(b, o, l));
    return record(values);
  }

  @Override
  public PgRecord decodeBinary(byte[] bytes, int offset, int length) {
    int end = offset + length;
    int position = offset;
    int count = int32(bytes, position, end);
    position += 4;
    checkCount(count);
    Object[] values = new Object[count];
    for (int i = 0; i < count; i++) {
      position += 4; // the attribute's type OID; ours come from the catalog
      int size = int32(bytes, position, end);
      position += 4;
      if (size == -1) {
        continue;
      }
      if (size < 0 || size > end - position) {
        throw DecodeErrors.badBinary(typeName(), "attribute length " + size);
      }
      values[i] = field(i).decodeBinary(bytes, position, size);
      position += size;
    }
    if (position != end) {
      throw DecodeErrors.badBinary(
          typeName(), (end - position) + " bytes after the last attribute");
    }
    return record(Arrays.asList(values));
  }

  @Override
  public void encodeBinary(PgRecord value, BinaryOutput out) {
    checkShape(value);
    out.writeInt32(fields.size());
    for (int i = 0; i < fields.size(); i++) {
      Object item = value.get(i);
      out.writeInt32(fields.get(i).oid());
      if (item == null) {
        out.writeInt32(-1);
      } else {
        int length = LengthPrefix.start(out);
        encodeField(fields.get(i), i, item, out);
        LengthPrefix.finish(out, length);
      }
    }
  }

  @Override
  public String encodeText(PgRecord value) {
    checkShape(value);
    return CompositeText.render(value.values(), i -> ValueText.of(value.get(i), field(i)));
  }

  private Codec<?> field(int index) {
    if (index >= fields.size()) {
      throw countMismatch(index + 1);
    }
    return fields.get(index);
  }

  private PgRecord record(List<Object> values) {
    checkCount(values.size());
    return PgRecord.of(typeName(), names, values);
  }

  private void checkCount(int count) {
    if (count != fields.size()) {
      throw countMismatch(count);
    }
  }

  private DataError countMismatch(int count) {
    return new DataError(
        "a "
            + typeName()
            + " value has "
            + count
            + " attributes, but the type had "
            + fields.size()
            + " "
            + names
            + " when it was looked up; after ALTER TYPE, call types().refresh()");
  }

  private void checkShape(PgRecord value) {
    if (!value.names().equals(names)) {
      throw new ProgrammingError(
          "cannot send a record with attributes "
              + value.names()
              + " as "
              + typeName()
              + ", whose attributes are "
              + names);
    }
  }

  private <T> void encodeField(Codec<T> codec, int index, Object item, BinaryOutput out) {
    if (!codec.javaType().isInstance(item)) {
      throw new ProgrammingError(
          "cannot send a "
              + item.getClass().getName()
              + " as attribute "
              + names.get(index)
              + " ("
              + codec.typeName()
              + ") of "
              + typeName()
              + "; expected "
              + codec.javaType().getName());
    }
    codec.encodeBinary(codec.javaType().cast(item), out);
  }

  private int int32(byte[] bytes, int position, int end) {
    if (end - position < 4) {
      throw DecodeErrors.badBinary(typeName(), "truncated");
    }
    return BigEndian.int32(bytes, position);
  }
}
