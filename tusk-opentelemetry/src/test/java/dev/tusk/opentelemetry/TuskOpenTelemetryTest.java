package dev.tusk.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tusk.AsyncCursor;
import dev.tusk.Connection;
import dev.tusk.ConnectionOptions;
import dev.tusk.Tusk;
import dev.tusk.errors.DivisionByZero;
import dev.tusk.testing.PostgresServer;
import dev.tusk.testing.TestRole;
import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Spans and the duration metric, as the database semantic conventions describe them. */
@TuskTest
@Timeout(60)
class TuskOpenTelemetryTest {

  @RegisterExtension static final OpenTelemetryExtension OTEL = OpenTelemetryExtension.create();

  private final TestSchema schema;

  TuskOpenTelemetryTest(TestSchema schema) {
    this.schema = schema;
  }

  private Connection connect(TuskOpenTelemetry telemetry) {
    return Tusk.connect(schema.conninfo(), telemetry.tracer());
  }

  private static SpanData span(String sql) {
    return OTEL.getSpans().stream()
        .filter(span -> sql.equals(span.getAttributes().get(StatementTelemetry.DB_QUERY_TEXT)))
        .reduce((first, second) -> second)
        .orElseThrow(() -> new AssertionError("no span for " + sql + " in " + OTEL.getSpans()));
  }

  @Test
  void aStatementIsAClientSpanUnderTheCallersSpan() {
    String sql = "SELECT g FROM generate_series(1, $1) g";
    Span parent = OTEL.getOpenTelemetry().getTracer("test").spanBuilder("request").startSpan();
    try (Connection conn = connect(TuskOpenTelemetry.create(OTEL.getOpenTelemetry()));
        Scope ignored = parent.makeCurrent()) {
      assertEquals(3, conn.execute(sql, 3).fetchAll().size());
      SpanData span = span(sql);
      Attributes attributes = span.getAttributes();
      assertEquals(SpanKind.CLIENT, span.getKind());
      assertEquals(conn.info().database(), span.getName());
      assertEquals("postgresql", attributes.get(StatementTelemetry.DB_SYSTEM_NAME));
      assertEquals(conn.info().database(), attributes.get(StatementTelemetry.DB_NAMESPACE));
      assertEquals(conn.info().host(), attributes.get(StatementTelemetry.SERVER_ADDRESS));
      assertEquals(conn.info().port(), attributes.get(StatementTelemetry.SERVER_PORT).intValue());
      assertNull(attributes.get(AttributeKey.stringKey("db.query.parameter.0")));
      assertNull(attributes.get(StatementTelemetry.ERROR_TYPE));
      assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode());
      assertEquals(parent.getSpanContext().getTraceId(), span.getTraceId());
      assertEquals(parent.getSpanContext().getSpanId(), span.getParentSpanId());
    } finally {
      parent.end();
    }
  }

  @Test
  void aFailureCarriesItsSqlState() {
    try (Connection conn = connect(TuskOpenTelemetry.create(OTEL.getOpenTelemetry()))) {
      assertThrows(DivisionByZero.class, () -> conn.execute("SELECT 1 / 0").fetchAll());
      SpanData span = span("SELECT 1 / 0");
      assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
      assertEquals("22012", span.getAttributes().get(StatementTelemetry.DB_RESPONSE_STATUS_CODE));
      assertEquals("22012", span.getAttributes().get(StatementTelemetry.ERROR_TYPE));
    }
  }

  @Test
  void parameterValuesOnlyWhenAsked() {
    TuskOpenTelemetry telemetry =
        TuskOpenTelemetry.builder(OTEL.getOpenTelemetry()).captureParameters(true).build();
    try (Connection conn = connect(telemetry)) {
      conn.execute("SELECT $1::int + $2::int", 40, 2).fetchAll();
      Attributes attributes = span("SELECT $1::int + $2::int").getAttributes();
      assertEquals("40", attributes.get(AttributeKey.stringKey("db.query.parameter.0")));
      assertEquals("2", attributes.get(AttributeKey.stringKey("db.query.parameter.1")));
    }
  }

  @Test
  void queryTextCanBeLeftOut() {
    TuskOpenTelemetry telemetry =
        TuskOpenTelemetry.builder(OTEL.getOpenTelemetry()).captureQueryText(false).build();
    try (Connection conn = connect(telemetry)) {
      conn.execute("SELECT 'left out'").fetchAll();
    }
    List<SpanData> spans = OTEL.getSpans();
    assertEquals(1, spans.size());
    assertNull(spans.get(0).getAttributes().get(StatementTelemetry.DB_QUERY_TEXT));
  }

  /** A password supplier's password is in no span's and no metric point's attributes. */
  @Test
  void noAttributeCarriesASuppliedPassword(PostgresServer server) {
    assumeTrue(server.enforcesPasswords(), "pg_hba.conf of this server does not check passwords");
    TuskOpenTelemetry telemetry =
        TuskOpenTelemetry.builder(OTEL.getOpenTelemetry()).captureParameters(true).build();
    String password = TestRole.SCRAM.password();
    ConnectionOptions options =
        server
            .options(TestRole.SCRAM)
            .set("passfile", "/nonexistent/tusk-no-passfile")
            .passwordSupplier(request -> password)
            .tracer(telemetry.tracer());
    try (Connection conn = options.connect()) {
      conn.execute("SELECT current_user, $1::int", 1).fetchAll();
      assertThrows(DivisionByZero.class, () -> conn.execute("SELECT 1 / 0").fetchAll());
    }
    assertTrue(OTEL.getSpans().size() >= 2, OTEL.getSpans().toString());
    for (SpanData span : OTEL.getSpans()) {
      span.getAttributes()
          .forEach((key, value) -> assertFalse(String.valueOf(value).contains(password), key + ""));
      assertFalse(span.getName().contains(password), span.getName());
    }
    for (MetricData metric : OTEL.getMetrics()) {
      assertFalse(metric.toString().contains(password), metric.getName());
    }
  }

  @Test
  void executeManyIsOneBatchSpan() {
    try (Connection conn = connect(TuskOpenTelemetry.create(OTEL.getOpenTelemetry()))) {
      conn.execute("CREATE TEMP TABLE batch (id int)");
      conn.cursor().executeMany("INSERT INTO batch VALUES ($1)", List.of(List.of(1), List.of(2)));
      assertEquals(
          2L,
          span("INSERT INTO batch VALUES ($1)")
              .getAttributes()
              .get(StatementTelemetry.DB_OPERATION_BATCH_SIZE));
    }
  }

  @Test
  void theAsyncFaceKeepsTheCallersParent() throws Exception {
    Span parent = OTEL.getOpenTelemetry().getTracer("test").spanBuilder("request").startSpan();
    try (Connection conn = connect(TuskOpenTelemetry.create(OTEL.getOpenTelemetry()))) {
      try (Scope ignored = parent.makeCurrent()) {
        conn.async()
            .execute("SELECT 5")
            .thenCompose(AsyncCursor::fetchAll)
            .get(30, TimeUnit.SECONDS);
      }
      assertEquals(parent.getSpanContext().getSpanId(), span("SELECT 5").getParentSpanId());
    } finally {
      parent.end();
    }
  }

  @Test
  void theDurationHistogramCountsEveryStatementWithItsOutcome() {
    try (Connection conn = connect(TuskOpenTelemetry.create(OTEL.getOpenTelemetry()))) {
      conn.execute("SELECT 1").fetchAll();
      conn.execute("SELECT 2").fetchAll();
      assertThrows(DivisionByZero.class, () -> conn.execute("SELECT 1 / 0").fetchAll());
    }
    MetricData metric =
        OTEL.getMetrics().stream()
            .filter(m -> m.getName().equals(StatementTelemetry.DURATION))
            .findFirst()
            .orElseThrow();
    assertEquals("s", metric.getUnit());
    long succeeded = 0;
    long failed = 0;
    for (HistogramPointData point : metric.getHistogramData().getPoints()) {
      assertEquals("postgresql", point.getAttributes().get(StatementTelemetry.DB_SYSTEM_NAME));
      assertTrue(point.getSum() > 0);
      if ("22012".equals(point.getAttributes().get(StatementTelemetry.DB_RESPONSE_STATUS_CODE))) {
        failed += point.getCount();
      } else {
        succeeded += point.getCount();
      }
    }
    assertEquals(2, succeeded);
    assertEquals(1, failed);
  }
}
