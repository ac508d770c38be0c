package dev.tusk.opentelemetry;

import dev.tusk.ConnectionInfo;
import dev.tusk.StatementOutcome;
import dev.tusk.TracedStatement;
import dev.tusk.Tracer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import java.util.List;

/**
 * The tracer behind {@link TuskOpenTelemetry}: a span per statement, and its duration in the
 * operation-duration histogram. Attribute names are the semantic conventions' (stable database
 * conventions), spelt out here so the module needs nothing beyond the API.
 */
final class StatementTelemetry implements Tracer<Span> {

  static final AttributeKey<String> DB_SYSTEM_NAME = AttributeKey.stringKey("db.system.name");
  static final AttributeKey<String> DB_NAMESPACE = AttributeKey.stringKey("db.namespace");
  static final AttributeKey<String> DB_QUERY_TEXT = AttributeKey.stringKey("db.query.text");
  static final AttributeKey<String> DB_RESPONSE_STATUS_CODE =
      AttributeKey.stringKey("db.response.status_code");
  static final AttributeKey<Long> DB_OPERATION_BATCH_SIZE =
      AttributeKey.longKey("db.operation.batch.size");
  static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
  static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  static final String DB_QUERY_PARAMETER = "db.query.parameter.";
  static final String POSTGRESQL = "postgresql";

  /** The metric's name, unit and bucket boundaries (seconds), as the conventions advise. */
  static final String DURATION = "db.client.operation.duration";

  private static final List<Double> BUCKETS =
      List.of(0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1.0, 5.0, 10.0);

  private final io.opentelemetry.api.trace.Tracer tracer;
  private final DoubleHistogram duration;
  private final boolean queryText;
  private final boolean values;

  StatementTelemetry(OpenTelemetry openTelemetry, boolean queryText, boolean values) {
    this.tracer =
        openTelemetry
            .tracerBuilder(TuskOpenTelemetry.SCOPE)
            .setInstrumentationVersion(TuskOpenTelemetry.version())
            .build();
    this.duration =
        openTelemetry
            .meterBuilder(TuskOpenTelemetry.SCOPE)
            .setInstrumentationVersion(TuskOpenTelemetry.version())
            .build()
            .histogramBuilder(DURATION)
            .setDescription("Duration of database client operations.")
            .setUnit("s")
            .setExplicitBucketBoundariesAdvice(BUCKETS)
            .build();
    this.queryText = queryText;
    this.values = values;
  }

  @Override
  public boolean includesParameters() {
    return values;
  }

  /** Starts the span, a child of the context current on the caller's thread. */
  @Override
  public Span start(TracedStatement statement) {
    ConnectionInfo connection = statement.connection();
    String database = connection.database();
    SpanBuilder span =
        tracer
            .spanBuilder(database != null ? database : POSTGRESQL)
            .setSpanKind(SpanKind.CLIENT)
            .setAllAttributes(common(connection));
    if (queryText) {
      span.setAttribute(DB_QUERY_TEXT, statement.sql());
    }
    if (statement.parameterSets() > 1) {
      span.setAttribute(DB_OPERATION_BATCH_SIZE, (long) statement.parameterSets());
    }
    if (values && statement.parameters().size() == 1) {
      List<Object> set = statement.parameters().get(0);
      for (int i = 0; i < set.size(); i++) {
        span.setAttribute(DB_QUERY_PARAMETER + i, String.valueOf(set.get(i)));
      }
    }
    return span.startSpan();
  }

  @Override
  public void end(Span started, TracedStatement statement, StatementOutcome outcome) {
    // Null only if start failed; the metric is still recorded.
    Span span = started != null ? started : Span.getInvalid();
    AttributesBuilder measured = common(statement.connection()).toBuilder();
    if (!outcome.succeeded()) {
      String sqlState = outcome.sqlState();
      String errorType = sqlState != null ? sqlState : outcome.error().getClass().getName();
      measured.put(ERROR_TYPE, errorType);
      span.setAttribute(ERROR_TYPE, errorType);
      if (sqlState != null) {
        measured.put(DB_RESPONSE_STATUS_CODE, sqlState);
        span.setAttribute(DB_RESPONSE_STATUS_CODE, sqlState);
      }
      span.setStatus(StatusCode.ERROR, outcome.error().getMessage());
    }
    duration.record(outcome.duration().toNanos() / 1e9, measured.build());
    span.end();
  }

  /** What both the span and the metric carry: the system, database and server. */
  private static Attributes common(ConnectionInfo connection) {
    AttributesBuilder attributes = Attributes.builder().put(DB_SYSTEM_NAME, POSTGRESQL);
    if (connection.database() != null) {
      attributes.put(DB_NAMESPACE, connection.database());
    }
    if (connection.host() != null) {
      attributes.put(SERVER_ADDRESS, connection.host());
    }
    attributes.put(SERVER_PORT, (long) connection.port());
    return attributes.build();
  }
}
