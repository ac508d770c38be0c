package dev.tusk.it.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tusk.AsyncCursor;
import dev.tusk.Connection;
import dev.tusk.Query;
import dev.tusk.Row;
import dev.tusk.errors.DivisionByZero;
import dev.tusk.errors.QueryCanceled;
import dev.tusk.errors.TuskException;
import dev.tusk.errors.UniqueViolation;
import dev.tusk.pool.ConnectionPool;
import dev.tusk.pool.PoolOptions;
import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same behaviour through both faces, sync and async, on a plain connection and on a pooled one:
 * values, typed errors with the connection left usable, timeouts, executeMany, and prepared
 * statements once the threshold is passed.
 */
@TuskTest
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class FacesMatrixTest {

  /** One way of running a statement and reading its rows (and, for executeMany, its count). */
  interface Face {
    List<Row> rows(Connection conn, Query query, Object... params);

    long many(Connection conn, String sql, List<?> sets);
  }

  static final Face SYNC =
      new Face() {
        @Override
        public List<Row> rows(Connection conn, Query query, Object... params) {
          return conn.execute(query, params).fetchAll();
        }

        @Override
        public long many(Connection conn, String sql, List<?> sets) {
          return conn.cursor().executeMany(sql, sets).rowCount();
        }

        @Override
        public String toString() {
          return "sync";
        }
      };

  static final Face ASYNC =
      new Face() {
        @Override
        public List<Row> rows(Connection conn, Query query, Object... params) {
          return join(conn.async().execute(query, params).thenCompose(AsyncCursor::fetchAll));
        }

        @Override
        public long many(Connection conn, String sql, List<?> sets) {
          return join(conn.async().cursor().executeMany(sql, sets)).rowCount();
        }

        @Override
        public String toString() {
          return "async";
        }
      };

  /** The future's value, or the driver's exception as the sync face would throw it. */
  static <T> T join(CompletableFuture<T> future) {
    try {
      return future.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TuskException error) {
        throw error;
      }
      throw new AssertionError(e.getCause());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static Stream<Face> faces() {
    return Stream.of(SYNC, ASYNC);
  }

  private final TestSchema schema;

  FacesMatrixTest(TestSchema schema) {
    this.schema = schema;
  }

  /** Runs {@code check} on a plain connection and on one lent by a pool. */
  private void onPlainAndPooled(Connection plain, java.util.function.Consumer<Connection> check) {
    check.accept(plain);
    PoolOptions options = PoolOptions.builder().name("faces").size(1, 1).build();
    try (ConnectionPool pool = new ConnectionPool(schema.conninfo(), options);
        Connection lent = pool.connection()) {
      check.accept(lent);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faces")
  void valuesRoundTrip(Face face, Connection conn) {
    UUID id = UUID.randomUUID();
    OffsetDateTime at = OffsetDateTime.of(2024, 5, 1, 12, 30, 0, 0, ZoneOffset.UTC);
    onPlainAndPooled(
        conn,
        c -> {
          for (int run = 0; run < 7; run++) {
            // Seven runs: text first, then binary, then as a prepared statement.
            Row row =
                face.rows(
                        c,
                        Query.of(
                            "SELECT $1::int8, $2::text, $3::numeric, $4::timestamptz, $5::uuid"),
                        42L,
                        "tusk",
                        new BigDecimal("12.50"),
                        at,
                        id)
                    .get(0);
            assertEquals(42L, row.getLong(0));
            assertEquals("tusk", row.get(1, String.class));
            assertEquals(new BigDecimal("12.50"), row.get(2, BigDecimal.class));
            assertEquals(at.toInstant(), row.get(3, OffsetDateTime.class).toInstant());
            assertEquals(id, row.get(4, UUID.class));
          }
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faces")
  void serverErrorsAreTypedAndLeaveTheConnectionUsable(Face face, Connection conn) {
    onPlainAndPooled(
        conn,
        c -> {
          DivisionByZero error =
              assertThrows(DivisionByZero.class, () -> face.rows(c, Query.of("SELECT 1 / 0")));
          assertEquals("22012", error.sqlState());
          assertEquals(2, face.rows(c, Query.of("SELECT 2")).get(0).getInt(0));
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faces")
  void aUniqueViolationInExecuteManyUndoesEverySet(Face face, Connection conn) {
    String table = "faces_" + face;
    conn.execute("CREATE TABLE IF NOT EXISTS " + table + " (id int PRIMARY KEY)");
    conn.execute("TRUNCATE " + table);
    assertEquals(
        3,
        face.many(
            conn,
            "INSERT INTO " + table + " VALUES ($1)",
            List.of(List.of(1), List.of(2), List.of(3))));
    assertInstanceOf(
        UniqueViolation.class,
        assertThrows(
            TuskException.class,
            () ->
                face.many(
                    conn,
                    "INSERT INTO " + table + " VALUES ($1)",
                    List.of(List.of(4), List.of(1)))));
    assertEquals(3L, face.rows(conn, Query.of("SELECT count(*) FROM " + table)).get(0).getLong(0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faces")
  void aTimeoutCancelsTheStatement(Face face, Connection conn) {
    onPlainAndPooled(
        conn,
        c -> {
          assertThrows(
              QueryCanceled.class,
              () ->
                  face.rows(
                      c, Query.of("SELECT pg_sleep(10)").withTimeout(Duration.ofMillis(200))));
          assertEquals(3, face.rows(c, Query.of("SELECT 3")).get(0).getInt(0));
        });
  }
}
