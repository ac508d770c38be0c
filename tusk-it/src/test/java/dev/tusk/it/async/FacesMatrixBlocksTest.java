package dev.tusk.it.async;

import static dev.tusk.it.async.FacesMatrixTest.join;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.AsyncConnection;
import dev.tusk.AsyncCursor;
import dev.tusk.Column;
import dev.tusk.Connection;
import dev.tusk.Notification;
import dev.tusk.Pipeline;
import dev.tusk.PipelineResult;
import dev.tusk.Row;
import dev.tusk.StatementDescription;
import dev.tusk.errors.Diagnostic;
import dev.tusk.errors.DivisionByZero;
import dev.tusk.errors.QueryCanceled;
import dev.tusk.errors.TuskException;
import dev.tusk.errors.UndefinedTable;
import dev.tusk.pool.ConnectionPool;
import dev.tusk.pool.PoolOptions;
import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sync × async matrix, second part: transactions (blocks, and autocommit off with commit and
 * rollback), cancel, describe, notice handlers and {@code unlistenAll}, and the route from the
 * async face to the sync one ({@code async().sync()}, the same connection). Each runs on a plain
 * and on a pooled connection. Large objects and two-phase commit have matrices of their own ({@code
 * FacesMatrixLargeObjectsTest}, {@code FacesMatrixTwoPhaseTest}); {@code FacesCounterpartsTest}
 * checks that every public method of the sync face has its async counterpart.
 */
@TuskTest
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class FacesMatrixBlocksTest {

  /** Transactions and cancel, as each face offers them. */
  interface Face {
    <T> T inTransaction(Connection conn, Function<Connection, T> work);

    void setAutocommit(Connection conn, boolean value);

    void commit(Connection conn);

    void rollback(Connection conn);

    void cancel(Connection conn);

    long count(Connection conn, String sql);
  }

  static final Face SYNC =
      new Face() {
        @Override
        public <T> T inTransaction(Connection conn, Function<Connection, T> work) {
          return conn.inTransaction(work);
        }

        @Override
        public void setAutocommit(Connection conn, boolean value) {
          conn.setAutocommit(value);
        }

        @Override
        public void commit(Connection conn) {
          conn.commit();
        }

        @Override
        public void rollback(Connection conn) {
          conn.rollback();
        }

        @Override
        public void cancel(Connection conn) {
          conn.cancel();
        }

        @Override
        public long count(Connection conn, String sql) {
          return conn.execute(sql).fetchOne().getLong(0);
        }

        @Override
        public String toString() {
          return "sync";
        }
      };

  static final Face ASYNC =
      new Face() {
        @Override
        public <T> T inTransaction(Connection conn, Function<Connection, T> work) {
          return join(conn.async().inTransaction(work));
        }

        @Override
        public void setAutocommit(Connection conn, boolean value) {
          join(conn.async().setAutocommit(value));
        }

        @Override
        public void commit(Connection conn) {
          join(conn.async().commit());
        }

        @Override
        public void rollback(Connection conn) {
          join(conn.async().rollback());
        }

        @Override
        public void cancel(Connection conn) {
          join(conn.async().cancel());
        }

        @Override
        public long count(Connection conn, String sql) {
          return join(conn.async().execute(sql).thenCompose(AsyncCursor::fetchOne)).getLong(0);
        }

        @Override
        public String toString() {
          return "async";
        }
      };

  static Stream<Face> faces() {
    return Stream.of(SYNC, ASYNC);
  }

  private final TestSchema schema;

  FacesMatrixBlocksTest(TestSchema schema) {
    this.schema = schema;
  }

  private void onPlainAndPooled(Connection plain, Consumer<Connection> check) {
    check.accept(plain);
    PoolOptions options = PoolOptions.builder().name("faces-blocks").size(1, 1).build();
    try (ConnectionPool pool = new ConnectionPool(schema.conninfo(), options);
        Connection lent = pool.connection()) {
      check.accept(lent);
    }
  }

  private static void table(Connection conn, String name) {
    conn.execute("CREATE TABLE IF NOT EXISTS " + name + " (id int)");
    conn.execute("TRUNCATE " + name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faces")
  void aBlockCommitsWhatItDidAndRollsBackWhenItThrows(Face face, Connection conn) {
    String table = "blocks_" + face;
    onPlainAndPooled(
        conn,
        c -> {
          table(c, table);
          assertEquals(
              1,
              (int)
                  face.inTransaction(
                      c,
                      tx -> {
                        tx.execute("INSERT INTO " + table + " VALUES (1)");
                        return tx.execute("SELECT count(*) FROM " + table).fetchOne().getInt(0);
                      }));
          TuskException error =
              assertThrows(
                  TuskException.class,
                  () ->
                      face.inTransaction(
                          c,
                          tx -> {
                            tx.execute("INSERT INTO " + table + " VALUES (2)");
                            return tx.execute("SELECT 1 / 0").fetchAll();
                          }));
          assertInstanceOf(DivisionByZero.class, error);
          assertEquals(1, face.count(c, "SELECT count(*) FROM " + table));
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faces")
  void autocommitOffCommitsAndRollsBack(Face face, Connection conn) {
    String table = "implicit_" + face;
    onPlainAndPooled(
        conn,
        c -> {
          table(c, table);
          face.setAutocommit(c, false);
          try {
            c.execute("INSERT INTO " + table + " VALUES (1)");
            face.commit(c);
            c.execute("INSERT INTO " + table + " VALUES (2)");
            face.rollback(c);
          } finally {
            face.setAutocommit(c, true);
          }
          assertEquals(1, face.count(c, "SELECT count(*) FROM " + table));
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faces")
  void cancelEndsTheRunningStatement(Face face, Connection conn) {
    onPlainAndPooled(
        conn,
        c -> {
          CompletableFuture<List<Row>> sleeping =
              c.async().execute("SELECT pg_sleep(30)").thenCompose(AsyncCursor::fetchAll);
          // Cancel until it lands: a cancel that arrives before the statement cancels nothing.
          long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
          while (!sleeping.isDone() && System.nanoTime() < until) {
            face.cancel(c);
            try {
              sleeping.get(200, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
              // not yet, or cancelled: the assertion below tells
            }
          }
          assertInstanceOf(
              QueryCanceled.class, assertThrows(TuskException.class, () -> join(sleeping)));
          assertEquals(1, face.count(c, "SELECT 1"));
        });
  }

  /**
   * The async face's {@code sync()} is the same connection: its pipelines run there, and its
   * handlers hear what either face does.
   */
  @Test
  void theSyncFaceIsOneCallAwayFromTheAsyncFace(Connection conn) {
    onPlainAndPooled(
        conn,
        c -> {
          Connection sync = c.async().sync();
          assertEquals(c.info().backendPid(), sync.info().backendPid());

          try (Pipeline pipeline = sync.pipeline()) {
            pipeline.execute("SELECT 1");
            pipeline.execute("SELECT 2");
            List<PipelineResult> results = pipeline.sync();
            assertEquals(2, results.size());
            assertTrue(results.stream().allMatch(PipelineResult::succeeded));
          }

          LinkedBlockingQueue<Notification> heard = new LinkedBlockingQueue<>();
          Consumer<Notification> handler = heard::add;
          sync.addNotificationHandler(handler);
          try {
            sync.listen("faces_channel");
            join(c.async().execute("SELECT pg_notify('faces_channel', 'from async')"));
            c.execute("SELECT pg_notify('faces_channel', 'from sync')");
            assertEquals("from async", poll(heard).payload());
            assertEquals("from sync", poll(heard).payload());
          } finally {
            sync.unlisten("faces_channel");
            sync.removeNotificationHandler(handler);
          }
        });
  }

  @Test
  void describeGivesTheSameDescriptionThroughBothFaces(Connection conn) {
    onPlainAndPooled(
        conn,
        c -> {
          String sql = "SELECT $1::int4 + 1 AS next, $2::text AS label";
          StatementDescription sync = c.describe(sql);
          StatementDescription async = join(c.async().describe(sql));
          assertEquals(sync, async);
          assertEquals(
              List.of("int4", "text"), async.parameters().stream().map(Column::typeName).toList());
          assertEquals(
              List.of("next", "label"), async.columns().stream().map(Column::name).toList());
          assertInstanceOf(
              UndefinedTable.class,
              assertThrows(
                  TuskException.class,
                  () -> join(c.async().describe("SELECT * FROM no_such_table"))));
          assertEquals(1, c.execute("SELECT 1").fetchOne().getInt(0));
        });
  }

  @Test
  void noticeHandlersAndUnlistenAllOnTheAsyncFace(Connection conn) {
    onPlainAndPooled(
        conn,
        c -> {
          AsyncConnection async = c.async();
          LinkedBlockingQueue<Diagnostic> notices = new LinkedBlockingQueue<>();
          Consumer<Diagnostic> handler = notices::add;
          async.addNoticeHandler(handler);
          try {
            join(async.execute("DO $$ BEGIN RAISE NOTICE 'from the async face'; END $$"));
            Diagnostic notice = poll(notices);
            assertEquals("from the async face", notice.messagePrimary());
          } finally {
            async.removeNoticeHandler(handler);
          }
          join(async.execute("DO $$ BEGIN RAISE NOTICE 'unheard'; END $$"));

          LinkedBlockingQueue<Notification> heard = new LinkedBlockingQueue<>();
          Consumer<Notification> listener = heard::add;
          async.addNotificationHandler(listener);
          try {
            join(async.listen("faces_all_1"));
            join(async.listen("faces_all_2"));
            join(async.unlistenAll());
            join(async.notify("faces_all_1", "after unlisten"));
            join(async.listen("faces_all_2"));
            join(async.notify("faces_all_2", "listened again"));
            assertEquals("listened again", poll(heard).payload(), "nothing came from channel 1");
          } finally {
            join(async.unlistenAll());
            async.removeNotificationHandler(listener);
          }
          assertTrue(notices.isEmpty(), "a removed notice handler hears nothing: " + notices);
        });
  }

  private static <T> T poll(LinkedBlockingQueue<T> heard) {
    try {
      T next = heard.poll(10, TimeUnit.SECONDS);
      if (next == null) {
        throw new AssertionError("nothing heard within 10 s");
      }
      return next;
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void theAsyncFaceOfAPooledConnectionIsThatConnection() {
    PoolOptions options = PoolOptions.builder().name("faces-same").size(1, 1).build();
    try (ConnectionPool pool = new ConnectionPool(schema.conninfo(), options);
        Connection lent = pool.connection()) {
      assertSame(lent, lent.async().sync());
    }
  }
}
