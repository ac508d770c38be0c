package dev.tusk.internal.copy;

import dev.tusk.types.Codec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What the text and CSV decoders share: the header line skipped, the row's newline dropped, and
 * each field's text decoded by its column's codec, or kept as a String when no types are set.
 * Subclasses split a line into fields with their format's rules and call {@link #add} per field.
 */
abstract sealed class DelimitedRowDecoder implements CopyRowDecoder
    permits TextRowDecoder, CsvRowDecoder {

  final CopyOptions options;
  final byte[] nullMarker;
  private final Codec<?>[] codecs;
  private boolean headerPending;

  private Object[] values = new Object[8];
  private int count;

  DelimitedRowDecoder(CopyOptions options, Codec<?>[] codecs) {
    this.options = options;
    this.codecs = codecs;
    this.nullMarker = options.nullString().getBytes(StandardCharsets.UTF_8);
    this.headerPending = options.header() != CopyOptions.Header.NONE;
  }

  /** Splits the line {@code [start, end)} (without its newline) into fields. */
  abstract void parse(byte[] data, int start, int end);

  @Override
  public Object[] row(byte[] data, int offset, int length) {
    if (headerPending) {
      headerPending = false;
      return null;
    }
    int end = offset + length;
    if (length > 0 && data[end - 1] == '\n') {
      end--;
    }
    count = 0;
    parse(data, offset, end);
    if (codecs != null && count != codecs.length) {
      throw FieldErrors.columnCount(count, codecs.length, "setTypes gave " + codecs.length);
    }
    return Arrays.copyOf(values, count);
  }

  /** Adds the next field: null, or the text in {@code bytes[offset, offset + length)}. */
  final void add(byte[] bytes, int offset, int length, boolean isNull) {
    if (count == values.length) {
      values = Arrays.copyOf(values, count * 2);
    }
    values[count] = isNull ? null : decode(count, bytes, offset, length);
    count++;
  }

  /** Whether {@code data[start, end)} is exactly the NULL marker. */
  final boolean isNullMarker(byte[] data, int start, int end) {
    return Arrays.equals(data, start, end, nullMarker, 0, nullMarker.length);
  }

  private Object decode(int column, byte[] bytes, int offset, int length) {
    if (codecs == null || column >= codecs.length) {
      // Past the types set, the count check after the row reports the mismatch.
      return new String(bytes, offset, length, StandardCharsets.UTF_8);
    }
    Codec<?> codec = codecs[column];
    try {
      return codec.decodeText(bytes, offset, length);
    } catch (RuntimeException e) {
      throw FieldErrors.decoding(column, codec, e);
    }
  }
}
