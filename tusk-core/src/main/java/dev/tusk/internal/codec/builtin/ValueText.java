package dev.tusk.internal.codec.builtin;

import dev.tusk.types.Codec;

/**
 * A decoded value as text, for the codecs that render their parts (array elements, range bounds,
 * composite fields) through the parts' own codecs.
 */
public final class ValueText {

  private ValueText() {}

  /**
   * The codec's rendering, which equals the server's text output where practical. numeric's NaN and
   * infinities (decoded as Double) read as {@code NaN}, {@code Infinity} and {@code -Infinity}, as
   * the server writes them.
   */
  public static String of(Object value, Codec<?> codec) {
    return render(codec, value);
  }

  private static <T> String render(Codec<T> codec, Object value) {
    Class<T> type = codec.javaType();
    return type.isInstance(value) ? codec.encodeText(type.cast(value)) : value.toString();
  }
}
