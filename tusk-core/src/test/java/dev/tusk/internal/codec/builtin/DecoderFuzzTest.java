package dev.tusk.internal.codec.builtin;

import dev.tusk.errors.TuskException;
import dev.tusk.fuzz.LongFuzz;
import dev.tusk.types.Codec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Every built-in decoder, text and binary, fed random and structured garbage at an offset inside a
 * larger array: a value either decodes or fails with a {@link TuskException} (a DataError, for a
 * malformed value), never another exception, and never reads outside its own bytes.
 */
class DecoderFuzzTest {

  private static final List<Codec<?>> CODECS = BuiltinCodecs.all();

  /** Characters that matter to the text parsers: numbers, dates, arrays, ranges, geometry. */
  private static final String TEXT_CHARS =
      "0123456789-+.eE:,;()[]{}<>\"\\ \tNaInfityTZ/xX@$'abcdefnul";

  /** Int32 values that make headers interesting: counts, flags, OIDs, extremes. */
  private static final List<Integer> HEADER_INTS =
      List.of(0, 1, 2, 3, -1, 6, 16, 23, 25, 1000, 65536, Integer.MAX_VALUE, Integer.MIN_VALUE);

  @Property(tries = 5000)
  void decodersFailOnlyWithTuskExceptions(@ForAll("inputs") Input input) {
    check(input);
  }

  /** The long mode: {@code -Dtusk.fuzz.tries=10000000}; see {@link LongFuzz}. */
  @Example
  void longFuzz() {
    LongFuzz.run("decoders", inputs(), DecoderFuzzTest::check);
  }

  private static void check(Input input) {
    Codec<?> codec = CODECS.get(input.codec());
    byte[] padded = new byte[input.value().length + 16];
    // Bytes around the value that a decoder reading out of bounds would pick up.
    java.util.Arrays.fill(padded, (byte) 0x7F);
    System.arraycopy(input.value(), 0, padded, 8, input.value().length);
    try {
      codec.decode(input.format(), padded, 8, input.value().length);
    } catch (TuskException expected) {
      // a typed error names the malformed value
    } catch (RuntimeException e) {
      throw new AssertionError(
          codec.typeName() + " (oid " + codec.oid() + ") threw " + e + " for " + input, e);
    }
  }

  /** One value for one decoder in one format. */
  record Input(int codec, int format, byte[] value) {
    @Override
    public String toString() {
      return CODECS.get(codec).typeName()
          + (format == 0 ? " text " : " binary ")
          + HexFormat.of().formatHex(value);
    }
  }

  @Provide
  Arbitrary<Input> inputs() {
    Arbitrary<Integer> codecs = Arbitraries.integers().between(0, CODECS.size() - 1);
    Arbitrary<Input> text =
        Combinators.combine(codecs, textValues()).as((codec, value) -> new Input(codec, 0, value));
    Arbitrary<Input> binary =
        Combinators.combine(codecs, binaryValues())
            .as((codec, value) -> new Input(codec, 1, value));
    return Arbitraries.oneOf(text, binary);
  }

  private static Arbitrary<byte[]> textValues() {
    return Arbitraries.frequencyOf(
        Tuple.of(
            4,
            Arbitraries.strings()
                .withChars(TEXT_CHARS.toCharArray())
                .ofMaxLength(40)
                .map(text -> text.getBytes(StandardCharsets.UTF_8))),
        Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(40)));
  }

  /** Raw bytes, or headers made of meaningful int32 values followed by a few raw bytes. */
  private static Arbitrary<byte[]> binaryValues() {
    Arbitrary<byte[]> structured =
        Combinators.combine(
                Arbitraries.of(HEADER_INTS).list().ofMaxSize(12),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(12))
            .as(
                (ints, tail) -> {
                  ByteArrayOutputStream out = new ByteArrayOutputStream();
                  for (int value : ints) {
                    out.write(value >>> 24);
                    out.write(value >>> 16);
                    out.write(value >>> 8);
                    out.write(value);
                  }
                  out.writeBytes(tail);
                  return out.toByteArray();
                });
    return Arbitraries.oneOf(structured, Arbitraries.bytes().array(byte[].class).ofMaxSize(40));
  }
}
