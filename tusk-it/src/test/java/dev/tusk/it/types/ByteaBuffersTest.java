package dev.tusk.it.types;

import static dev.tusk.it.types.BothFormats.args;
import static dev.tusk.it.types.BothFormats.forEachFormat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.testing.TuskTest;
import java.io.InputStream;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** bytea from and to ByteBuffer (heap, sliced, direct, read-only) and read as an InputStream. */
@TuskTest
class ByteaBuffersTest {

  private static final byte[] BYTES = {0, 1, 2, (byte) 0xfe, (byte) 0xff, 42};

  @Test
  void byteBuffersAreSentAsTheirRemainingBytesAndLeftUnmoved(Connection conn) {
    ByteBuffer heap = ByteBuffer.wrap(new byte[] {9, 9, 0, 1, 2, (byte) 0xfe, (byte) 0xff, 42, 9});
    heap.position(2).limit(8);
    ByteBuffer direct = ByteBuffer.allocateDirect(BYTES.length).put(BYTES).flip();
    ByteBuffer readOnly = ByteBuffer.wrap(BYTES).asReadOnlyBuffer();
    for (ByteBuffer buffer : new ByteBuffer[] {heap, direct, readOnly}) {
      int position = buffer.position();
      byte[] sent = conn.execute("SELECT $1::bytea", buffer).fetchOne().get(0, byte[].class);
      assertArrayEquals(BYTES, sent, buffer.toString());
      assertEquals(position, buffer.position(), "the caller's buffer did not move");
    }
  }

  @Test
  void byteaReadsAsAReadOnlyByteBufferOrAnInputStream(Connection conn) {
    forEachFormat(
        conn,
        "SELECT '\\x000102feff2a'::bytea",
        args(),
        (format, row) -> {
          ByteBuffer buffer = row.get(0, ByteBuffer.class);
          assertTrue(buffer.isReadOnly(), format.name());
          byte[] read = new byte[buffer.remaining()];
          buffer.get(read);
          assertArrayEquals(BYTES, read, format.name());
          try (InputStream stream = row.get(0, InputStream.class)) {
            assertArrayEquals(BYTES, stream.readAllBytes(), format.name());
          } catch (java.io.IOException e) {
            throw new AssertionError(e);
          }
        });
  }
}
