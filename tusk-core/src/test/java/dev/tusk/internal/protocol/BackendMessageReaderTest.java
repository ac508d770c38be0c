package dev.tusk.internal.protocol;

import static dev.tusk.internal.protocol.Wire.bytes;
import static dev.tusk.internal.protocol.Wire.cString;
import static dev.tusk.internal.protocol.Wire.concat;
import static dev.tusk.internal.protocol.Wire.header;
import static dev.tusk.internal.protocol.Wire.int32;
import static dev.tusk.internal.protocol.Wire.message;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Framing: how bytes arrive, size limits, and where the stream may end. */
class BackendMessageReaderTest {

  private static final int LIMIT = 100;

  /** A typical extended-query response: 1 + 2 + 2 * rows + 2 messages. */
  private static byte[] queryResponse(int rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(message('1', new byte[0]));
    out.writeBytes(message('2', new byte[0]));
    for (int i = 0; i < rows; i++) {
      out.writeBytes(message('D', DataRow.of(Wire.utf8("row " + i), null).bytes()));
    }
    out.writeBytes(message('C', cString("SELECT " + rows)));
    out.writeBytes(message('Z', bytes('I')));
    return out.toByteArray();
  }

  private static List<BackendMessage> readAll(BackendMessageReader reader, int count)
      throws IOException {
    List<BackendMessage> messages = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      messages.add(reader.read());
    }
    return messages;
  }

  private static void assertQueryResponse(List<BackendMessage> messages, int rows) {
    assertSame(ParseComplete.INSTANCE, messages.get(0));
    assertSame(BindComplete.INSTANCE, messages.get(1));
    for (int i = 0; i < rows; i++) {
      DataRow row = (DataRow) messages.get(2 + i);
      assertArrayEquals(DataRow.of(Wire.utf8("row " + i), null).bytes(), row.bytes());
    }
    assertEquals(new CommandComplete("SELECT " + rows), messages.get(2 + rows));
    assertEquals(new ReadyForQuery('I'), messages.get(3 + rows));
  }

  @Test
  void parsesManyMessagesFromOneRead() throws IOException {
    var stream = new Wire.ChunkedStream(queryResponse(500), Integer.MAX_VALUE);
    var reader = new BackendMessageReader(stream, LIMIT);
    assertQueryResponse(readAll(reader, 504), 500);
    assertEquals(1, stream.reads());
  }

  @ParameterizedTest
  @ValueSource(ints = {7, 65536, 1 << 20})
  void itsMakerMakesEveryDataRowSmallOrLargerThanTheBuffer(int chunk) throws IOException {
    byte[] small = DataRow.of(Wire.utf8("small")).bytes();
    byte[] big = DataRow.of(new byte[100_000]).bytes();
    byte[] stream = concat(message('D', small), message('D', big), message('Z', bytes('I')));
    List<byte[]> made = new ArrayList<>();
    var reader =
        new BackendMessageReader(
            new Wire.ChunkedStream(stream, chunk),
            1 << 20,
            body -> {
              made.add(body);
              return DataRow.PLAIN.make(body);
            });
    assertArrayEquals(small, ((DataRow) reader.read()).bytes());
    assertArrayEquals(big, ((DataRow) reader.read()).bytes());
    assertEquals(new ReadyForQuery('I'), reader.read());
    assertEquals(2, made.size(), "one row made per DataRow, nothing for other messages");
  }

  @Test
  void hasWholeMessageOnlyWhenTheNextMessageNeedsNoRead() throws IOException {
    byte[] bindComplete = message('2', new byte[0]);
    byte[] row = message('D', DataRow.of(Wire.utf8("twelve bytes")).bytes());
    // Delivered as: BindComplete and the first 7 bytes of the row, then the rest.
    byte[] response = concat(bindComplete, row);
    var stream = new Wire.ChunkedStream(response, bindComplete.length + 7);
    var reader = new BackendMessageReader(stream, LIMIT);
    assertFalse(reader.hasWholeMessage());
    assertSame(BindComplete.INSTANCE, reader.read());
    assertTrue(reader.hasBuffered());
    assertFalse(reader.hasWholeMessage(), "only part of the DataRow has arrived");
    assertEquals(1, stream.reads());
    reader.read();
    assertFalse(reader.hasWholeMessage());
  }

  @Test
  void hasWholeMessageWhenAHeaderAndItsBodyAreBuffered() throws IOException {
    byte[] response = queryResponse(3); // 7 messages
    var reader = new BackendMessageReader(new Wire.ChunkedStream(response, response.length), LIMIT);
    reader.read();
    for (int i = 0; i < 6; i++) {
      assertTrue(reader.hasWholeMessage(), "message " + (i + 1));
      reader.read();
    }
    assertFalse(reader.hasWholeMessage());
  }

  @Test
  void reassemblesMessagesDeliveredOneByteAtATime() throws IOException {
    byte[] response = queryResponse(20);
    var stream = new Wire.ChunkedStream(response, 1);
    var reader = new BackendMessageReader(stream, LIMIT);
    assertQueryResponse(readAll(reader, 24), 20);
    assertEquals(response.length, stream.reads());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 1000, 65535, 65536, 65537, 1 << 20})
  void readsMessagesLargerThanItsBuffer(int chunk) throws IOException {
    byte[] big = new byte[150_000];
    Arrays.fill(big, (byte) 'x');
    byte[] error = concat(bytes('M'), cString(new String(big, 0, 70_000)), bytes(0));
    byte[] stream =
        concat(
            message('d', big),
            message('D', DataRow.of(big).bytes()),
            message('E', error),
            message('Z', bytes('T')));
    var reader = new BackendMessageReader(new Wire.ChunkedStream(stream, chunk), 1 << 20);
    assertArrayEquals(big, ((CopyData) reader.read()).data());
    assertArrayEquals(DataRow.of(big).bytes(), ((DataRow) reader.read()).bytes());
    assertEquals(70_000, ((ErrorResponse) reader.read()).diagnostic().messagePrimary().length());
    assertEquals(new ReadyForQuery('T'), reader.read());
  }

  @Test
  void acceptsABodyOfExactlyTheLimit() throws IOException {
    byte[] data = new byte[LIMIT];
    data[LIMIT - 1] = 42;
    var reader = reader(message('d', data));
    assertArrayEquals(data, ((CopyData) reader.read()).data());
  }

  @Test
  void rejectsABodyOneByteOverTheLimitBeforeReadingIt() {
    // Only the header is sent: the reader must refuse without waiting for the body.
    var error =
        assertThrows(ProtocolViolationException.class, () -> reader(header('D', LIMIT + 5)).read());
    assertEquals(
        "DataRow 'D' (0x44) message of 101 bytes exceeds the limit of 100 bytes"
            + " (raise max_message_size to accept larger messages)",
        error.getMessage());
  }

  @Test
  void rejectsAHugeAnnouncedLengthWithoutAllocatingIt() {
    var error =
        assertThrows(
            ProtocolViolationException.class, () -> reader(header('d', Integer.MAX_VALUE)).read());
    assertEquals(
        "CopyData 'd' (0x64) message of 2147483643 bytes exceeds the limit of 100 bytes"
            + " (raise max_message_size to accept larger messages)",
        error.getMessage());
  }

  @Test
  void aHugeAnnouncedBodyThatNeverArrivesCostsOnlyTheFirstPiece() {
    // The limit is raised as far as it goes: only what arrives may make the reader allocate.
    var reader =
        new BackendMessageReader(new ByteArrayInputStream(header('D', 0x3FFFFFF4)), 1 << 30);
    long before = Allocation.ofThisThread();
    var error = assertThrows(EOFException.class, reader::read);
    long allocated = Allocation.ofThisThread() - before;

    assertEquals(
        "end of stream after 0 of the 1073741808 body bytes of a DataRow 'D' (0x44) message",
        error.getMessage());
    assertTrue(allocated < 256 * 1024, "allocated " + allocated + " bytes");
  }

  @Test
  void aHugeAnnouncedBodyGrowsOnlyWithWhatArrives() {
    int arrived = 3 << 20;
    byte[] stream = concat(header('d', 0x3FFFFFF4), new byte[arrived]);
    var reader = new BackendMessageReader(new Wire.ChunkedStream(stream, 100_000), 1 << 30);
    long before = Allocation.ofThisThread();
    var error = assertThrows(EOFException.class, reader::read);
    long allocated = Allocation.ofThisThread() - before;

    assertTrue(
        error.getMessage().startsWith("end of stream after " + arrived + " of"),
        error.getMessage());
    // Doubling from 64 KiB allocates under twice the largest array, which is under twice what came.
    assertTrue(allocated < 4L * arrived + (256 << 10), "allocated " + allocated + " bytes");
  }

  @ParameterizedTest
  @ValueSource(ints = {1000, 65536, 1 << 20})
  void aGrownBodyEndsInAnArrayOfExactlyItsSize(int chunk) throws IOException {
    byte[] data = new byte[(3 << 20) + 7];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i * 31);
    }
    byte[] stream = concat(message('d', data), message('Z', bytes('I')));
    var reader = new BackendMessageReader(new Wire.ChunkedStream(stream, chunk), 4 << 20);
    assertArrayEquals(data, ((CopyData) reader.read()).data());
    assertEquals(new ReadyForQuery('I'), reader.read());
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 0, -1, Integer.MIN_VALUE})
  void rejectsLengthsShorterThanTheLengthField(int length) {
    var error =
        assertThrows(ProtocolViolationException.class, () -> reader(header('Z', length)).read());
    assertEquals(
        "ReadyForQuery 'Z' (0x5A) message announces a length of "
            + length
            + ", below the minimum of 4",
        error.getMessage());
  }

  @Test
  void rejectsUnknownTypes() {
    var error = assertThrows(ProtocolViolationException.class, () -> reader(header('V', 8)).read());
    assertEquals(
        "received a message of unknown type 'V' (0x56) with length 8, which no server sends",
        error.getMessage());
    var unprintable =
        assertThrows(ProtocolViolationException.class, () -> reader(header(0xC3, 4)).read());
    assertEquals(
        "received a message of unknown type 0xC3 with length 4, which no server sends",
        unprintable.getMessage());
  }

  @Test
  void endOfStreamAtAMessageBoundary() throws IOException {
    var reader = reader(message('3', new byte[0]));
    assertSame(CloseComplete.INSTANCE, reader.read());
    var error = assertThrows(EOFException.class, reader::read);
    assertEquals(
        "the server closed the connection (end of stream before the next message)",
        error.getMessage());
  }

  @Test
  void endOfStreamInsideTheHeader() {
    var error = assertThrows(EOFException.class, () -> reader(bytes('Z', 0, 0)).read());
    assertEquals("end of stream after 3 of the 5 header bytes", error.getMessage());
  }

  @Test
  void endOfStreamInsideABufferedBody() {
    byte[] status = message('S', concat(cString("a"), cString("b")));
    byte[] truncated = Arrays.copyOf(status, status.length - 1);
    var error = assertThrows(EOFException.class, () -> reader(truncated).read());
    assertEquals(
        "end of stream after 3 of the 4 body bytes of a ParameterStatus 'S' (0x53) message",
        error.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {10, 80_000})
  void endOfStreamInsideAnOwnedBody(int size) {
    byte[] row = message('D', DataRow.of(new byte[size]).bytes());
    byte[] truncated = Arrays.copyOf(row, row.length - 2);
    var reader = new BackendMessageReader(new Wire.ChunkedStream(truncated, 4096), 1 << 20);
    var error = assertThrows(EOFException.class, reader::read);
    assertEquals(
        "end of stream after "
            + (size + 4)
            + " of the "
            + (size + 6)
            + " body bytes of a DataRow 'D' (0x44) message",
        error.getMessage());
  }

  @Test
  void rejectsANegativeLimit() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new BackendMessageReader(new ByteArrayInputStream(new byte[0]), -1));
  }

  @Test
  void decodesAMessageThatFollowsABufferCompaction() throws IOException {
    // The first message leaves a partial second one at the end of a full buffer.
    byte[] filler = new byte[BackendMessageReader.BUFFER_SIZE - 5 - 3];
    byte[] stream =
        concat(message('d', filler), message('A', concat(int32(9), cString("c"), cString("p"))));
    var reader = new BackendMessageReader(new Wire.ChunkedStream(stream, 1 << 20), 1 << 20);
    assertEquals(filler.length, ((CopyData) reader.read()).data().length);
    assertEquals(new NotificationResponse(9, "c", "p"), reader.read());
  }

  private static BackendMessageReader reader(byte[] stream) {
    return new BackendMessageReader(new ByteArrayInputStream(stream), LIMIT);
  }
}
