package dev.tusk.examples;

import dev.tusk.Connection;
import dev.tusk.RowFactories;
import dev.tusk.ServerCursor;
import dev.tusk.Transaction;
import dev.tusk.Tusk;
import java.util.List;

/**
 * docs/server-cursors.md's example: a result read from a server-side cursor in batches, scrolled
 * back and forth, and a cursor kept past its transaction's commit.
 *
 * <p>{@code mvn -q -pl tusk-examples -am package -DskipTests exec:exec
 * -Dexample=dev.tusk.examples.ServerCursors}
 */
public final class ServerCursors {

  private ServerCursors() {}

  /** An event of the example's table. */
  public record Event(long id, String kind) {}

  public static void main(String[] args) {
    try (Connection conn = Tusk.connect(ExampleDatabase.url())) {
      conn.execute("DROP TABLE IF EXISTS cursor_demo");
      conn.execute(
          "CREATE TABLE cursor_demo AS SELECT g AS id, 'kind ' || g % 3 AS kind"
              + " FROM generate_series(1, 10000) g");

      // A cursor without hold lives in a transaction, whose thread has the connection to itself.
      try (Transaction tx = conn.transaction();
          ServerCursor<Event> events =
              conn.cursor("recent_events", RowFactories.record(Event.class))) {
        events.itersize(500); // rows per FETCH while iterating
        events.execute("SELECT id, kind FROM cursor_demo WHERE id > $1 ORDER BY id", 9000);
        long seen = 0;
        for (Event event : events) { // FETCH FORWARD 500, twice
          seen++;
        }
        System.out.println("iterated " + seen + " events in batches of " + events.itersize());
        tx.commit();
      }

      // A scrollable cursor moves both ways; WITH HOLD keeps it after the commit.
      ServerCursor<Long> ids =
          conn.cursor("ids", RowFactories.scalar(Long.class)).scrollable(true).withHold(true);
      try (ids) {
        try (Transaction tx = conn.transaction()) {
          ids.execute("SELECT id FROM cursor_demo ORDER BY id");
          tx.commit(); // the cursor survives: it was declared WITH HOLD
        }
        List<Long> firstThree = ids.fetchMany(3); // FETCH FORWARD 3
        ids.scroll(100, ServerCursor.Scroll.ABSOLUTE); // MOVE ABSOLUTE 100
        Long row101 = ids.fetchOne(); // 100 rows skipped: the next is id 101
        ids.scroll(-2); // MOVE -2
        Long row100 = ids.fetchOne();
        System.out.println(firstThree + ", " + row101 + ", then back to " + row100);
      } // CLOSE "ids"
      conn.execute("DROP TABLE cursor_demo");
    }
  }
}
