package dev.tusk.it.copy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.internal.buffer.BigEndian;
import dev.tusk.internal.buffer.WriteBuffer;
import dev.tusk.internal.copy.CopyOptions;
import dev.tusk.testing.TuskTest;
import dev.tusk.types.PgInet;
import dev.tusk.types.PgInterval;
import dev.tusk.types.PgPoint;
import dev.tusk.types.PgRange;
import dev.tusk.types.PgRecord;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The COPY formats against PostgreSQL 17 itself: the server loads what the encoders write for every
 * core type (and a composite, an enum and a domain from the catalog) in each format; the decoders
 * read back what the server writes; and for canonical values the encoders' bytes equal the server's
 * own COPY output byte for byte.
 */
@TuskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CopyFormatsServerTest {

  /** Delimiters, quotes, backslashes, line breaks, marker look-alikes and multibyte text. */
  private static final String TRICKY =
      "tab\t, ;|\"quoted\" 'single' \\ back\nnew\rret \\N \\. é日本\uD83D\uDE00";

  /** A Java record sent as the composite type {@code pair}. */
  record Pair(int a, String b) {}

  private static final String COLUMNS =
      "id int4, c_int2 int2, c_int8 int8, c_float4 float4, c_float8 float8, c_numeric numeric,"
          + " c_bool bool, c_text text, c_varchar varchar(40), c_bytea bytea, c_uuid uuid,"
          + " c_date date, c_time time, c_timetz timetz, c_timestamp timestamp,"
          + " c_timestamptz timestamptz, c_interval interval, c_json json, c_jsonb jsonb,"
          + " c_int4s int4[], c_texts text[], c_range int4range, c_numrange numrange, c_inet inet,"
          + " c_point point, c_pair pair, c_mood mood, c_positive positive";

  private static final String[] TYPES = {
    "int4",
    "int2",
    "int8",
    "float4",
    "float8",
    "numeric",
    "bool",
    "text",
    "varchar(40)",
    "bytea",
    "uuid",
    "date",
    "time",
    "timetz",
    "timestamp",
    "timestamptz",
    "interval",
    "json",
    "jsonb",
    "int4[]",
    "text[]",
    "int4range",
    "numrange",
    "inet",
    "point",
    "pair",
    "mood",
    "positive"
  };

  private final Connection conn;

  CopyFormatsServerTest(Connection conn) {
    this.conn = conn;
  }

  @BeforeAll
  void types() {
    conn.execute("CREATE TYPE pair AS (a int4, b text)");
    conn.execute("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')");
    conn.execute("CREATE DOMAIN positive AS int4 CHECK (VALUE > 0)");
  }

  private static List<Object[]> rows() throws Exception {
    Object[] first = {
      1,
      Short.MIN_VALUE,
      Long.MAX_VALUE,
      1.5f,
      0.1,
      new BigDecimal("-123456789012345678901234567890.000120"),
      true,
      TRICKY,
      "a|b,c",
      new byte[] {0, 92, 10, 13, 9, -1, 34, 44},
      UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
      LocalDate.of(2024, 2, 29),
      LocalTime.of(23, 59, 59, 999_999_000),
      OffsetTime.of(12, 30, 0, 1000, ZoneOffset.ofHoursMinutes(-3, -30)),
      LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000),
      OffsetDateTime.of(2024, 6, 30, 23, 59, 59, 1000, ZoneOffset.UTC),
      new PgInterval(14, -3, 3_600_000_001L),
      Map.of("k", List.of(1, "two", TRICKY)),
      Map.of("k", List.of(1, "two", TRICKY)),
      List.of(List.of(1, 2), List.of(3, 4)),
      Arrays.asList("a,b", "\"q\"", "NULL", "", null, TRICKY),
      PgRange.closedOpen(1, 10),
      PgRange.closedOpen(new BigDecimal("1.5"), new BigDecimal("2.25")),
      PgInet.of(InetAddress.getByName("2001:db8::1")),
      new PgPoint(1.5, -2),
      new Pair(7, TRICKY),
      "happy",
      42
    };
    Object[] empty = new Object[first.length];
    empty[0] = 2;
    Object[] third = {
      3,
      (short) 0,
      -1L,
      Float.NaN,
      Double.NEGATIVE_INFINITY,
      BigDecimal.ZERO,
      false,
      "",
      "",
      new byte[0],
      UUID.fromString("00000000-0000-0000-0000-000000000000"),
      LocalDate.of(1, 1, 1),
      LocalTime.MIDNIGHT,
      OffsetTime.of(0, 0, 0, 0, ZoneOffset.ofHours(14)),
      LocalDateTime.of(1999, 12, 31, 23, 59, 59),
      OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
      PgInterval.ZERO,
      List.of(),
      Map.of(),
      Arrays.asList(1, null),
      List.of(),
      PgRange.<Integer>empty(),
      PgRange.closedOpen(null, new BigDecimal("5")),
      PgInet.of(InetAddress.getByName("10.0.0.1")),
      new PgPoint(0, 0),
      new Pair(0, null),
      "sad",
      1
    };
    return List.of(first, empty, third);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "(FORMAT text)",
        "(FORMAT csv)",
        "(FORMAT binary)",
        "(FORMAT text, DELIMITER '|', NULL 'NULL')",
        "(FORMAT csv, DELIMITER ';', NULL 'NULL', QUOTE '''', ESCAPE '\\')",
        "CSV DELIMITER AS '|' NULL AS '\\N'"
      })
  void everyCoreTypeGoesInAndComesBack(String options) throws Exception {
    ServerCopyFiles files = new ServerCopyFiles(conn);
    conn.execute("DROP TABLE IF EXISTS everything");
    conn.execute("CREATE TABLE everything (" + COLUMNS + ")");
    List<Object[]> rows = rows();
    byte[] data =
        ServerCopyFiles.encode(files.encoder("COPY everything FROM STDIN " + options, TYPES), rows);
    assertEquals(rows.size(), files.copyIn("everything", options, data));

    byte[] written = files.copyOut("(SELECT * FROM everything ORDER BY id)", options);
    String sql = "COPY everything TO STDOUT " + options;
    List<Object[]> back =
        ServerCopyFiles.decode(files.decoder(sql, TYPES), written, CopyOptions.parse(sql));
    assertEquals(rows.size(), back.size());
    for (int row = 0; row < rows.size(); row++) {
      for (int column = 0; column < TYPES.length; column++) {
        Object expected = comparable(rows.get(row)[column]);
        Object actual = comparable(back.get(row)[column]);
        int r = row;
        int c = column;
        assertTrue(
            Objects.deepEquals(expected, actual),
            () -> TYPES[c] + " in row " + r + ": wrote " + expected + ", read " + actual);
      }
    }
  }

  /** Values as compared: instants for timestamptz, composites as their attributes. */
  private static Object comparable(Object value) {
    if (value instanceof OffsetDateTime time) {
      return time.toInstant();
    }
    if (value instanceof PgRecord record) {
      return record.values();
    }
    return value instanceof Pair pair ? Arrays.asList(pair.a(), pair.b()) : value;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "(FORMAT text)",
        "(FORMAT csv)",
        "(FORMAT binary)",
        "(FORMAT text, DELIMITER ',', NULL '')",
        "(FORMAT csv, DELIMITER '|', QUOTE '''', ESCAPE '\\', NULL 'NULL', HEADER)",
        "(FORMAT text, HEADER true)"
      })
  void ourBytesAreTheServersBytes(String options) throws Exception {
    ServerCopyFiles files = new ServerCopyFiles(conn);
    conn.execute("SET TimeZone = 'UTC'");
    conn.execute("DROP TABLE IF EXISTS canonical");
    conn.execute(
        "CREATE TABLE canonical (id int4, big int8, t text, flag bool, raw bytea, amount numeric,"
            + " day date, at timestamp, atz timestamptz, u uuid, ints int4[], texts text[])");
    String[] types = {
      "int4",
      "int8",
      "text",
      "bool",
      "bytea",
      "numeric",
      "date",
      "timestamp",
      "timestamptz",
      "uuid",
      "int4[]",
      "text[]"
    };
    String tricky = options.contains("NULL ''") ? TRICKY : TRICKY + " NULL";
    List<Object[]> rows =
        List.of(
            new Object[] {
              1,
              -9_000_000_000L,
              tricky,
              true,
              new byte[] {1, 2, -128},
              new BigDecimal("12.3400"),
              LocalDate.of(2024, 2, 29),
              LocalDateTime.of(2024, 1, 2, 3, 4, 5, 120_000_000),
              OffsetDateTime.of(2024, 6, 30, 23, 59, 59, 1000, ZoneOffset.UTC),
              UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
              Arrays.asList(1, null, -3),
              Arrays.asList("a b", "c,d", "\"", "\\", null, "NULL", "")
            },
            new Object[] {2, null, null, null, null, null, null, null, null, null, null, null},
            new Object[] {
              3,
              0L,
              "x",
              false,
              new byte[0],
              new BigDecimal("-0.5"),
              LocalDate.of(1, 1, 1),
              LocalDateTime.of(1970, 1, 1, 0, 0),
              OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
              UUID.fromString("00000000-0000-0000-0000-000000000001"),
              List.of(),
              List.of("é日本")
            });
    String columns = "canonical (id, big, t, flag, raw, amount, day, at, atz, u, ints, texts)";
    byte[] ours =
        ServerCopyFiles.encode(
            files.encoder("COPY " + columns + " FROM STDIN " + options, types), rows);
    files.copyIn(columns, options, ours);
    byte[] theirs = files.copyOut(columns, options);
    assertEquals(text(theirs), text(ours));
    assertArrayEquals(theirs, ours);
  }

  private static String text(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    return text.contains("PGCOPY") ? HexFormat.of().formatHex(bytes) : text;
  }

  @Test
  void headerMatchAndAnUnnamedHeaderAreAccepted() {
    ServerCopyFiles files = new ServerCopyFiles(conn);
    conn.execute("DROP TABLE IF EXISTS headed");
    conn.execute("CREATE TABLE headed (id int4, \"Name, odd\" text)");
    String match = "(FORMAT csv, HEADER MATCH)";
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {1, "one"});
    rows.add(new Object[] {2, null});
    byte[] named =
        ServerCopyFiles.encode(
            files.encoder("COPY headed (id, \"Name, odd\") FROM STDIN " + match), rows);
    assertEquals(2, files.copyIn("headed (id, \"Name, odd\")", match, named));
    byte[] unnamed =
        ServerCopyFiles.encode(files.encoder("COPY headed FROM STDIN (FORMAT text, HEADER)"), rows);
    assertEquals(2, files.copyIn("headed", "(FORMAT text, HEADER)", unnamed));
    // Each load brought both rows: no data line was taken for the header.
    assertEquals(
        List.of(2L, 2L),
        conn.execute("SELECT count(*) FROM headed GROUP BY id ORDER BY id").fetchAll().stream()
            .map(row -> row.get(0, Long.class))
            .toList());
  }

  @Test
  void markerLookalikesAreLoadedAsText() throws Exception {
    ServerCopyFiles files = new ServerCopyFiles(conn);
    conn.execute("DROP TABLE IF EXISTS markers");
    conn.execute("CREATE TABLE markers (id int4, t text DEFAULT 'the default')");
    String options = "(FORMAT text, NULL 'nil', DEFAULT 'dflt')";
    List<Object[]> rows =
        List.of(
            new Object[] {1, "nil"},
            new Object[] {2, "dflt"},
            new Object[] {3, null},
            new Object[] {4, "\\N"});
    byte[] data = ServerCopyFiles.encode(files.encoder("COPY markers FROM STDIN " + options), rows);
    files.copyIn("markers", options, data);
    assertEquals(
        Arrays.asList("nil", "dflt", null, "\\N"),
        conn.execute("SELECT t FROM markers ORDER BY id").fetchAll().stream()
            .map(row -> row.get(0, String.class))
            .toList());
  }

  private static final String MORE_COLUMNS =
      "id int4, c_money money, c_char \"char\", c_name name, c_bpchar char(5), c_oid oid,"
          + " c_cidr cidr, c_macaddr macaddr, c_macaddr8 macaddr8, c_bit bit(4), c_varbit varbit,"
          + " c_lsn pg_lsn, c_line line, c_lseg lseg, c_box box, c_path path, c_polygon polygon,"
          + " c_circle circle, c_multirange int4multirange, c_tstzrange tstzrange,"
          + " c_dates date[], c_floats float8[], c_boxes box[], c_intervals interval[],"
          + " c_timestamptz timestamptz, c_vector int2vector";

  private static final String[] MORE_TYPES = {
    "int4",
    "money",
    "\"char\"",
    "name",
    "char(5)",
    "oid",
    "cidr",
    "macaddr",
    "macaddr8",
    "bit(4)",
    "bit varying",
    "pg_lsn",
    "line",
    "lseg",
    "box",
    "path",
    "polygon",
    "circle",
    "int4multirange",
    "tstzrange",
    "date[]",
    "double precision[]",
    "box[]",
    "interval[]",
    "timestamp with time zone",
    "int2vector"
  };

  private static final String MORE_VALUES =
      "(1, '-12.34', 'x', 'a name', 'ab', 4000000000, '10.1.0.0/16', '08:00:2b:01:02:03',"
          + " '08:00:2b:01:02:03:04:05', B'1010', B'10111', '16/B374D848', '{1,-1,3}',"
          + " '[(0,0),(1,1.5)]', '(3,4),(1,2)', '[(0,0),(1,1),(2,0)]', '((0,0),(1,1),(1,0))',"
          + " '<(1,2),3>', '{[1,3), [5,8)}', '[2024-01-01 10:00+05:45, infinity)',"
          + " '{2024-02-29, infinity, -infinity}', '{1.5, NaN, -Infinity, 1e-300}',"
          + " '{(1,1),(0,0);(3,3),(2,2)}', '{\"1 year 2 mons\", -00:00:01}',"
          + " '2024-06-30 23:59:59.000001+05:45', '1 2 -3'),"
          + " (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
          + " NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),"
          + " (3, '0', E'\\\\', '', '', 0, '::/0', '00:00:00:00:00:00', 'ff:ff:ff:ff:ff:ff:ff:ff',"
          + " B'0000', B'', '0/0', '{0,1,0}', '[(1,1),(1,1)]', '(0,0),(0,0)', '((1,2))',"
          + " '((0,0))', '<(0,0),0>', '{}', 'empty', '{}', '{}', '{}', '{}',"
          + " '-infinity', '0')";

  /**
   * The rest of the built-in types (an empty int2vector aside: int2vectorrecv refuses the empty
   * vector int2vectorsend writes), read from what the server writes and written back: the table
   * loaded from our bytes holds the same values (compared as the server's text of each row), in a
   * session whose TimeZone has an odd offset.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"(FORMAT text)", "(FORMAT csv)", "(FORMAT binary)"})
  void serverValuesSurviveOurDecodingAndEncoding(String options) {
    ServerCopyFiles files = new ServerCopyFiles(conn);
    conn.execute("SET TimeZone = 'Asia/Kathmandu'");
    conn.execute("DROP TABLE IF EXISTS more, more_copy");
    conn.execute("CREATE TABLE more (" + MORE_COLUMNS + ")");
    conn.execute("CREATE TABLE more_copy (LIKE more)");
    conn.execute("INSERT INTO more VALUES " + MORE_VALUES);

    byte[] written = files.copyOut("(SELECT * FROM more ORDER BY id)", options);
    String out = "COPY more TO STDOUT " + options;
    List<Object[]> rows =
        ServerCopyFiles.decode(files.decoder(out, MORE_TYPES), written, CopyOptions.parse(out));
    assertEquals(3, rows.size());
    byte[] ours =
        ServerCopyFiles.encode(
            files.encoder("COPY more_copy FROM STDIN " + options, MORE_TYPES), rows);
    assertEquals(3, files.copyIn("more_copy", options, ours));
    assertEquals(rowTexts("more"), rowTexts("more_copy"));
  }

  private List<String> rowTexts(String table) {
    return conn.execute("SELECT t::text FROM " + table + " t ORDER BY id").fetchAll().stream()
        .map(row -> row.get(0, String.class))
        .toList();
  }

  /** Types Tusk reads as text only (no binary codec) still go through text and CSV. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"(FORMAT text)", "(FORMAT csv)"})
  void textOnlyTypesInTextFormats(String options) {
    ServerCopyFiles files = new ServerCopyFiles(conn);
    conn.execute("DROP TABLE IF EXISTS texty, texty_copy");
    conn.execute("CREATE TABLE texty (id int4, x xml, v tsvector, q tsquery, r regclass)");
    conn.execute("CREATE TABLE texty_copy (LIKE texty)");
    conn.execute(
        "INSERT INTO texty VALUES (1, '<a b=\"c,d\">\t</a>', 'a:1 b:2,3', 'a & !b', 'pg_class')");
    String[] types = {"int4", "xml", "tsvector", "tsquery", "regclass"};
    byte[] written = files.copyOut("texty", options);
    String out = "COPY texty TO STDOUT " + options;
    List<Object[]> rows =
        ServerCopyFiles.decode(files.decoder(out, types), written, CopyOptions.parse(out));
    files.copyIn(
        "texty_copy",
        options,
        ServerCopyFiles.encode(
            files.encoder("COPY texty_copy FROM STDIN " + options, types), rows));
    assertEquals(rowTexts("texty"), rowTexts("texty_copy"));
  }

  /**
   * Binary field payloads equal what the type's send function writes, for the types whose binary
   * form is a structure: composites, ranges, multi-dimensional arrays, intervals, jsonb.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "record_send(ROW(7, 'x, y')::pair) | pair",
        "range_send('[1,10)'::int4range) | int4range",
        "array_send('{{1,2},{3,NULL}}'::int4[]) | int4[]",
        "interval_send('14 mons -3 days 01:00:00.000001') | interval",
        "jsonb_send('{\"k\": [1, \"two\"]}') | jsonb",
        "float8send('-0'::float8) | float8",
        "numeric_send(-123456789012345678901234567890.000120) | numeric",
        "enum_send('happy'::mood) | mood",
        "timestamptz_send('2024-06-30 23:59:59.000001+00') | timestamptz"
      })
  void fieldPayloadsEqualTheSendFunctions(String probe) {
    String[] parts = probe.split(" \\| ");
    String send = parts[0];
    String type = parts[1];
    String value = send.substring(send.indexOf('(') + 1, send.length() - 1);
    Object decoded = conn.execute("SELECT " + value + "::" + type).fetchOne().get(0);
    byte[] expected = conn.execute("SELECT " + send).fetchOne().get(0, byte[].class);

    ServerCopyFiles files = new ServerCopyFiles(conn);
    WriteBuffer out = new WriteBuffer();
    files.encoder("COPY t FROM STDIN (FORMAT binary)", type).row(new Object[] {decoded}, out);
    byte[] row = out.toByteArray();
    assertEquals(
        HexFormat.of().formatHex(expected),
        HexFormat.of().formatHex(Arrays.copyOfRange(row, 6, row.length)),
        send);
    assertEquals(expected.length, BigEndian.int32(row, 2));
  }
}
