package dev.tusk.internal.codec.builtin;

import dev.tusk.errors.DataError;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.buffer.BigEndian;
import dev.tusk.internal.codec.text.DecodeErrors;
import dev.tusk.internal.codec.text.HstoreText;
import dev.tusk.types.BinaryOutput;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The {@code hstore} extension's type as an unmodifiable Map of String keys to String values, which
 * may be null, in the server's order. An extension type has no fixed OID: the OID is given when the
 * codec is made, once the type is looked up in the catalog.
 *
 * <p>Binary (hstore_send) is an int32 pair count, then each key as int32 length and UTF-8 bytes and
 * each value likewise, length -1 for NULL. Text (hstore_out) is {@code "k"=>"v", "n"=>NULL}, with
 * {@code "} and {@code \} escaped by a backslash; parsing also accepts hstore_in's unquoted words.
 */
public final class HstoreCodec extends BaseCodec<Map<?, ?>> {

  @SuppressWarnings("unchecked")
  private static final Class<Map<?, ?>> MAP = (Class<Map<?, ?>>) (Class<?>) Map.class;

  /** A codec for hstore, whose OID in this database is {@code oid}. */
  public HstoreCodec(int oid) {
    super(oid, "hstore", MAP);
  }

  @Override
  public Map<?, ?> decodeText(byte[] bytes, int offset, int length) {
    return HstoreText.parse(bytes, offset, length);
  }

  @Override
  public Map<?, ?> decodeBinary(byte[] bytes, int offset, int length) {
    int end = offset + length;
    int count = length >= 4 ? BigEndian.int32(bytes, offset) : -1;
    // Every pair takes at least 8 bytes: a larger count is corrupt, not huge.
    if (count < 0 || count > (length - 4) / 8) {
      throw DecodeErrors.badBinary("hstore", "pair count " + count);
    }
    Map<String, String> pairs = new LinkedHashMap<>();
    int position = offset + 4;
    for (int i = 0; i < count; i++) {
      int keyLength = itemLength(bytes, position, end);
      if (keyLength < 0) {
        throw DecodeErrors.badBinary("hstore", "NULL key");
      }
      String key = new String(bytes, position + 4, keyLength, StandardCharsets.UTF_8);
      position += 4 + keyLength;
      int valueLength = itemLength(bytes, position, end);
      String value =
          valueLength < 0
              ? null
              : new String(bytes, position + 4, valueLength, StandardCharsets.UTF_8);
      position += 4 + Math.max(valueLength, 0);
      pairs.put(key, value);
    }
    if (position != end) {
      throw DecodeErrors.badBinary("hstore", (end - position) + " bytes after the pairs");
    }
    return Collections.unmodifiableMap(pairs);
  }

  @Override
  public void encodeBinary(Map<?, ?> value, BinaryOutput out) {
    out.writeInt32(value.size());
    value.forEach(
        (key, item) -> {
          writeString(out, requireKey(key));
          if (item == null) {
            out.writeInt32(-1);
          } else {
            writeString(out, requireValue(item));
          }
        });
  }

  @Override
  public String encodeText(Map<?, ?> value) {
    StringJoiner text = new StringJoiner(", ");
    value.forEach(
        (key, item) ->
            text.add(
                HstoreText.quote(requireKey(key))
                    + "=>"
                    + (item == null ? "NULL" : HstoreText.quote(requireValue(item)))));
    return text.toString();
  }

  /** The length prefix at {@code position}, checked against the bytes left; -1 is NULL. */
  private static int itemLength(byte[] bytes, int position, int end) {
    int length = end - position >= 4 ? BigEndian.int32(bytes, position) : -2;
    if (length < -1 || length > end - position - 4) {
      throw DecodeErrors.badBinary("hstore", "item length " + length);
    }
    return length;
  }

  private static void writeString(BinaryOutput out, String text) {
    int length = LengthPrefix.start(out);
    out.writeUtf8(TextCodec.requireNoNul(text, "hstore"));
    LengthPrefix.finish(out, length);
  }

  private static String requireKey(Object key) {
    if (key == null) {
      throw new DataError("an hstore key cannot be null");
    }
    return requireValue(key);
  }

  private static String requireValue(Object item) {
    if (item instanceof String text) {
      return text;
    }
    throw new ProgrammingError(
        "hstore keys and values are Strings, not " + item.getClass().getName());
  }
}
