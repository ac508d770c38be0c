package dev.tusk.internal.protocol;

import static dev.tusk.internal.protocol.Wire.concat;
import static dev.tusk.internal.protocol.Wire.header;
import static dev.tusk.internal.protocol.Wire.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.fuzz.LongFuzz;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Whatever the server sends, the reader yields messages or a protocol/EOF error, within limits. */
class BackendMessageReaderPropertyTest {

  private static final int LIMIT = 4096;

  private static final String TYPES = "RSKZTDCIENAt123nsGHWdcv";

  @Property(tries = 3000)
  void arbitraryStreamsYieldOnlyMessagesOrProtocolErrors(
      @ForAll("streams") byte[] stream, @ForAll @IntRange(min = 1, max = 300) int chunk) {
    drain(stream, chunk, LIMIT);
  }

  /**
   * Under the highest limit a header may announce up to 1 GiB: the reader may still hold no more
   * than its buffer, or twice what has arrived, whatever the header says.
   */
  @Property(tries = 200)
  void aRaisedLimitStillAllocatesOnlyWhatArrives(
      @ForAll("hugeHeaders") byte[] stream, @ForAll @IntRange(min = 1, max = 70_000) int chunk) {
    drain(stream, chunk, 1 << 30);
  }

  /** The long mode: {@code -Dtusk.fuzz.tries=10000000}; see {@link LongFuzz}. */
  @Example
  void longFuzz() {
    Arbitrary<Integer> chunks = Arbitraries.integers().between(1, 70_000);
    LongFuzz.run(
        "backend message reader",
        Combinators.combine(
                Arbitraries.oneOf(streams(), hugeHeaders()), chunks, Arbitraries.of(LIMIT, 1 << 30))
            .as(Input::new),
        input -> drain(input.stream(), input.chunk(), input.limit()));
  }

  /** One long-mode input. */
  private record Input(byte[] stream, int chunk, int limit) {
    @Override
    public String toString() {
      return "chunk " + chunk + ", limit " + limit + ": " + HexFormat.of().formatHex(stream);
    }
  }

  @Property(tries = 300)
  void validMessagesSurviveAnySplitIntoReads(
      @ForAll("validStreams") List<byte[]> messages,
      @ForAll @IntRange(min = 1, max = 5000) int chunk)
      throws IOException {
    var reader =
        new BackendMessageReader(
            new Wire.ChunkedStream(concat(messages.toArray(byte[][]::new)), chunk), LIMIT);
    for (byte[] message : messages) {
      assertEquals(
          SampleMessages.canonical(Wire.decodeOne(message)),
          SampleMessages.canonical(reader.read()));
    }
  }

  /**
   * Reads until the stream fails, which must be with a protocol violation or end of stream. No body
   * beyond the limit may come back, nor be allocated, nor more than twice what has arrived: any
   * array the reader allocated for a body it is still receiving shows up as the target of a stream
   * read.
   */
  private static void drain(byte[] stream, int chunk, int limit) {
    var input = new Wire.ChunkedStream(stream, chunk);
    var reader = new BackendMessageReader(input, limit);
    try {
      while (true) {
        BackendMessage message = reader.read();
        assertTrue(payloadSize(message) <= limit, message::toString);
        if (message instanceof DataRow row) {
          assertColumnsInside(row);
        }
      }
    } catch (ProtocolViolationException | EOFException expected) {
      int mostAllowed = Math.max(BackendMessageReader.BUFFER_SIZE, 2 * stream.length);
      for (int size : input.targetSizes()) {
        assertTrue(size <= limit || size == BackendMessageReader.BUFFER_SIZE, "read into " + size);
        assertTrue(size <= mostAllowed, "read into " + size + " of a " + stream.length + " stream");
      }
    } catch (IOException impossible) {
      throw new AssertionError(impossible);
    }
  }

  /** A row the reader accepted can be located without reaching outside its body. */
  private static void assertColumnsInside(DataRow row) {
    int[] offsets = new int[row.columnCount()];
    int[] lengths = new int[row.columnCount()];
    row.locate(offsets, lengths);
    for (int i = 0; i < offsets.length; i++) {
      assertTrue(offsets[i] + Math.max(lengths[i], 0) <= row.bytes().length, row::toString);
    }
  }

  private static int payloadSize(BackendMessage message) {
    return switch (message) {
      case DataRow row -> row.bytes().length;
      case CopyData data -> data.data().length;
      default -> 0;
    };
  }

  @Provide
  Arbitrary<byte[]> streams() {
    return Arbitraries.oneOf(
        Arbitraries.bytes().array(byte[].class).ofMaxSize(600),
        randomFrames(),
        mutated(validStreams().map(messages -> concat(messages.toArray(byte[][]::new)))),
        mutated(dataRows()));
  }

  @Provide
  Arbitrary<List<byte[]>> validStreams() {
    return Arbitraries.of(SampleMessages.ALL).list().ofMaxSize(40);
  }

  /** Frames with a plausible type, a random body and usually, not always, a matching length. */
  private Arbitrary<byte[]> randomFrames() {
    Arbitrary<Integer> types =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(9, Arbitraries.of(TYPES.chars().boxed().toList())),
            net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 255)));
    Arbitrary<byte[]> frame =
        Combinators.combine(
                types,
                Arbitraries.bytes().array(byte[].class).ofMaxSize(80),
                Arbitraries.integers().between(0, 9),
                Arbitraries.integers())
            .as(
                (type, body, mode, anyLength) ->
                    mode < 8
                        ? message((char) type.intValue(), body)
                        : concat(header(type, anyLength), body));
    return frame.list().ofMaxSize(6).map(frames -> concat(frames.toArray(byte[][]::new)));
  }

  /** Streams of valid messages, one of whose bytes is then changed or where the stream is cut. */
  private static Arbitrary<byte[]> mutated(Arbitrary<byte[]> valid) {
    return Combinators.combine(
            valid.filter(stream -> stream.length > 0),
            Arbitraries.integers().greaterOrEqual(0),
            Arbitraries.bytes(),
            Arbitraries.of(true, false))
        .as(
            (stream, where, replacement, cut) -> {
              int index = where % stream.length;
              if (cut) {
                return Arrays.copyOf(stream, index);
              }
              byte[] changed = stream.clone();
              changed[index] = replacement;
              return changed;
            });
  }

  /**
   * Valid messages, then a DataRow or CopyData header announcing up to 1 GiB, then part of its body
   * (or all of a small one).
   */
  @Provide
  Arbitrary<byte[]> hugeHeaders() {
    return Combinators.combine(
            validStreams(),
            Arbitraries.of('D', 'd', 'T', 'E'),
            Arbitraries.oneOf(
                Arbitraries.integers().between(4, 1 << 16),
                Arbitraries.integers().between(4, (1 << 30) + 4)),
            Arbitraries.integers().between(0, 200_000))
        .as(
            (messages, type, length, arrived) ->
                concat(
                    concat(messages.toArray(byte[][]::new)),
                    header(type, length),
                    new byte[Math.min(arrived, length - 4)]));
  }

  /** DataRows of a few short columns, where a changed byte often lands in a length. */
  private static Arbitrary<byte[]> dataRows() {
    return Arbitraries.bytes()
        .array(byte[].class)
        .ofMaxSize(20)
        .injectNull(0.2)
        .list()
        .ofMaxSize(8)
        .map(values -> message('D', DataRow.of(values.toArray(byte[][]::new)).bytes()));
  }
}
