package dev.tusk.examples;

import dev.tusk.Connection;
import dev.tusk.LargeObject;
import dev.tusk.LargeObjects;
import dev.tusk.Transaction;
import dev.tusk.Tusk;
import dev.tusk.TwoPhaseTransaction;
import dev.tusk.Xid;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * docs/large-objects.md's and docs/sql.md's two-phase commit example: a large object imported, read
 * in pieces and exported; a transaction prepared on one connection and committed from another.
 *
 * <p>{@code mvn -q -pl tusk-examples -am package -DskipTests exec:exec
 * -Dexample=dev.tusk.examples.LargeObjectsAndTwoPhase} (two-phase commit needs the server's {@code
 * max_prepared_transactions} above 0, as the embedded server has).
 */
public final class LargeObjectsAndTwoPhase {

  private LargeObjectsAndTwoPhase() {}

  public static void main(String[] args) {
    String url = ExampleDatabase.url();
    try (Connection conn = Tusk.connect(url)) {
      largeObjects(conn);
      twoPhaseCommit(conn, url);
    }
  }

  private static void largeObjects(Connection conn) {
    LargeObjects objects = conn.largeObjects();
    long oid;
    try (Transaction tx = conn.transaction()) { // open large objects live in a transaction
      byte[] text = "a large object, streamed in chunks".getBytes(StandardCharsets.UTF_8);
      oid = objects.importFrom(new ByteArrayInputStream(text));
      try (LargeObject object = objects.open(oid, LargeObjects.Mode.READ)) {
        object.seek(2, LargeObject.Whence.START);
        System.out.println("bytes 2..6: " + new String(object.read(5), StandardCharsets.UTF_8));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      objects.exportTo(oid, out);
      System.out.println("exported: " + out.toString(StandardCharsets.UTF_8));
      tx.commit();
    }
    objects.unlink(oid);
  }

  private static void twoPhaseCommit(Connection conn, String url) {
    // Not a temporary table: a transaction that touched one cannot be prepared.
    conn.execute("CREATE TABLE IF NOT EXISTS ledger_demo (entry text)");
    Xid xid = conn.xid(1, "transfer-42", "ledger-db");
    TwoPhaseTransaction tpc = conn.tpcBegin(xid);
    conn.execute("INSERT INTO ledger_demo VALUES ($1)", "debit 42");
    tpc.prepare(); // phase one: the server keeps the transaction, durably

    try (Connection other = Tusk.connect(url)) { // a transaction manager, after a crash say
      System.out.println("prepared: " + other.tpcRecover());
      other.tpcCommit(xid); // phase two
    }
    System.out.println(
        "committed rows: "
            + conn.execute("SELECT count(*) FROM ledger_demo").fetchOne().getLong(0));
    conn.execute("DROP TABLE ledger_demo");
  }
}
