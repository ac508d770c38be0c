package dev.tusk.it.prepared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Column;
import dev.tusk.Connection;
import dev.tusk.StatementDescription;
import dev.tusk.TransactionStatus;
import dev.tusk.errors.InFailedSqlTransaction;
import dev.tusk.errors.UndefinedTable;
import dev.tusk.testing.TuskTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Connection.describe: parameter types and result columns without running the statement. */
@TuskTest
class DescribeTest {

  @Test
  void parametersAndColumnsAreDescribedWithoutRunning(Connection conn) {
    conn.execute("CREATE TABLE described (id int8 PRIMARY KEY, name text, seen timestamptz)");
    StatementDescription description =
        conn.describe("INSERT INTO described VALUES ($1, $2, $3) RETURNING id, name");
    assertEquals(
        List.of("int8", "text", "timestamptz"),
        description.parameters().stream().map(Column::typeName).toList());
    assertEquals("$2", description.parameters().get(1).name());
    assertEquals(List.of("id", "name"), description.columns().stream().map(Column::name).toList());
    assertEquals("int8", description.columns().get(0).typeName());
    assertTrue(description.columns().get(0).tableOid() != 0, "the column's table is named");
    assertEquals(0, conn.execute("SELECT count(*) FROM described").fetchOne().getLong(0));
  }

  @Test
  void aStatementWithoutRowsHasNoColumns(Connection conn) {
    StatementDescription description = conn.describe("SELECT pg_sleep($1) WHERE false");
    assertEquals("float8", description.parameters().get(0).typeName());
    assertEquals(1, description.columns().size());
    assertTrue(conn.describe("SET search_path TO public").columns().isEmpty());
  }

  @Test
  void describingOpensNoTransactionAndFailsAsRunningWould(Connection conn) {
    conn.setAutocommit(false);
    conn.describe("SELECT $1::int");
    assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
    assertThrows(UndefinedTable.class, () -> conn.describe("SELECT * FROM no_such_table"));
    conn.execute("SELECT 1");
    assertThrows(UndefinedTable.class, () -> conn.execute("SELECT * FROM no_such_table"));
    assertThrows(InFailedSqlTransaction.class, () -> conn.describe("SELECT 1"));
    conn.rollback();
    assertEquals(1, conn.describe("SELECT 1").columns().size());
  }
}
