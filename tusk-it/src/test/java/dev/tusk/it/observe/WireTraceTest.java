package dev.tusk.it.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Tusk;
import dev.tusk.testing.TestRole;
import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The wire trace ({@code dev.tusk.wire}): message types and lengths both ways, and never a
 * password, an authentication exchange's bytes, the SQL or a parameter value.
 */
@TuskTest
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class WireTraceTest {

  // Held: java.util.logging keeps loggers only weakly, and the level must stay set.
  private static final Logger WIRE = Logger.getLogger("dev.tusk.wire");

  private final TestSchema schema;

  WireTraceTest(TestSchema schema) {
    this.schema = schema;
  }

  /** What the wire trace logs while {@code work} runs, with the trace at its most detailed. */
  private static List<String> traced(Runnable work) {
    List<LogRecord> records = new ArrayList<>();
    Handler handler = TracerTest.capture(records);
    handler.setLevel(Level.ALL);
    Level before = WIRE.getLevel();
    WIRE.setLevel(Level.ALL);
    WIRE.addHandler(handler);
    try {
      work.run();
    } finally {
      WIRE.removeHandler(handler);
      WIRE.setLevel(before);
    }
    synchronized (records) {
      return records.stream().map(LogRecord::getMessage).toList();
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = TestRole.class,
      names = {"SCRAM", "MD5", "PASSWORD"})
  void noPasswordNoSqlNoValue(TestRole role) {
    String secretValue = "value-" + role.password();
    List<String> lines =
        traced(
            () -> {
              try (Connection conn = Tusk.connect(schema.conninfo(role))) {
                assertEquals(
                    secretValue,
                    conn.execute("SELECT $1::text AS hidden_column", secretValue)
                        .fetchOne()
                        .getString(0));
              }
            });
    for (String expected :
        List.of(
            "F StartupMessage",
            "B Authentication",
            "F PasswordMessage/SASL (length not shown)",
            "B ParameterStatus",
            "B BackendKeyData",
            "B ReadyForQuery",
            "F Parse",
            "F Bind",
            "F Execute",
            "F Sync",
            "B RowDescription",
            "B DataRow",
            "B CommandComplete",
            "F Terminate")) {
      assertTrue(
          lines.stream().anyMatch(line -> line.startsWith(expected)),
          expected + " not among " + lines);
    }
    for (String line : lines) {
      assertFalse(line.contains(role.password()), "the password in " + line);
      assertFalse(line.contains("SELECT"), "SQL in " + line);
      assertFalse(line.contains("hidden_column"), "SQL in " + line);
    }
  }

  @Test
  void offByDefaultAndSilent() {
    List<LogRecord> records = new ArrayList<>();
    Handler handler = TracerTest.capture(records);
    WIRE.addHandler(handler);
    try (Connection conn = Tusk.connect(schema.conninfo())) {
      conn.execute("SELECT 1").fetchAll();
    } finally {
      WIRE.removeHandler(handler);
    }
    assertEquals(List.of(), records);
  }
}
