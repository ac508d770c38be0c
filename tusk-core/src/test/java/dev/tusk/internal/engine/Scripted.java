package dev.tusk.internal.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.internal.protocol.BackendMessage;
import dev.tusk.internal.protocol.CommandComplete;
import dev.tusk.internal.protocol.DataRow;
import dev.tusk.internal.protocol.ReadyForQuery;
import dev.tusk.internal.protocol.RowDescription;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * Drives an exchange with backend messages written by the test, as the session's reader thread
 * would, and builds the messages such scripts need. Public so that the client's tests can obtain
 * {@link StatementResult}s the way the engine makes them.
 */
public final class Scripted {

  private Scripted() {}

  /**
   * Feeds {@code messages} to {@code exchange}, checking that only the last one (a ReadyForQuery)
   * ends it, then completes it as the session does.
   */
  static <T> void feed(Exchange<T> exchange, Outbound outbound, BackendMessage... messages) {
    for (int i = 0; i < messages.length - 1; i++) {
      assertFalse(exchange.handle(messages[i], outbound), "ended early at " + messages[i]);
    }
    assertTrue(exchange.handle(messages[messages.length - 1], outbound), "did not end");
    exchange.finish();
  }

  /** Marks a prepared statement as described by the server (returning one text column). */
  public static void describe(PreparedStatement statement) {
    statement.described(description(field("column", 25, 0)));
  }

  /** The result of {@code exchange} after {@code messages}; fails if it failed. */
  static <T> T run(Exchange<T> exchange, BackendMessage... messages) {
    feed(exchange, null, messages);
    return exchange.future().join();
  }

  /** The error {@code exchange} failed with after {@code messages}. */
  static Throwable failure(Exchange<?> exchange, BackendMessage... messages) {
    feed(exchange, null, messages);
    return assertThrows(CompletionException.class, () -> exchange.future().join()).getCause();
  }

  /**
   * The results a simple query makes from {@code messages}, which should end with ReadyForQuery.
   */
  public static List<StatementResult> results(BackendMessage... messages) {
    return run(new SimpleQuery("-- scripted"), messages);
  }

  /** The results of one SELECT returning {@code rows} with {@code description}. */
  public static List<StatementResult> select(RowDescription description, DataRow... rows) {
    List<BackendMessage> messages = new ArrayList<>();
    messages.add(description);
    messages.addAll(List.of(rows));
    messages.add(new CommandComplete("SELECT " + rows.length));
    messages.add(idle());
    return results(messages.toArray(BackendMessage[]::new));
  }

  /** A ReadyForQuery outside a transaction block. */
  public static ReadyForQuery idle() {
    return new ReadyForQuery(ReadyForQuery.IDLE);
  }

  /** A column as the server describes it, not from a table. */
  public static RowDescription.Field field(String name, int typeOid, int format) {
    return new RowDescription.Field(name, 0, 0, typeOid, -1, -1, format);
  }

  /** A RowDescription of these fields. */
  public static RowDescription description(RowDescription.Field... fields) {
    return new RowDescription(fields);
  }

  /** A DataRow of text values, a null element standing for NULL. */
  public static DataRow textRow(String... values) {
    byte[][] columns = new byte[values.length][];
    for (int i = 0; i < values.length; i++) {
      columns[i] = values[i] == null ? null : values[i].getBytes(StandardCharsets.UTF_8);
    }
    return DataRow.of(columns);
  }
}
