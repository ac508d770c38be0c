package dev.tusk.opentelemetry;

import dev.tusk.Tracer;
import dev.tusk.Tusk;
import io.opentelemetry.api.OpenTelemetry;
import java.util.Objects;

/**
 * OpenTelemetry for Tusk: a {@link Tracer} that makes a span for each statement and records its
 * duration in the {@code db.client.operation.duration} histogram, after OpenTelemetry's database
 * semantic conventions.
 *
 * <pre>{@code
 * Tracer<?> tracer = TuskOpenTelemetry.create(openTelemetry).tracer();
 * Connection conn = Tusk.options().host("db").dbname("app").tracer(tracer).connect();
 * ConnectionPool pool = new ConnectionPool(conninfo,
 *     PoolOptions.builder().tracer(tracer).build());
 * }</pre>
 *
 * <p>Each span is a CLIENT span named after the database ({@code db.namespace}), child of the
 * context current on the thread that runs the statement, with {@code db.system.name=postgresql},
 * {@code db.namespace}, {@code db.query.text} (the SQL as written, with its placeholders: Tusk
 * always binds values apart), {@code server.address}, {@code server.port}, {@code
 * db.operation.batch.size} for {@code executeMany}, and on failure {@code db.response.status_code}
 * (the SQLSTATE), {@code error.type} and the ERROR status. Parameter values are recorded ({@code
 * db.query.parameter.<index>}, 0-based) only when {@link Builder#captureParameters(boolean)} asks.
 */
public final class TuskOpenTelemetry {

  /** The instrumentation scope's name. */
  public static final String SCOPE = "dev.tusk";

  private final StatementTelemetry tracer;

  private TuskOpenTelemetry(Builder builder) {
    this.tracer = new StatementTelemetry(builder.openTelemetry, builder.queryText, builder.values);
  }

  /** Telemetry with the defaults: query text on, parameter values off. */
  public static TuskOpenTelemetry create(OpenTelemetry openTelemetry) {
    return builder(openTelemetry).build();
  }

  /** A builder for telemetry sent to {@code openTelemetry}'s tracer and meter providers. */
  public static Builder builder(OpenTelemetry openTelemetry) {
    return new Builder(openTelemetry);
  }

  /** The tracer to give connections ({@code ConnectionOptions.tracer}) and pools. */
  public Tracer<?> tracer() {
    return tracer;
  }

  /** The version of Tusk this module reports as its instrumentation scope's version. */
  static String version() {
    return Tusk.version();
  }

  /** Builds {@link TuskOpenTelemetry}; every setter returns this builder. */
  public static final class Builder {

    private final OpenTelemetry openTelemetry;
    private boolean queryText = true;
    private boolean values;

    private Builder(OpenTelemetry openTelemetry) {
      this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
    }

    /**
     * Whether spans carry {@code db.query.text} (true by default). Tusk never splices values into
     * the SQL, so the text holds only what the application wrote; turn it off if the application
     * writes literal values into its SQL itself.
     */
    public Builder captureQueryText(boolean capture) {
      this.queryText = capture;
      return this;
    }

    /**
     * Whether spans carry the parameter values as {@code db.query.parameter.<index>} (false by
     * default: values are often personal or secret). Only for statements with one parameter set.
     */
    public Builder captureParameters(boolean capture) {
      this.values = capture;
      return this;
    }

    /** The telemetry. */
    public TuskOpenTelemetry build() {
      return new TuskOpenTelemetry(this);
    }
  }
}
