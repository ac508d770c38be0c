package dev.tusk.internal.protocol;

import static dev.tusk.internal.protocol.Wire.bytes;
import static dev.tusk.internal.protocol.Wire.cString;
import static dev.tusk.internal.protocol.Wire.concat;
import static dev.tusk.internal.protocol.Wire.int16;
import static dev.tusk.internal.protocol.Wire.int32;
import static dev.tusk.internal.protocol.Wire.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tusk.internal.buffer.WriteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Exact bytes of every frontend message, lengths counted by hand from the documented layouts: Byte1
 * type (none for startup-phase messages), Int32 length including itself, then the body.
 */
class FrontendMessagesTest {

  private static final byte[] EARLIER = utf8("earlier");

  /** Writes into a buffer already holding other bytes, which must stay untouched. */
  private static byte[] written(Consumer<WriteBuffer> writer) {
    WriteBuffer out = new WriteBuffer(16);
    out.writeBytes(EARLIER);
    writer.accept(out);
    byte[] all = out.toByteArray();
    assertArrayEquals(EARLIER, Arrays.copyOf(all, EARLIER.length));
    return Arrays.copyOfRange(all, EARLIER.length, all.length);
  }

  private static void assertWrites(byte[] expected, Consumer<WriteBuffer> writer) {
    assertArrayEquals(expected, written(writer));
  }

  /** The failure leaves the buffer exactly as it was before the message. */
  private static <T extends Throwable> T assertAbandons(
      Class<T> failure, Consumer<WriteBuffer> writer) {
    WriteBuffer out = new WriteBuffer(16);
    out.writeBytes(EARLIER);
    T thrown = assertThrows(failure, () -> writer.accept(out));
    assertArrayEquals(EARLIER, out.toByteArray());
    return thrown;
  }

  @Test
  void startupMessage() {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("user", "tusk");
    parameters.put("database", "db");
    assertWrites(
        concat(
            int32(4 + 4 + 5 + 5 + 9 + 3 + 1),
            int32(196608),
            cString("user"),
            cString("tusk"),
            cString("database"),
            cString("db"),
            bytes(0)),
        out -> FrontendMessages.startupMessage(out, parameters));
  }

  @Test
  void startupMessageWithNulIsAbandoned() {
    assertAbandons(
        IllegalArgumentException.class,
        out -> FrontendMessages.startupMessage(out, Map.of("user", "a\0b")));
  }

  @Test
  void sslRequest() {
    assertWrites(bytes(0, 0, 0, 8, 0x04, 0xD2, 0x16, 0x2F), FrontendMessages::sslRequest);
  }

  @Test
  void cancelRequest() {
    assertWrites(
        concat(int32(16), bytes(0x04, 0xD2, 0x16, 0x2E), int32(4242), bytes(1, 2, 3, 4)),
        out -> FrontendMessages.cancelRequest(out, 4242, bytes(1, 2, 3, 4)));
  }

  @Test
  void passwordMessage() {
    assertWrites(
        concat(bytes('p'), int32(4 + 7), utf8("secret"), bytes(0)),
        out -> FrontendMessages.passwordMessage(out, utf8("secret")));
  }

  @Test
  void passwordWithNulIsRejectedWithoutShowingIt() {
    var error =
        assertAbandons(
            IllegalArgumentException.class,
            out -> FrontendMessages.passwordMessage(out, utf8("se\0cret")));
    assertEquals("a password cannot contain a NUL byte", error.getMessage());
  }

  @Test
  void saslInitialResponse() {
    assertWrites(
        concat(bytes('p'), int32(4 + 14 + 4 + 3), cString("SCRAM-SHA-256"), int32(3), utf8("n,,")),
        out -> FrontendMessages.saslInitialResponse(out, "SCRAM-SHA-256", utf8("n,,")));
    assertWrites(
        concat(bytes('p'), int32(4 + 14 + 4), cString("SCRAM-SHA-256"), int32(-1)),
        out -> FrontendMessages.saslInitialResponse(out, "SCRAM-SHA-256", null));
  }

  @Test
  void saslResponse() {
    assertWrites(
        concat(bytes('p'), int32(4 + 5), utf8("c=biw")),
        out -> FrontendMessages.saslResponse(out, utf8("c=biw")));
  }

  @Test
  void query() {
    assertWrites(
        concat(bytes('Q'), int32(13), utf8("SELECT 1"), bytes(0)),
        out -> FrontendMessages.query(out, "SELECT 1"));
    // 'é' is two bytes in UTF-8: the length counts bytes, not chars.
    assertWrites(
        concat(bytes('Q'), int32(4 + 11 + 1), utf8("SELECT 'é'"), bytes(0)),
        out -> FrontendMessages.query(out, "SELECT 'é'"));
  }

  @Test
  void queryWithNulIsAbandoned() {
    assertAbandons(
        IllegalArgumentException.class, out -> FrontendMessages.query(out, "SELECT 1\0; DROP"));
  }

  @Test
  void parse() {
    assertWrites(
        concat(
            bytes('P'),
            int32(4 + 3 + 15 + 2 + 8),
            cString("s1"),
            cString("SELECT $1 + $2"),
            int16(2),
            int32(23),
            int32(0)),
        out -> FrontendMessages.parse(out, "s1", "SELECT $1 + $2", new int[] {23, 0}));
  }

  @Test
  void bind() {
    byte[][] values = {utf8("42"), null};
    assertWrites(
        concat(
            bytes('B'),
            int32(4 + 1 + 3 + (2 + 2 * 2) + 2 + (4 + 2) + 4 + (2 + 2)),
            cString(""),
            cString("s1"),
            int16(2),
            int16(0),
            int16(1),
            int16(2),
            int32(2),
            utf8("42"),
            int32(-1),
            int16(1),
            int16(1)),
        out ->
            FrontendMessages.bind(
                out,
                "",
                "s1",
                new short[] {0, 1},
                2,
                (index, buffer) -> writeValue(buffer, values[index]),
                new short[] {1}));
  }

  @Test
  void bindWithoutParametersOrFormats() {
    assertWrites(
        concat(bytes('B'), int32(4 + 1 + 1 + 2 + 2 + 2), bytes(0, 0), int16(0), int16(0), int16(0)),
        out -> FrontendMessages.bind(out, "", "", new short[0], 0, null, new short[0]));
  }

  @Test
  void bindAbandonsTheMessageWhenAValueFails() {
    var error =
        assertAbandons(
            IllegalStateException.class,
            out ->
                FrontendMessages.bind(
                    out,
                    "",
                    "",
                    new short[0],
                    2,
                    (index, buffer) -> {
                      if (index == 1) {
                        throw new IllegalStateException("cannot encode");
                      }
                      writeValue(buffer, utf8("ok"));
                    },
                    new short[0]));
    assertEquals("cannot encode", error.getMessage());
  }

  @Test
  void bindRejectsAValueWhoseLengthDisagreesWithItsBytes() {
    var tooFew =
        assertAbandons(
            IllegalArgumentException.class,
            out ->
                FrontendMessages.bind(
                    out, "", "", new short[0], 1, (i, b) -> b.writeInt16(0), new short[0]));
    assertEquals("parameter 0 wrote 2 bytes, too few for its int32 length", tooFew.getMessage());
    var mismatch =
        assertAbandons(
            IllegalArgumentException.class,
            out ->
                FrontendMessages.bind(
                    out,
                    "",
                    "",
                    new short[0],
                    1,
                    (i, b) -> b.writeInt32(5).writeInt16(7),
                    new short[0]));
    assertEquals("parameter 0 announced length 5 but wrote 2", mismatch.getMessage());
  }

  @Test
  void countsBeyondTheInt16FieldAreRejected() {
    assertAbandons(
        IllegalArgumentException.class,
        out -> FrontendMessages.parse(out, "", "SELECT", new int[65536]));
    assertAbandons(
        IllegalArgumentException.class,
        out -> FrontendMessages.bind(out, "", "", new short[0], 65536, null, new short[0]));
  }

  @Test
  void describeAndClose() {
    assertWrites(
        concat(bytes('D'), int32(4 + 1 + 3), bytes('S'), cString("s1")),
        out -> FrontendMessages.describeStatement(out, "s1"));
    assertWrites(
        concat(bytes('D'), int32(4 + 1 + 1), bytes('P'), cString("")),
        out -> FrontendMessages.describePortal(out, ""));
    assertWrites(
        concat(bytes('C'), int32(4 + 1 + 3), bytes('S'), cString("s1")),
        out -> FrontendMessages.closeStatement(out, "s1"));
    assertWrites(
        concat(bytes('C'), int32(4 + 1 + 3), bytes('P'), cString("p1")),
        out -> FrontendMessages.closePortal(out, "p1"));
  }

  @Test
  void execute() {
    assertWrites(
        concat(bytes('E'), int32(4 + 3 + 4), cString("p1"), int32(100)),
        out -> FrontendMessages.execute(out, "p1", 100));
  }

  @Test
  void messagesWithoutBodies() {
    assertWrites(bytes('S', 0, 0, 0, 4), FrontendMessages::sync);
    assertWrites(bytes('H', 0, 0, 0, 4), FrontendMessages::flush);
    assertWrites(bytes('X', 0, 0, 0, 4), FrontendMessages::terminate);
    assertWrites(bytes('c', 0, 0, 0, 4), FrontendMessages::copyDone);
  }

  @Test
  void copyDataWritesTheRequestedSlice() {
    assertWrites(
        concat(bytes('d'), int32(4 + 3), utf8("bcd")),
        out -> FrontendMessages.copyData(out, utf8("abcde"), 1, 3));
    assertAbandons(
        IndexOutOfBoundsException.class, out -> FrontendMessages.copyData(out, utf8("abc"), 2, 2));
  }

  @Test
  void copyFail() {
    assertWrites(
        concat(bytes('f'), int32(4 + 8), cString("aborted")),
        out -> FrontendMessages.copyFail(out, "aborted"));
  }

  private static void writeValue(WriteBuffer out, byte[] value) {
    if (value == null) {
      out.writeInt32(-1);
    } else {
      out.writeInt32(value.length).writeBytes(value);
    }
  }
}
