package dev.tusk.it.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.AsyncCursor;
import dev.tusk.Connection;
import dev.tusk.Cursor;
import dev.tusk.Pipeline;
import dev.tusk.Row;
import dev.tusk.StatementOutcome;
import dev.tusk.TracedStatement;
import dev.tusk.Tracer;
import dev.tusk.Tusk;
import dev.tusk.errors.DivisionByZero;
import dev.tusk.errors.PipelineAborted;
import dev.tusk.pool.ConnectionPool;
import dev.tusk.pool.PoolOptions;
import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/** The tracing hook: what a tracer hears, through every way a statement runs. */
@TuskTest
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class TracerTest {

  private final TestSchema schema;

  TracerTest(TestSchema schema) {
    this.schema = schema;
  }

  private Connection connect(Tracer<?> tracer) {
    return Tusk.connect(schema.conninfo(), tracer);
  }

  @Test
  void aStatementIsHeardWithItsConnectionRowsAndDurationButNotItsValues() {
    RecordingTracer tracer = new RecordingTracer(false);
    try (Connection conn = connect(tracer)) {
      String sql = "SELECT g FROM generate_series(1, $1) g";
      assertEquals(5, conn.execute(sql, 5).fetchAll().size());
      RecordingTracer.Heard heard = tracer.last(sql);
      TracedStatement statement = heard.statement();
      assertEquals(List.of(), statement.parameters());
      assertEquals(1, statement.parameterSets());
      assertEquals(conn.info().host(), statement.connection().host());
      assertEquals(conn.info().port(), statement.connection().port());
      assertEquals(conn.info().database(), statement.connection().database());
      assertEquals(conn.info().user(), statement.connection().user());
      StatementOutcome outcome = heard.outcome();
      assertTrue(outcome.succeeded());
      assertEquals(5, outcome.rows());
      assertNull(outcome.sqlState());
      assertTrue(outcome.duration().toNanos() > 0);
      assertEquals(Thread.currentThread().getName(), heard.startThread());
    }
  }

  @Test
  void valuesAreHeardOnlyWhenTheTracerAsks() {
    RecordingTracer tracer = new RecordingTracer(true);
    try (Connection conn = connect(tracer)) {
      conn.execute("SELECT $1::text, $2::int", "secret", null).fetchAll();
      List<Object> values = new ArrayList<>();
      values.add("secret");
      values.add(null);
      assertEquals(
          List.of(values), tracer.last("SELECT $1::text, $2::int").statement().parameters());
    }
  }

  @Test
  void anErrorIsHeardWithItsSqlState() {
    RecordingTracer tracer = new RecordingTracer(false);
    try (Connection conn = connect(tracer)) {
      assertThrows(DivisionByZero.class, () -> conn.execute("SELECT 1 / $1", 0).fetchAll());
      StatementOutcome outcome = tracer.last("SELECT 1 / $1").outcome();
      assertFalse(outcome.succeeded());
      assertInstanceOf(DivisionByZero.class, outcome.error());
      assertEquals("22012", outcome.sqlState());
      assertEquals(0, outcome.rows());
    }
  }

  @Test
  void theAsyncFaceIsHeardOnceTheFutureCompletes() throws Exception {
    RecordingTracer tracer = new RecordingTracer(false);
    try (Connection conn = connect(tracer)) {
      List<Row> rows =
          conn.async()
              .execute("SELECT g FROM generate_series(1, 3) g")
              .thenCompose(AsyncCursor::fetchAll)
              .get(30, TimeUnit.SECONDS);
      assertEquals(3, rows.size());
      // The tracer's end runs before the caller's continuation, so it is there already.
      assertEquals(3, tracer.last("SELECT g FROM generate_series(1, 3) g").outcome().rows());
      var failed = conn.async().execute("SELECT 1 / 0");
      assertThrows(Exception.class, () -> failed.get(30, TimeUnit.SECONDS));
      assertEquals("22012", tracer.last("SELECT 1 / 0").outcome().sqlState());
    }
  }

  @Test
  void aStreamedResultEndsWhenTheStreamDoes() {
    RecordingTracer tracer = new RecordingTracer(false);
    String sql = "SELECT g FROM generate_series(1, 5000) g";
    try (Connection conn = connect(tracer)) {
      Cursor<Row> cursor = conn.cursor().fetchSize(100).execute(sql);
      // Still streaming: the statement has not ended yet.
      assertEquals(1, tracer.started());
      assertEquals(0, tracer.heard.size());
      try (Stream<Row> rows = cursor.stream()) {
        assertEquals(5000, rows.count());
      }
      assertEquals(5000, tracer.last(sql).outcome().rows());
    }
  }

  @Test
  void executeManyIsOneTraceOverEveryParameterSet() {
    RecordingTracer tracer = new RecordingTracer(true);
    try (Connection conn = connect(tracer)) {
      conn.execute("CREATE TEMP TABLE traced (id int)");
      String sql = "INSERT INTO traced VALUES ($1)";
      conn.cursor().executeMany(sql, List.of(List.of(1), List.of(2), List.of(3)));
      RecordingTracer.Heard heard = tracer.last(sql);
      assertEquals(3, heard.statement().parameterSets());
      assertEquals(List.of(List.of(1), List.of(2), List.of(3)), heard.statement().parameters());
      assertEquals(3, heard.outcome().rows());
    }
  }

  @Test
  void eachStatementOfAPipelineIsHeard() {
    RecordingTracer tracer = new RecordingTracer(false);
    try (Connection conn = connect(tracer)) {
      try (Pipeline pipeline = conn.pipeline()) {
        pipeline.execute("SELECT 1");
        pipeline.execute("SELECT 1 / 0");
        pipeline.execute("SELECT 3");
        pipeline.syncResults();
      }
      assertTrue(tracer.last("SELECT 1").outcome().succeeded());
      assertEquals("22012", tracer.last("SELECT 1 / 0").outcome().sqlState());
      assertInstanceOf(PipelineAborted.class, tracer.last("SELECT 3").outcome().error());
    }
  }

  @Test
  void aScriptIsOneTrace() {
    RecordingTracer tracer = new RecordingTracer(false);
    try (Connection conn = connect(tracer)) {
      conn.execute("SELECT 1; SELECT 2");
      RecordingTracer.Heard heard = tracer.last("SELECT 1; SELECT 2");
      assertEquals(0, heard.statement().parameterSets());
      assertEquals(2, heard.outcome().rows());
    }
  }

  @Test
  void aTracerThatThrowsBreaksNothingAndIsLoggedOnce() {
    Tracer<Object> broken =
        new Tracer<>() {
          @Override
          public Object start(TracedStatement statement) {
            throw new IllegalStateException("start broke");
          }

          @Override
          public void end(Object state, TracedStatement statement, StatementOutcome outcome) {
            throw new IllegalStateException("end broke");
          }
        };
    List<LogRecord> logged = new ArrayList<>();
    Logger logger = Logger.getLogger("dev.tusk.trace");
    Handler handler = capture(logged);
    logger.addHandler(handler);
    try (Connection conn = connect(broken)) {
      for (int i = 0; i < 3; i++) {
        assertEquals(i, conn.execute("SELECT $1::int", i).fetchOne().getInt(0));
        assertEquals(
            i, conn.async().execute("SELECT $1::int", i).join().fetchOne().join().getInt(0));
      }
    } finally {
      logger.removeHandler(handler);
    }
    assertEquals(1, logged.size(), "logged: " + logged);
    assertEquals("start broke", logged.get(0).getThrown().getMessage());
  }

  @Test
  void aPoolGivesItsTracerToTheConnectionsItOpens() {
    RecordingTracer tracer = new RecordingTracer(false);
    PoolOptions options = PoolOptions.builder().name("traced").size(1, 1).tracer(tracer).build();
    try (ConnectionPool pool = new ConnectionPool(schema.conninfo(), options)) {
      pool.execute("SELECT 41").fetchAll();
      try (Connection conn = pool.connection()) {
        conn.execute("SELECT 42").fetchAll();
      }
    }
    assertEquals(1, tracer.last("SELECT 41").outcome().rows());
    assertEquals(1, tracer.last("SELECT 42").outcome().rows());
  }

  @Test
  void connectionOptionsCarryTheTracer() {
    RecordingTracer tracer = new RecordingTracer(false);
    String conninfo = schema.conninfo();
    // The schema's conninfo as keywords: the options face of the same connection.
    try (Connection plain = Tusk.connect(conninfo)) {
      try (Connection conn =
          Tusk.options()
              .host(plain.info().host())
              .port(plain.info().port())
              .dbname(plain.info().database())
              .user(plain.info().user())
              .tracer(tracer)
              .connect()) {
        conn.execute("SELECT 7").fetchAll();
      }
    }
    assertEquals(1, tracer.last("SELECT 7").outcome().rows());
  }

  static Handler capture(List<LogRecord> into) {
    return new Handler() {
      @Override
      public void publish(LogRecord record) {
        synchronized (into) {
          into.add(record);
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
  }
}
