package dev.tusk.it.hostile;

import static dev.tusk.testing.fake.BackendMessages.bindComplete;
import static dev.tusk.testing.fake.BackendMessages.concat;
import static dev.tusk.testing.fake.BackendMessages.header;
import static dev.tusk.testing.fake.BackendMessages.parseComplete;
import static dev.tusk.testing.fake.BackendMessages.rowDescription;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Row;
import dev.tusk.Tusk;
import dev.tusk.errors.ProtocolViolation;
import dev.tusk.testing.TuskTest;
import dev.tusk.testing.fake.FakeServer;
import dev.tusk.testing.fake.Script;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * pgx CVE-2024-27304 (a message size that overflows 32 bits splits one message into several the
 * attacker chose) and CVE-2024-27289 (a minus sign before a placeholder, in the simple protocol,
 * turns a value into a line comment). Tusk reads lengths as signed 32-bit values and checks them
 * before allocating, and never splices values into SQL.
 */
@TuskTest
@Timeout(value = 20, threadMode = ThreadMode.SEPARATE_THREAD)
class MessageLengthCveTest {

  private static final long MOST_ALLOCATED = 128L << 20;

  @ParameterizedTest(name = "CVE-2024-27304: a length of {0} in a DataRow")
  @ValueSource(ints = {Integer.MIN_VALUE, -5, -1, 0, 3, Integer.MAX_VALUE, 0x7FFFFFFC})
  @DisplayName("CVE-2024-27304: negative, short and huge message lengths after startup")
  void cve_2024_27304_lengthsOutOfRangeInAResult(int length) {
    Script script =
        Script.create()
            .handshake()
            .expectThrough('S')
            .send(
                concat(parseComplete(), bindComplete(), rowDescription("x"), header('D', length)));
    try (FakeServer server = FakeServer.start(script);
        Connection conn = Tusk.connect(server.conninfo())) {
      long before = Allocated.byAllThreads();
      ProtocolViolation error =
          assertThrows(ProtocolViolation.class, () -> conn.execute("SELECT x").fetchAll());
      long allocated = Allocated.byAllThreads() - before;

      assertEquals("08P01", error.sqlState());
      assertTrue(error.getMessage().contains("DataRow"), error.getMessage());
      assertTrue(allocated < MOST_ALLOCATED, "allocated " + allocated + " bytes");
      assertTrue(conn.closed());
      server.verify();
    }
  }

  @ParameterizedTest(name = "CVE-2024-27304: a length of {0} in an Authentication request")
  @ValueSource(ints = {Integer.MIN_VALUE, -1, 2, Integer.MAX_VALUE})
  void cve_2024_27304_lengthsOutOfRangeDuringStartup(int length) {
    Script script = Script.create().startup().send(header('R', length));
    try (FakeServer server = FakeServer.start(script)) {
      ProtocolViolation error =
          assertThrows(ProtocolViolation.class, () -> Tusk.connect(server.conninfo()));
      assertEquals("08P01", error.sqlState());
      assertTrue(error.getMessage().contains("Authentication"), error.getMessage());
      server.verify();
    }
  }

  /**
   * The injection shape of pgx CVE-2024-27289 and pgjdbc CVE-2024-1597: {@code -$1} with a negative
   * number, then a string placeholder on the same line holding a newline and SQL. Bound values stay
   * values: the text comes back as it went.
   */
  @Test
  @DisplayName("CVE-2024-27289 / CVE-2024-1597: a minus before a placeholder never makes a comment")
  void cve_2024_27289_minusBeforeAPlaceholderStaysArithmetic(Connection conn) {
    String payload = "\n; SELECT 'injected' AS x; --";
    for (String sql : List.of("SELECT -$1, $2::text", "SELECT -:n, :s::text")) {
      Row row =
          sql.contains("$")
              ? conn.execute(sql, -1, payload).fetchOne()
              : conn.execute(sql, Map.of("n", -1, "s", payload)).fetchOne();
      assertEquals(1, row.getInt(0));
      assertEquals(payload, row.getString(1));
    }
  }
}
