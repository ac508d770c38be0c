package dev.tusk.it.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tusk.Connection;
import dev.tusk.InlineNoticeHandler;
import dev.tusk.errors.Diagnostic;
import dev.tusk.testing.TuskTest;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/** Notices reach the connection's handlers with their full diagnostic, in order. */
@TuskTest
@Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
class NoticeHandlerTest {

  @Test
  void raisedNoticesReachTheHandlerInOrder(Connection conn) throws Exception {
    BlockingQueue<Diagnostic> received = new LinkedBlockingQueue<>();
    Consumer<Diagnostic> handler = received::add;
    conn.addNoticeHandler(handler);
    conn.execute(
        "DO $$ BEGIN RAISE NOTICE 'first %', 1; RAISE WARNING 'second' USING HINT = 'h'; END $$");
    Diagnostic first = received.poll(5, TimeUnit.SECONDS);
    Diagnostic second = received.poll(5, TimeUnit.SECONDS);
    assertNotNull(first, "no notice arrived");
    assertNotNull(second, "the second notice did not arrive");
    assertEquals("first 1", first.messagePrimary());
    assertEquals("NOTICE", first.severityNonLocalized());
    assertEquals("second", second.messagePrimary());
    assertEquals("WARNING", second.severityNonLocalized());
    assertEquals("h", second.messageHint());

    conn.removeNoticeHandler(handler);
    conn.execute("DO $$ BEGIN RAISE NOTICE 'unheard'; END $$");
    assertEquals(4, conn.execute("SELECT 4").fetchOne().getInt(0));
    assertNull(received.poll(200, TimeUnit.MILLISECONDS), "a removed handler was called");
  }

  /** An inline handler has seen the notices by the time the statement's execute returns. */
  @Test
  void anInlineHandlerRunsBeforeTheStatementReturns(Connection conn) {
    List<String> received = new CopyOnWriteArrayList<>();
    InlineNoticeHandler handler = notice -> received.add(notice.messagePrimary());
    conn.addNoticeHandler(handler);
    for (int i = 0; i < 50; i++) {
      conn.execute("DO $$ BEGIN RAISE NOTICE 'n%', " + i + "; END $$");
      assertEquals("n" + i, received.get(received.size() - 1), "not seen when execute returned");
    }
    assertEquals(50, received.size());
    conn.removeNoticeHandler(handler);
    conn.execute("DO $$ BEGIN RAISE NOTICE 'unheard'; END $$");
    assertEquals(50, received.size());
  }
}
