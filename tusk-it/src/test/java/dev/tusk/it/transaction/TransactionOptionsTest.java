package dev.tusk.it.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tusk.Connection;
import dev.tusk.IsolationLevel;
import dev.tusk.Transaction;
import dev.tusk.TransactionOptions;
import dev.tusk.TransactionStatus;
import dev.tusk.errors.ReadOnlySqlTransaction;
import dev.tusk.testing.TuskTest;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** TransactionOptions reach the server: isolation level, read only and deferrable. */
@TuskTest
class TransactionOptionsTest {

  @ParameterizedTest
  @EnumSource(IsolationLevel.class)
  void isolationLevelIsVisibleInTheTransaction(IsolationLevel level, Connection conn) {
    String shown =
        conn.inTransaction(
            TransactionOptions.DEFAULT.withIsolationLevel(level),
            c -> show(c, "transaction_isolation"));

    assertEquals(level.sql().toLowerCase(Locale.ROOT), shown);
  }

  @Test
  void defaultOptionsKeepTheServerDefaults(Connection conn) {
    List<String> shown =
        conn.inTransaction(
            TransactionOptions.DEFAULT,
            c -> List.of(show(c, "transaction_isolation"), show(c, "transaction_read_only")));

    assertEquals(List.of("read committed", "off"), shown);
  }

  @Test
  void readOnlyMakesAnInsertFailWithReadOnlySqlTransaction(Connection conn, Connection other) {
    conn.execute("CREATE TABLE guarded (id int)");

    try (Transaction tx = conn.transaction(TransactionOptions.DEFAULT.withReadOnly(true))) {
      assertEquals("on", show(conn, "transaction_read_only"));
      ReadOnlySqlTransaction error =
          assertThrows(
              ReadOnlySqlTransaction.class, () -> conn.execute("INSERT INTO guarded VALUES (1)"));
      assertEquals("25006", error.sqlState());
    }

    assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
    assertEquals(0L, other.execute("SELECT count(*) FROM guarded").fetchOne().getLong(0));
  }

  @Test
  void readWriteOverridesAReadOnlySessionDefault(Connection conn) {
    conn.execute("SET default_transaction_read_only = on");

    String shown =
        conn.inTransaction(
            TransactionOptions.DEFAULT.withReadOnly(false), c -> show(c, "transaction_read_only"));

    assertEquals("off", shown);
  }

  @Test
  void deferrableIsAcceptedWithSerializableReadOnly(Connection conn) {
    TransactionOptions options = new TransactionOptions(IsolationLevel.SERIALIZABLE, true, true);

    List<String> shown =
        conn.inTransaction(
            options,
            c ->
                List.of(
                    show(c, "transaction_isolation"),
                    show(c, "transaction_read_only"),
                    show(c, "transaction_deferrable")));

    assertEquals(List.of("serializable", "on", "on"), shown);
  }

  @Test
  void savepointIgnoresOptionsAndKeepsTheOuterMode(Connection conn) {
    try (Transaction outer =
        conn.transaction(
            TransactionOptions.DEFAULT.withIsolationLevel(IsolationLevel.SERIALIZABLE))) {
      String inner =
          conn.inTransaction(
              TransactionOptions.DEFAULT.withIsolationLevel(IsolationLevel.READ_COMMITTED),
              c -> show(c, "transaction_isolation"));
      assertEquals("serializable", inner);
      outer.commit();
    }
  }

  private static String show(Connection conn, String setting) {
    return conn.execute("SHOW " + setting).fetchOne().getString(0);
  }
}
