package dev.tusk.it.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.errors.FeatureNotSupported;
import dev.tusk.errors.NotSupportedError;
import dev.tusk.testing.TuskTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * COPY through plain execute rather than cursor.copy: FROM STDIN is refused before it is sent (in
 * copy-in mode the server would eat the requests pipelined behind it), TO STDOUT is drained and
 * refused, and neither disturbs other callers of the connection.
 */
@TuskTest
class CopyRefusalTest {

  @Test
  void copyFromStdinIsRefusedBeforeAnythingIsSent(Connection conn) {
    conn.execute("CREATE TABLE copy_target (n int)");
    NotSupportedError error =
        assertThrows(NotSupportedError.class, () -> conn.execute("COPY copy_target FROM STDIN"));
    assertTrue(error.getMessage().contains("COPY"), error.getMessage());
    assertEquals(1, conn.execute("SELECT 1").fetchOne().getInt(0));
  }

  @Test
  void copyToStdoutIsDrainedAndRefused(Connection conn) {
    assertThrows(
        FeatureNotSupported.class,
        () -> conn.execute("COPY (SELECT generate_series(1, 1000)) TO STDOUT"));
    assertEquals(2, conn.execute("SELECT 2").fetchOne().getInt(0));
  }

  @Test
  @Timeout(60)
  void refusedCopiesAmongConcurrentQueriesLeaveEveryoneTheirOwnAnswer(Connection conn)
      throws Exception {
    conn.execute("CREATE TABLE copy_mix (n int)");
    List<Callable<Boolean>> tasks = new ArrayList<>();
    for (int t = 0; t < 20; t++) {
      int thread = t;
      tasks.add(
          () -> {
            for (int i = 0; i < 50; i++) {
              if (i % 10 == thread % 10) {
                assertThrows(
                    NotSupportedError.class, () -> conn.execute("COPY copy_mix FROM STDIN"));
              } else {
                int expected = thread * 1000 + i;
                assertEquals(
                    expected, conn.execute("SELECT $1::int", expected).fetchOne().getInt(0));
              }
            }
            return true;
          });
    }
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (Future<Boolean> done : threads.invokeAll(tasks)) {
        assertTrue(done.get());
      }
    }
  }
}
