package dev.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tusk.errors.Diagnostic;
import java.util.Map;
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
