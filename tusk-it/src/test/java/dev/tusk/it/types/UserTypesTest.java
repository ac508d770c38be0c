package dev.tusk.it.types;

import static dev.tusk.it.types.BothFormats.args;
import static dev.tusk.it.types.BothFormats.forEachFormat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.tusk.Column;
import dev.tusk.Connection;
import dev.tusk.Row;
import dev.tusk.testing.TuskTest;
import dev.tusk.types.Param;
import dev.tusk.types.PgRecord;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * User-defined enums, composites (nested, in arrays, with NULL attributes) and domains (over int,
 * text and an array), looked up in the catalog on first use, in both result formats, read as their
 * default Java types and as Java enums and records, and sent as parameters.
 */
@Tag("versions")
@TuskTest
class UserTypesTest {

  enum Mood {
    sad,
    ok,
    happy
  }

  record Address(String street, Integer zipCode) {}

  record Person(String name, Address home, List<Mood> moods, List<Address> past) {}

  record PersonWithArray(String name, Address home, Mood[] moods, Address[] past) {}

  private static void createTypes(Connection conn) {
    conn.execute(
        "DROP TYPE IF EXISTS person, address, mood CASCADE;"
            + " DROP DOMAIN IF EXISTS posint, shout, tags;"
            + " CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');"
            + " CREATE TYPE address AS (street text, zip_code int4);"
            + " CREATE TYPE person AS (name text, home address, moods mood[], past address[]);"
            + " CREATE DOMAIN posint AS int4 CHECK (VALUE > 0);"
            + " CREATE DOMAIN shout AS text CHECK (VALUE = upper(VALUE));"
            + " CREATE DOMAIN tags AS text[];");
  }

  @Test
  void enumsReadAsTheirLabelsOrAsJavaEnums(Connection conn) {
    createTypes(conn);
    forEachFormat(
        conn,
        "SELECT 'happy'::mood, ARRAY['sad', NULL, 'ok']::mood[]",
        args(),
        (format, row) -> {
          assertEquals("happy", row.get(0), format.name());
          assertEquals(Mood.happy, row.get(0, Mood.class), format.name());
          assertEquals(Arrays.asList("sad", null, "ok"), row.get(1), format.name());
          assertEquals("mood", row.columns().get(0).typeName());
          assertEquals("mood[]", row.columns().get(1).typeName());
        });
  }

  @Test
  void enumsAreSentAsJavaEnumsStringsOrParams(Connection conn) {
    createTypes(conn);
    Row row =
        conn.execute(
                "SELECT $1::mood = 'ok', $2, $3::mood[]",
                Mood.ok,
                Param.of("sad", "mood"),
                List.of(Mood.happy, Mood.sad))
            .fetchOne();
    assertEquals(true, row.get(0));
    assertEquals("sad", row.get(1));
    assertEquals("mood", row.columns().get(1).typeName());
    assertEquals(List.of("happy", "sad"), row.get(2));
  }

  @Test
  void compositesReadAsPgRecordsWithNestedValuesAndNulls(Connection conn) {
    createTypes(conn);
    String sql =
        "SELECT ROW('Ann', ROW('Main St, 1 \"A\"', 12345)::address, ARRAY['ok']::mood[],"
            + " ARRAY[ROW('Old', NULL)::address, NULL])::person,"
            + " ROW(NULL, NULL)::address, ROW('', 0)::address";
    forEachFormat(
        conn,
        sql,
        args(),
        (format, row) -> {
          PgRecord person = assertInstanceOf(PgRecord.class, row.get(0), format.name());
          assertEquals("person", person.typeName());
          assertEquals(List.of("name", "home", "moods", "past"), person.names());
          assertEquals("Ann", person.get("name"));
          PgRecord home = (PgRecord) person.get("home");
          assertEquals("Main St, 1 \"A\"", home.get("street"), format.name());
          assertEquals(12345, home.get("zip_code"));
          assertEquals(List.of("ok"), person.get("moods"));
          List<?> past = (List<?>) person.get("past");
          assertEquals(Arrays.asList("Old", null), ((PgRecord) past.get(0)).values());
          assertNull(past.get(1));
          assertEquals(Arrays.asList(null, null), ((PgRecord) row.get(1)).values());
          assertEquals(List.of("", 0), ((PgRecord) row.get(2)).values(), format.name());
        });
  }

  @Test
  void compositesReadAsJavaRecordsWithNestedRecordsListsAndArrays(Connection conn) {
    createTypes(conn);
    String sql =
        "SELECT ROW('Ann', ROW('Main', 1)::address, ARRAY['ok', 'happy']::mood[],"
            + " ARRAY[ROW('Old', NULL)::address])::person";
    Person expected =
        new Person(
            "Ann",
            new Address("Main", 1),
            List.of(Mood.ok, Mood.happy),
            List.of(new Address("Old", null)));
    forEachFormat(
        conn,
        sql,
        args(),
        (format, row) -> {
          assertEquals(expected, row.get(0, Person.class), format.name());
          PersonWithArray withArrays = row.get(0, PersonWithArray.class);
          assertArrayEquals(new Mood[] {Mood.ok, Mood.happy}, withArrays.moods());
          assertArrayEquals(new Address[] {new Address("Old", null)}, withArrays.past());
        });
  }

  @Test
  void javaRecordsAreSentAsCompositesWhenTheTypeIsNamed(Connection conn) {
    createTypes(conn);
    Person ann =
        new Person(
            "Ann", new Address("Main, \"1\"", 7), List.of(Mood.sad), List.of(new Address(null, 2)));
    Row row =
        conn.execute(
                "SELECT $1::person, ($1::person).home.zip_code, $2::address[]",
                Param.of(ann, "person"),
                Param.of(List.of(new Address("x", 1)), "address[]"))
            .fetchOne();
    assertEquals(ann, row.get(0, Person.class));
    assertEquals(7, row.get(1));
    assertEquals(List.of(new Address("x", 1)), List.of(row.get(2, Address[].class)));
  }

  @Test
  void pgRecordsAndTypedNullsAreSent(Connection conn) {
    createTypes(conn);
    PgRecord home = PgRecord.of("address", List.of("street", "zip_code"), Arrays.asList("S", null));
    Row row =
        conn.execute(
                "SELECT $1::address, $2::address IS NULL",
                Param.of(home, "address"),
                Param.of(null, "address"))
            .fetchOne();
    assertEquals(home, row.get(0));
    assertEquals(true, row.get(1));
  }

  @Test
  void domainsReadAndSendAsTheirBaseTypes(Connection conn) {
    createTypes(conn);
    forEachFormat(
        conn,
        "SELECT 5::posint, 'LOUD'::shout, '{a,b}'::tags, ARRAY[1, 2]::posint[]",
        args(),
        (format, row) -> {
          assertEquals(5, row.get(0), format.name());
          assertEquals(5L, row.get(0, Long.class));
          assertEquals("LOUD", row.get(1));
          assertEquals(List.of("a", "b"), row.get(2));
          assertArrayEquals(new String[] {"a", "b"}, row.get(2, String[].class));
          assertEquals(List.of(1, 2), row.get(3), format.name());
          // The server describes a domain's column by its base type.
          List<String> types = row.columns().stream().map(Column::typeName).toList();
          assertEquals(List.of("int4", "text", "text[]", "posint[]"), types);
        });
    Row sent =
        conn.execute("SELECT $1, $2", Param.of(3, "posint"), Param.of(List.of("x"), "tags"))
            .fetchOne();
    assertEquals(3, sent.get(0));
    assertEquals(List.of("x"), sent.get(1));
  }

  @Test
  void theCatalogIsAskedOncePerConnectionAndType(Connection conn) {
    createTypes(conn);
    Row first = conn.execute("SELECT 'ok'::mood").fetchOne();
    Row second = conn.execute("SELECT 'ok'::mood AS again").fetchOne();
    // Labels learned from the catalog are returned as they are: no String per value.
    assertSame(first.get(0), second.get(0));
    assertSame(conn.types().codec(first.columns().get(0).typeOid()), conn.types().codec("mood"));
  }
}
