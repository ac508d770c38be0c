package dev.tusk.it.largeobject;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.LargeObject;
import dev.tusk.LargeObjects;
import dev.tusk.Transaction;
import dev.tusk.errors.InterfaceError;
import dev.tusk.errors.NoActiveSqlTransaction;
import dev.tusk.errors.UndefinedObject;
import dev.tusk.testing.TuskTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Large objects through the server's lo_* functions, inside transactions as the server needs. */
@TuskTest
class LargeObjectsTest {

  @Test
  void writeSeekReadTellTruncate(Connection conn) {
    LargeObjects objects = conn.largeObjects();
    try (Transaction tx = conn.transaction()) {
      long oid = objects.create();
      try (LargeObject object = objects.open(oid, LargeObjects.Mode.READ_WRITE)) {
        object.write("hello, large world".getBytes(StandardCharsets.UTF_8));
        assertEquals(18, object.tell());
        assertEquals(7, object.seek(7, LargeObject.Whence.START));
        assertEquals("large", new String(object.read(5), StandardCharsets.UTF_8));
        assertEquals(18, object.size());
        assertEquals(12, object.tell(), "size() leaves the position where it was");
        object.truncate(5);
        assertEquals(5, object.size());
        object.seek(-2, LargeObject.Whence.END);
        assertEquals("lo", new String(object.read(100), StandardCharsets.UTF_8));
        assertEquals(0, object.read(100).length);
        object.close();
        assertThrows(InterfaceError.class, () -> object.read(1));
        object.close(); // twice does nothing
      }
      tx.commit();
    }
  }

  @Test
  void objectsOutliveTheirTransactionAndUnlinkDeletesThem(Connection conn) {
    LargeObjects objects = conn.largeObjects();
    long oid;
    try (Transaction tx = conn.transaction()) {
      oid = objects.importFrom(new ByteArrayInputStream(new byte[] {1, 2, 3}));
      tx.commit();
    }
    try (Transaction tx = conn.transaction()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      objects.exportTo(oid, out);
      assertArrayEquals(new byte[] {1, 2, 3}, out.toByteArray());
      tx.commit();
    }
    objects.unlink(oid); // works in autocommit
    try (Transaction tx = conn.transaction()) {
      assertThrows(UndefinedObject.class, () -> objects.open(oid, LargeObjects.Mode.READ));
    }
  }

  @Test
  void outsideATransactionOpenIsATypedErrorAndTheConnectionStaysUsable(Connection conn) {
    LargeObjects objects = conn.largeObjects();
    long oid = objects.create();
    NoActiveSqlTransaction error =
        assertThrows(NoActiveSqlTransaction.class, () -> objects.open(oid, LargeObjects.Mode.READ));
    assertTrue(error.getMessage().contains("conn.transaction()"), error.getMessage());
    assertThrows(
        NoActiveSqlTransaction.class,
        () -> objects.importFrom(new ByteArrayInputStream(new byte[1])));
    assertEquals(1, conn.execute("SELECT 1").fetchOne().getInt(0));
    objects.unlink(oid);
  }

  @Test
  void autocommitOffIsATransactionToo(Connection conn) {
    conn.setAutocommit(false);
    LargeObjects objects = conn.largeObjects();
    long oid = objects.importFrom(new ByteArrayInputStream(new byte[] {9}));
    try (LargeObject object = objects.open(oid, LargeObjects.Mode.READ)) {
      assertArrayEquals(new byte[] {9}, object.read(10));
    }
    conn.rollback();
    conn.setAutocommit(true);
  }

  @Test
  void streamsAndTheChannelShareThePosition(Connection conn) throws Exception {
    LargeObjects objects = conn.largeObjects();
    try (Transaction tx = conn.transaction()) {
      long oid = objects.create();
      try (LargeObject object = objects.open(oid, LargeObjects.Mode.READ_WRITE)) {
        try (OutputStream out = object.outputStream()) {
          out.write('a');
          out.write("bcdef".getBytes(StandardCharsets.UTF_8), 1, 3);
        }
        assertEquals(4, object.tell());
        object.seek(0, LargeObject.Whence.START);
        try (InputStream in = object.inputStream()) {
          assertEquals('a', in.read());
          assertEquals("cde", new String(in.readAllBytes(), StandardCharsets.UTF_8));
          assertEquals(-1, in.read());
        }
        SeekableByteChannel channel = object.channel();
        channel.position(1);
        ByteBuffer two = ByteBuffer.allocate(2);
        assertEquals(2, channel.read(two));
        assertEquals("cd", new String(two.array(), StandardCharsets.UTF_8));
        channel.write(ByteBuffer.wrap("XYZ".getBytes(StandardCharsets.UTF_8)));
        assertEquals(6, channel.size());
        channel.truncate(2);
        assertEquals(2, channel.position());
        assertEquals(-1, channel.read(ByteBuffer.allocate(1)));
        channel.close();
        assertTrue(!object.channel().isOpen(), "closing the channel closes the object");
      }
      tx.commit();
    }
  }
}
