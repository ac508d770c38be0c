package dev.tusk.it.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Query;
import dev.tusk.Tusk;
import dev.tusk.errors.DivisionByZero;
import dev.tusk.errors.QueryCanceled;
import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * The JFR events of statements and connections: off under the JDK's own settings, on under the
 * settings file tusk-core ships, with what each says and never a parameter value.
 */
@TuskTest
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class JfrEventsTest {

  private final TestSchema schema;

  JfrEventsTest(TestSchema schema) {
    this.schema = schema;
  }

  /** Runs a few statements on a new connection, recorded with {@code settings}. */
  private List<RecordedEvent> record(Configuration settings) throws Exception {
    Path file = Files.createTempFile("tusk", ".jfr");
    try (Recording recording = new Recording(settings)) {
      recording.start();
      try (Connection conn = Tusk.connect(schema.conninfo())) {
        assertEquals(
            4, conn.execute("SELECT g FROM generate_series(1, $1) g", 4).fetchAll().size());
        assertThrows(DivisionByZero.class, () -> conn.execute("SELECT 1 / $1", 0).fetchAll());
        conn.execute("SELECT $1::text", "not-for-the-recording").fetchAll();
        assertThrows(
            QueryCanceled.class,
            () ->
                conn.execute(Query.of("SELECT pg_sleep(30)").withTimeout(Duration.ofMillis(100))));
      }
      recording.stop();
      recording.dump(file);
      return RecordingFile.readAllEvents(file).stream()
          .filter(event -> event.getEventType().getName().startsWith("dev.tusk."))
          .toList();
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void offUnderTheJdksOwnSettings() throws Exception {
    List<RecordedEvent> events = record(Configuration.getConfiguration("profile"));
    assertEquals(List.of(), events.stream().map(e -> e.getEventType().getName()).toList());
  }

  @Test
  void onUnderTusksSettingsFile() throws Exception {
    Configuration tusk;
    try (InputStream in =
            Tusk.class.getClassLoader().getResourceAsStream("META-INF/tusk/tusk.jfc");
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      tusk = Configuration.create(reader);
    }
    List<RecordedEvent> events = record(tusk);

    RecordedEvent open = only(events, "dev.tusk.ConnectionOpen");
    assertNotNull(open.getString("host"));
    assertTrue(open.getInt("port") > 0);
    assertTrue(open.getInt("backendPid") > 0);
    assertNull(open.getString("error"));
    RecordedEvent close = only(events, "dev.tusk.ConnectionClose");
    assertEquals(open.getInt("backendPid"), close.getInt("backendPid"));

    List<RecordedEvent> statements = all(events, "dev.tusk.Statement");
    RecordedEvent series = statement(statements, "SELECT g FROM generate_series(1, $1) g");
    assertEquals(4, series.getLong("rows"));
    assertNull(series.getString("sqlState"));
    assertEquals(1, series.getInt("parameterSets"));
    assertTrue(series.getDuration().toNanos() > 0);
    RecordedEvent failed = statement(statements, "SELECT 1 / $1");
    assertEquals("22012", failed.getString("sqlState"));
    assertNotNull(failed.getString("error"));
    for (RecordedEvent event : events) {
      assertTrue(!event.toString().contains("not-for-the-recording"), "a value recorded: " + event);
    }
  }

  @Test
  void aCancelRequestIsRecorded() throws Exception {
    // The cancel is sent from a thread of its own, which may commit its event after the statement
    // has failed: a stream waits for it rather than a recording stopped too early.
    BlockingQueue<RecordedEvent> cancels = new LinkedBlockingQueue<>();
    try (RecordingStream stream = new RecordingStream();
        Connection conn = Tusk.connect(schema.conninfo())) {
      stream.enable("dev.tusk.Cancel");
      stream.onEvent("dev.tusk.Cancel", cancels::add);
      stream.startAsync();
      assertThrows(
          QueryCanceled.class,
          () -> conn.execute(Query.of("SELECT pg_sleep(30)").withTimeout(Duration.ofMillis(100))));
      RecordedEvent cancel = cancels.poll(30, TimeUnit.SECONDS);
      assertNotNull(cancel, "no dev.tusk.Cancel event within 30 s");
      assertEquals(conn.info().backendPid(), cancel.getInt("backendPid"));
      assertTrue(cancel.getBoolean("sent"));
      assertNull(cancel.getString("error"));
      assertTrue(cancel.getInt("port") > 0);
    }
  }

  private static List<RecordedEvent> all(List<RecordedEvent> events, String type) {
    return events.stream().filter(e -> e.getEventType().getName().equals(type)).toList();
  }

  private static RecordedEvent only(List<RecordedEvent> events, String type) {
    List<RecordedEvent> found = all(events, type);
    assertEquals(1, found.size(), type + " among " + events);
    return found.get(0);
  }

  private static RecordedEvent statement(List<RecordedEvent> statements, String sql) {
    return statements.stream()
        .filter(e -> sql.equals(e.getString("sql")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no event for " + sql + " among " + statements));
  }
}
