package dev.tusk.it.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tusk.Connection;
import dev.tusk.Row;
import dev.tusk.testing.PostgresServer;
import dev.tusk.testing.TuskTest;
import dev.tusk.types.Oids;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * {@link Oids} is generated from {@code tusk-core/src/data/pg_type.tsv}, the built-in types of
 * pg_catalog. This test proves the file is what the server's catalog says, and that every constant
 * names the type with that OID. With {@code -Dtusk.regenerate=true} it rewrites the file from the
 * server instead (then regenerate {@code Oids} as its header says).
 */
@TuskTest
class BuiltinTypeOidsTest {

  /** From tusk-it, where Maven runs its tests. */
  static final Path DATA = Path.of("..", "tusk-core", "src", "data", "pg_type.tsv");

  /** Built-in types of pg_catalog, without the row types of system catalogs (nor their arrays). */
  private static final String BUILT_IN_TYPES =
      """
      SELECT t.oid::int, t.typname::text
      FROM pg_type t
      LEFT JOIN pg_type e ON e.oid = t.typelem AND t.typcategory = 'A'
      WHERE t.typnamespace = 'pg_catalog'::regnamespace
        AND t.oid < 16384
        AND t.typtype <> 'c'
        AND (e.oid IS NULL OR e.typtype <> 'c')
      ORDER BY t.oid
      """;

  private static final String HEADER =
      "# Built-in types of pg_catalog (PostgreSQL %s): oid, then typname. Written by\n"
          + "# dev.tusk.it.types.BuiltinTypeOidsTest with -Dtusk.regenerate=true; source of"
          + " dev.tusk.types.Oids.\n";

  @Test
  void theDataFileIsTheServersCatalog(Connection conn, PostgresServer server) throws IOException {
    List<String> fromServer = new ArrayList<>();
    for (Row row : conn.execute(BUILT_IN_TYPES)) {
      fromServer.add(row.getInt(0) + "\t" + row.getString(1));
    }
    if (Boolean.getBoolean("tusk.regenerate")) {
      String version = conn.execute("SHOW server_version").fetchOne().getString(0);
      Files.writeString(
          DATA, String.format(HEADER, version) + String.join("\n", fromServer) + "\n");
    }
    assumeTrue(server.serverVersionNum() / 10000 == 17, "the file is written from PostgreSQL 17");
    List<String> inFile =
        Files.readAllLines(DATA).stream().filter(line -> !line.startsWith("#")).toList();
    assertEquals(fromServer, inFile);
  }

  @Test
  void everyConstantIsTheOidOfTheTypeItNames(Connection conn) throws IllegalAccessException {
    int checked = 0;
    for (Field field : Oids.class.getFields()) {
      if (!Modifier.isStatic(field.getModifiers()) || field.getName().equals("UNSPECIFIED")) {
        continue;
      }
      String name = field.getName().toLowerCase(Locale.ROOT);
      String typname = name.endsWith("_array") ? "_" + name.substring(0, name.length() - 6) : name;
      Row type =
          conn.execute(
                  "SELECT oid::int FROM pg_type WHERE typname = $1"
                      + " AND typnamespace = 'pg_catalog'::regnamespace",
                  typname)
              .fetchOne();
      if (type == null) {
        // A type of a later PostgreSQL than this server's.
        continue;
      }
      assertEquals(type.getInt(0), field.getInt(null), field.getName());
      checked++;
    }
    assertEquals(true, checked > 100, "constants checked: " + checked);
  }
}
