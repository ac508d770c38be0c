package dev.tusk.it.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.tusk.Connection;
import dev.tusk.Cursor;
import dev.tusk.Row;
import dev.tusk.Tusk;
import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import dev.tusk.types.BinaryOutput;
import dev.tusk.types.Codec;
import dev.tusk.types.Oids;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A user codec that overrides a built-in one (int4 read as a user class) at global, connection and
 * cursor scope, in both result formats, without reaching any other scope; and a text-only user
 * codec, which keeps its columns in the text format.
 */
@TuskTest
class TypeScopesTest {

  /** What the user codec decodes int4 to. */
  record Count(int value) {}

  /** int4 as a Count, in both formats; a tag tells the scopes apart. */
  record CountCodec(boolean binary) implements Codec<Count> {

    @Override
    public int oid() {
      return Oids.INT4;
    }

    @Override
    public String typeName() {
      return "int4";
    }

    @Override
    public Class<Count> javaType() {
      return Count.class;
    }

    @Override
    public boolean hasBinary() {
      return binary;
    }

    @Override
    public Count decodeText(byte[] bytes, int offset, int length) {
      return new Count(Integer.parseInt(new String(bytes, offset, length, StandardCharsets.UTF_8)));
    }

    @Override
    public Count decodeBinary(byte[] bytes, int offset, int length) {
      return new Count(
          (bytes[offset] << 24)
              | (bytes[offset + 1] & 0xFF) << 16
              | (bytes[offset + 2] & 0xFF) << 8
              | (bytes[offset + 3] & 0xFF));
    }

    @Override
    public void encodeBinary(Count value, BinaryOutput out) {
      out.writeInt32(value.value());
    }

    @Override
    public String encodeText(Count value) {
      return Integer.toString(value.value());
    }
  }

  /** Runs a new SQL text twice (text, then binary results) and returns column 0 of each run. */
  private static Object[] bothRuns(Cursor<Row> cursor, String sql) {
    return new Object[] {
      cursor.execute(sql).fetchOne().get(0), cursor.execute(sql).fetchOne().get(0)
    };
  }

  @Test
  void aCursorOverrideStaysInItsCursor(Connection conn) {
    Cursor<Row> custom = conn.cursor();
    custom.types().register(new CountCodec(true));
    for (Object value : bothRuns(custom, "SELECT 41 + 1 /* cursor */")) {
      assertEquals(new Count(42), value);
    }
    assertEquals(42, conn.execute("SELECT 41 + 1 /* cursor */").fetchOne().get(0));
    assertEquals(42, conn.cursor().execute("SELECT 41 + 1").fetchOne().get(0));
  }

  @Test
  void aConnectionOverrideReachesItsCursorsOnly(Connection conn, TestSchema schema) {
    Cursor<Row> copiedBefore = conn.cursor();
    copiedBefore.types();
    conn.types().register(new CountCodec(true));
    for (Object value : bothRuns(conn.cursor(), "SELECT 7 /* connection */")) {
      assertEquals(new Count(7), value);
    }
    assertEquals(7, copiedBefore.execute("SELECT 7 /* connection */").fetchOne().get(0));
    try (Connection other = Tusk.connect(schema.conninfo())) {
      assertEquals(7, other.execute("SELECT 7 /* connection */").fetchOne().get(0));
    }
  }

  @Test
  void aGlobalOverrideReachesConnectionsOpenedAfterIt(Connection conn, TestSchema schema) {
    Codec<?> builtin = Tusk.types().codec(Oids.INT4);
    Tusk.types().register(new CountCodec(true));
    try (Connection opened = Tusk.connect(schema.conninfo())) {
      for (Object value : bothRuns(opened.cursor(), "SELECT 3 /* global */")) {
        assertEquals(new Count(3), value);
      }
      // Inside composites and arrays too: their codecs are built from the scope's codecs.
      Row row = opened.execute("SELECT ARRAY[1, 2], ROW(5)").fetchOne();
      assertEquals(java.util.List.of(new Count(1), new Count(2)), row.get(0));
    } finally {
      Tusk.types().register(builtin);
    }
    assertEquals(3, conn.execute("SELECT 3 /* global */").fetchOne().get(0));
    try (Connection after = Tusk.connect(schema.conninfo())) {
      assertEquals(3, after.execute("SELECT 3 /* global */").fetchOne().get(0));
    }
  }

  @Test
  void aTextOnlyCodecKeepsItsColumnsInText(Connection conn) {
    Cursor<Row> custom = conn.cursor();
    custom.types().register(new CountCodec(false));
    String sql = "SELECT 5, 'x'::text /* text only */";
    assertEquals(5, conn.execute(sql).fetchOne().get(0));
    // The statement is known to the connection with binary results; this cursor still gets text.
    for (Object value : bothRuns(custom, sql)) {
      assertEquals(new Count(5), value);
    }
  }

  @Test
  void userClassesAreSentThroughTheirRegisteredCodec(Connection conn) {
    Cursor<Row> custom = conn.cursor();
    custom.types().registerParameter(Count.class, new CountCodec(true));
    Row row = custom.execute("SELECT $1 + 1, pg_typeof($1)::text", new Count(9)).fetchOne();
    assertEquals(10, row.get(0));
    assertEquals("integer", row.get(1));
    assertInstanceOf(
        dev.tusk.errors.ProgrammingError.class,
        org.junit.jupiter.api.Assertions.assertThrows(
            RuntimeException.class, () -> conn.execute("SELECT $1", new Count(1))));
  }
}
