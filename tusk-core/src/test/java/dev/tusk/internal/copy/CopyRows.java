package dev.tusk.internal.copy;

import dev.tusk.internal.buffer.WriteBuffer;
import dev.tusk.internal.codec.TypeScope;
import dev.tusk.types.Codec;
import java.nio.charset.StandardCharsets;

/** Test helpers: encoders and decoders over the built-in types, and rows as text. */
final class CopyRows {

  private CopyRows() {}

  static TypeScope scope() {
    return TypeScope.builtins();
  }

  static Codec<?>[] types(String... names) {
    return names.length == 0 ? null : CopyTypes.resolve(scope(), names);
  }

  static CopyRowEncoder encoder(String sql, String... typeNames) {
    CopyOptions options = CopyOptions.parse(sql);
    int format = options.format() == CopyFormat.BINARY ? 1 : 0;
    return CopyFormats.encoder(format, options, types(typeNames), scope());
  }

  static CopyRowDecoder decoder(String sql, String... typeNames) {
    CopyOptions options = CopyOptions.parse(sql);
    int format = options.format() == CopyFormat.BINARY ? 1 : 0;
    return CopyFormats.decoder(format, options, types(typeNames));
  }

  /** One row as the encoder writes it, read as UTF-8. */
  static String line(CopyRowEncoder encoder, Object... values) {
    WriteBuffer out = new WriteBuffer();
    encoder.row(values, out);
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }

  /** The decoder's row for a message holding {@code text} in UTF-8. */
  static Object[] read(CopyRowDecoder decoder, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    // Offset into a larger array, as a message body would be.
    byte[] framed = new byte[bytes.length + 7];
    System.arraycopy(bytes, 0, framed, 5, bytes.length);
    return decoder.row(framed, 5, bytes.length);
  }
}
