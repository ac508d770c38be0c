package dev.tusk.it.async;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.AsyncLargeObject;
import dev.tusk.AsyncLargeObjects;
import dev.tusk.AsyncTransaction;
import dev.tusk.Connection;
import dev.tusk.LargeObject;
import dev.tusk.LargeObject.Whence;
import dev.tusk.LargeObjects;
import dev.tusk.LargeObjects.Mode;
import dev.tusk.Transaction;
import dev.tusk.errors.InterfaceError;
import dev.tusk.errors.NoActiveSqlTransaction;
import dev.tusk.errors.UndefinedObject;
import dev.tusk.pool.ConnectionPool;
import dev.tusk.pool.PoolOptions;
import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
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
 * The sync × async matrix for large objects: the same behaviour through {@link LargeObjects} and
 * {@link AsyncLargeObjects} (inside a transaction block of each face, and with autocommit off), on
 * a plain and on a pooled connection.
 */
@TuskTest
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class FacesMatrixLargeObjectsTest {

  /** A face's large objects, its calls awaited. */
  interface Objects {
    long create();

    Handle open(long oid, Mode mode);

    void unlink(long oid);

    long importFrom(InputStream in);

    void exportTo(long oid, OutputStream out);
  }

  /** A face's open large object, its calls awaited. */
  interface Handle {
    byte[] read(int max);

    void write(byte[] bytes, int offset, int length);

    long seek(long offset, Whence whence);

    long tell();

    long size();

    void truncate(long length);

    void close();
  }

  /** How each face reaches its large objects. */
  interface Face {
    /** Runs {@code work} in a transaction block of this face, committed after it. */
    <T> T inBlock(Connection conn, Function<Objects, T> work);

    /** The connection's large objects outside any block (autocommit, or autocommit off). */
    Objects plain(Connection conn);
  }

  static final Face SYNC =
      new Face() {
        @Override
        public <T> T inBlock(Connection conn, Function<Objects, T> work) {
          try (Transaction tx = conn.transaction()) {
            T result = work.apply(sync(conn.largeObjects()));
            tx.commit();
            return result;
          }
        }

        @Override
        public Objects plain(Connection conn) {
          return sync(conn.largeObjects());
        }

        @Override
        public String toString() {
          return "sync";
        }
      };

  static final Face ASYNC =
      new Face() {
        @Override
        public <T> T inBlock(Connection conn, Function<Objects, T> work) {
          AsyncTransaction tx = join(conn.async().transaction());
          T result;
          try {
            result = work.apply(async(tx.largeObjects()));
          } catch (RuntimeException e) {
            join(tx.rollback());
            throw e;
          }
          join(tx.commit());
          return result;
        }

        @Override
        public Objects plain(Connection conn) {
          return async(conn.async().largeObjects());
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

  FacesMatrixLargeObjectsTest(TestSchema schema) {
    this.schema = schema;
  }

  private void onPlainAndPooled(Connection plain, Consumer<Connection> check) {
    check.accept(plain);
    PoolOptions options = PoolOptions.builder().name("faces-lo").size(1, 1).build();
    try (ConnectionPool pool = new ConnectionPool(schema.conninfo(), options);
        Connection lent = pool.connection()) {
      check.accept(lent);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faces")
  void writeSeekReadTellSizeTruncateClose(Face face, Connection conn) {
    onPlainAndPooled(
        conn,
        c -> {
          long oid =
              face.inBlock(
                  c,
                  objects -> {
                    long created = objects.create();
                    Handle object = objects.open(created, Mode.READ_WRITE);
                    byte[] hello = utf8(">>hello, large world<<");
                    object.write(hello, 2, hello.length - 4);
                    assertEquals(18, object.tell());
                    assertEquals(7, object.seek(7, Whence.START));
                    assertEquals("large", text(object.read(5)));
                    assertEquals(18, object.size());
                    assertEquals(12, object.tell(), "size() leaves the position where it was");
                    object.truncate(5);
                    assertEquals(5, object.size());
                    assertEquals(3, object.seek(-2, Whence.END));
                    assertEquals("lo", text(object.read(100)));
                    assertEquals(0, object.read(100).length);
                    assertInstanceOf(
                        IllegalArgumentException.class,
                        assertThrows(RuntimeException.class, () -> object.read(-1)));
                    object.close();
                    assertThrows(InterfaceError.class, () -> object.read(1));
                    object.close(); // twice does nothing
                    return created;
                  });
          assertEquals(
              "hello",
              text(c.execute("SELECT lo_get($1)", oid).fetchOne().get(0, byte[].class)),
              "committed with the block");
          face.plain(c).unlink(oid);
          assertEquals(
              0,
              c.execute("SELECT count(*) FROM pg_largeobject_metadata WHERE oid = $1::oid", oid)
                  .fetchOne()
                  .getLong(0));
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faces")
  void importAndExportStreamInChunksAndUnlinkWorksInAutocommit(Face face, Connection conn) {
    onPlainAndPooled(
        conn,
        c -> {
          // Two chunks and a bit: the loop goes round more than once.
          byte[] data = new byte[(2 << 20) + 12345];
          for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 + (i >> 11));
          }
          long oid = face.inBlock(c, objects -> objects.importFrom(new ByteArrayInputStream(data)));
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          face.inBlock(
              c,
              objects -> {
                objects.exportTo(oid, out);
                return null;
              });
          assertArrayEquals(data, out.toByteArray());
          face.plain(c).unlink(oid); // autocommit
          assertThrows(
              UndefinedObject.class,
              () -> face.inBlock(c, objects -> objects.open(oid, Mode.READ)));
          assertEquals(1, c.execute("SELECT 1").fetchOne().getInt(0));
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faces")
  void outsideATransactionOpenIsATypedErrorAndTheConnectionStaysUsable(Face face, Connection conn) {
    onPlainAndPooled(
        conn,
        c -> {
          Objects objects = face.plain(c);
          long oid = objects.create(); // works in autocommit
          NoActiveSqlTransaction error =
              assertThrows(NoActiveSqlTransaction.class, () -> objects.open(oid, Mode.READ));
          assertTrue(error.getMessage().contains("conn.transaction()"), error.getMessage());
          assertThrows(
              NoActiveSqlTransaction.class,
              () -> objects.importFrom(new ByteArrayInputStream(new byte[1])));
          assertThrows(
              NoActiveSqlTransaction.class,
              () -> objects.exportTo(oid, new ByteArrayOutputStream()));
          assertEquals(1, c.execute("SELECT 1").fetchOne().getInt(0));
          objects.unlink(oid);
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faces")
  void autocommitOffIsATransactionToo(Face face, Connection conn) {
    onPlainAndPooled(
        conn,
        c -> {
          c.setAutocommit(false);
          try {
            Objects objects = face.plain(c);
            long oid = objects.importFrom(new ByteArrayInputStream(new byte[] {9, 8}));
            Handle object = objects.open(oid, Mode.READ);
            assertArrayEquals(new byte[] {9, 8}, object.read(10));
            object.close();
          } finally {
            c.rollback();
            c.setAutocommit(true);
          }
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faces")
  void aFailingStreamFailsTheImportWithItsIoErrorAndTheBlockRollsBack(Face face, Connection conn) {
    onPlainAndPooled(
        conn,
        c -> {
          long before = largeObjectCount(c);
          InputStream broken =
              new InputStream() {
                private int left = 3;

                @Override
                public int read() throws IOException {
                  if (left-- <= 0) {
                    throw new IOException("disk on fire");
                  }
                  return 7;
                }
              };
          UncheckedIOException error =
              assertThrows(
                  UncheckedIOException.class,
                  () -> face.inBlock(c, objects -> objects.importFrom(broken)));
          assertEquals("disk on fire", error.getCause().getMessage());
          assertEquals(before, largeObjectCount(c), "the block's object was rolled back");
        });
  }

  private static long largeObjectCount(Connection c) {
    return c.execute("SELECT count(*) FROM pg_largeobject_metadata").fetchOne().getLong(0);
  }

  /** No blocking stream call runs on the caller's thread: each runs on a virtual thread. */
  @Test
  void theAsyncFaceReadsAndWritesTheStreamsOnVirtualThreads(Connection conn) {
    Set<Thread> readers = ConcurrentHashMap.newKeySet();
    Set<Thread> writers = ConcurrentHashMap.newKeySet();
    InputStream in =
        new ByteArrayInputStream(utf8("streamed")) {
          @Override
          public synchronized int read(byte[] b, int off, int len) {
            readers.add(Thread.currentThread());
            return super.read(b, off, len);
          }
        };
    OutputStream out =
        new ByteArrayOutputStream() {
          @Override
          public synchronized void write(byte[] b, int off, int len) {
            writers.add(Thread.currentThread());
            super.write(b, off, len);
          }
        };
    AsyncTransaction tx = join(conn.async().transaction());
    long oid = join(tx.largeObjects().importFrom(in));
    join(tx.largeObjects().exportTo(oid, out));
    join(tx.largeObjects().unlink(oid));
    join(tx.commit());
    assertEquals("streamed", ((ByteArrayOutputStream) out).toString(StandardCharsets.UTF_8));
    assertTrue(readers.stream().allMatch(Thread::isVirtual), readers.toString());
    assertTrue(writers.stream().allMatch(Thread::isVirtual), writers.toString());
    assertTrue(!readers.contains(Thread.currentThread()));
  }

  @Test
  void aLargeObjectsFutureFailsWithTheTypedErrorItself(Connection conn) throws Exception {
    AsyncTransaction tx = join(conn.async().transaction());
    CompletableFuture<AsyncLargeObject> missing =
        tx.largeObjects().open(Long.MAX_VALUE >>> 33, Mode.READ);
    ExecutionException failed =
        assertThrows(ExecutionException.class, () -> missing.get(10, TimeUnit.SECONDS));
    assertInstanceOf(UndefinedObject.class, failed.getCause());
    join(tx.rollback());
    assertEquals(1, conn.execute("SELECT 1").fetchOne().getInt(0));
  }

  // The async face's adapters: each call awaited, its failure rethrown as the sync face throws.

  static Objects sync(LargeObjects objects) {
    return new Objects() {
      @Override
      public long create() {
        return objects.create();
      }

      @Override
      public Handle open(long oid, Mode mode) {
        LargeObject object = objects.open(oid, mode);
        return new Handle() {
          @Override
          public byte[] read(int max) {
            return object.read(max);
          }

          @Override
          public void write(byte[] bytes, int offset, int length) {
            object.write(bytes, offset, length);
          }

          @Override
          public long seek(long offset, Whence whence) {
            return object.seek(offset, whence);
          }

          @Override
          public long tell() {
            return object.tell();
          }

          @Override
          public long size() {
            return object.size();
          }

          @Override
          public void truncate(long length) {
            object.truncate(length);
          }

          @Override
          public void close() {
            object.close();
          }
        };
      }

      @Override
      public void unlink(long oid) {
        objects.unlink(oid);
      }

      @Override
      public long importFrom(InputStream in) {
        return objects.importFrom(in);
      }

      @Override
      public void exportTo(long oid, OutputStream out) {
        objects.exportTo(oid, out);
      }
    };
  }

  static Objects async(AsyncLargeObjects objects) {
    return new Objects() {
      @Override
      public long create() {
        return join(objects.create());
      }

      @Override
      public Handle open(long oid, Mode mode) {
        AsyncLargeObject object = join(objects.open(oid, mode));
        return new Handle() {
          @Override
          public byte[] read(int max) {
            return join(object.read(max));
          }

          @Override
          public void write(byte[] bytes, int offset, int length) {
            join(object.write(bytes, offset, length));
          }

          @Override
          public long seek(long offset, Whence whence) {
            return join(object.seek(offset, whence));
          }

          @Override
          public long tell() {
            return join(object.tell());
          }

          @Override
          public long size() {
            return join(object.size());
          }

          @Override
          public void truncate(long length) {
            join(object.truncate(length));
          }

          @Override
          public void close() {
            join(object.close());
          }
        };
      }

      @Override
      public void unlink(long oid) {
        join(objects.unlink(oid));
      }

      @Override
      public long importFrom(InputStream in) {
        return join(objects.importFrom(in));
      }

      @Override
      public void exportTo(long oid, OutputStream out) {
        join(objects.exportTo(oid, out));
      }
    };
  }

  /** The future's value, or its failure's cause rethrown, as the sync face would throw it. */
  static <T> T join(CompletableFuture<T> future) {
    try {
      return future.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new AssertionError(e.getCause());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
