package dev.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tusk.errors.Diagnostic;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Which chain a notice goes to: the one statement running, else the connection. */
class NoticeRoutingTest {

  private static Diagnostic notice(String message) {
    return Diagnostic.of(Map.of('S', "NOTICE", 'V', "NOTICE", 'C', "00000", 'M', message));
  }

  @Test
  void theOneRunningStatementGetsTheNotice() {
    NoticeRouting routing = new NoticeRouting();
    WarningChain statement = new WarningChain();
    routing.begin(statement);
    routing.accept(notice("mine"));
    routing.end(statement);
    routing.accept(notice("after"));
    assertEquals("mine", statement.first().getMessage());
    assertNull(statement.first().getNextWarning());
    assertEquals("after", routing.connectionWarnings().first().getMessage());
  }

  @Test
  void twoRunningStatementsLeaveTheNoticeToTheConnection() {
    NoticeRouting routing = new NoticeRouting();
    WarningChain first = new WarningChain();
    WarningChain second = new WarningChain();
    routing.begin(first);
    routing.begin(second);
    routing.accept(notice("whose?"));
    routing.end(first);
    routing.accept(notice("second's"));
    assertNull(first.first());
    assertEquals("second's", second.first().getMessage());
    assertEquals("whose?", routing.connectionWarnings().first().getMessage());
  }

  @Test
  void threeRunningStatementsComeDownToTheLastOneLeft() {
    NoticeRouting routing = new NoticeRouting();
    WarningChain first = new WarningChain();
    WarningChain second = new WarningChain();
    WarningChain third = new WarningChain();
    routing.begin(first);
    routing.begin(second);
    routing.begin(third);
    routing.end(second);
    routing.accept(notice("two left"));
    routing.end(first);
    routing.accept(notice("third's"));
    routing.end(third);
    routing.accept(notice("nobody's"));
    assertNull(first.first());
    assertNull(second.first());
    assertEquals("third's", third.first().getMessage());
    assertNull(third.first().getNextWarning());
    SQLWarning connection = routing.connectionWarnings().first();
    assertEquals("two left", connection.getMessage());
    assertEquals("nobody's", connection.getNextWarning().getMessage());
  }

  @Test
  void aTargetBegunTwiceRunsUntilItEndsTwice() {
    NoticeRouting routing = new NoticeRouting();
    WarningChain twice = new WarningChain();
    routing.begin(twice);
    routing.begin(twice);
    routing.accept(notice("twice at once: whose?"));
    routing.end(twice);
    routing.accept(notice("still running once"));
    routing.end(twice);
    routing.accept(notice("done"));
    assertEquals("still running once", twice.first().getMessage());
    assertNull(twice.first().getNextWarning());
    SQLWarning connection = routing.connectionWarnings().first();
    assertEquals("twice at once: whose?", connection.getMessage());
    assertEquals("done", connection.getNextWarning().getMessage());
  }

  @Test
  void threadsBeginningAndEndingAtOnceLeaveNothingRunning() throws Exception {
    NoticeRouting routing = new NoticeRouting();
    int threads = 8;
    CountDownLatch go = new CountDownLatch(1);
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(
            pool.submit(
                () -> {
                  WarningChain mine = new WarningChain();
                  go.await();
                  for (int i = 0; i < 20_000; i++) {
                    routing.begin(mine);
                    routing.end(mine);
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> each : done) {
        each.get();
      }
    }
    WarningChain last = new WarningChain();
    routing.begin(last);
    routing.accept(notice("only one runs now"));
    assertEquals("only one runs now", last.first().getMessage());
    assertNull(routing.connectionWarnings().first());
  }

  @Test
  void aWarningCarriesSeverityAndSqlState() {
    NoticeRouting routing = new NoticeRouting();
    routing.accept(
        Diagnostic.of(Map.of('S', "WARNUNG", 'V', "WARNING", 'C', "01000", 'M', "careful")));
    NoticeWarning warning = (NoticeWarning) routing.connectionWarnings().first();
    assertEquals("WARNING", warning.severity());
    assertEquals("01000", warning.getSQLState());
    routing.connectionWarnings().clear();
    assertNull(routing.connectionWarnings().first());
  }
}
