package dev.tusk.it.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tusk.Connection;
import dev.tusk.ConnectionInfo;
import dev.tusk.Transaction;
import dev.tusk.TransactionStatus;
import dev.tusk.errors.DivisionByZero;
import dev.tusk.testing.PostgresServer;
import dev.tusk.testing.TuskTest;
import org.junit.jupiter.api.Test;

/**
 * {@link Connection#info()} against the real server: version, backend PID, server parameters kept
 * current by ParameterStatus, the transaction status after each request, and where it connected.
 */
@TuskTest
class ConnectionInfoTest {

  @Test
  void serverVersionAndBackendPidMatchTheServer(Connection conn) {
    int versionNum =
        Integer.parseInt(conn.execute("SHOW server_version_num").fetchOne().getString(0));
    assertEquals(versionNum, conn.info().serverVersion());
    assertEquals(
        conn.execute("SELECT pg_backend_pid()").fetchOne().getInt(0), conn.info().backendPid());
  }

  @Test
  void startupParametersAreReported(Connection conn) {
    ConnectionInfo info = conn.info();
    assertEquals("UTF8", info.parameter("client_encoding"));
    assertEquals(
        conn.execute("SHOW server_version").fetchOne().getString(0),
        info.parameter("server_version"));
    assertEquals(conn.execute("SHOW TimeZone").fetchOne().getString(0), info.parameter("TimeZone"));
    assertEquals(info.parameter("TimeZone"), info.parameters().get("TimeZone"));
    assertNotNull(info.parameters().get("integer_datetimes"));
  }

  @Test
  void parametersFollowSet(Connection conn) {
    conn.execute("SET application_name = 'tusk_info_test'");
    assertEquals("tusk_info_test", conn.info().parameter("application_name"));

    conn.execute("SET TimeZone = 'Asia/Tokyo'");
    assertEquals("Asia/Tokyo", conn.info().parameter("TimeZone"));
    conn.execute("SET TimeZone = 'America/Sao_Paulo'");
    assertEquals("America/Sao_Paulo", conn.info().parameters().get("TimeZone"));

    conn.execute("RESET application_name");
    assertEquals("", conn.info().parameter("application_name"));
  }

  @Test
  void transactionStatusFollowsEachRequest(Connection conn) {
    assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
    conn.execute("BEGIN");
    assertEquals(TransactionStatus.IN_TRANSACTION, conn.info().transactionStatus());
    assertThrows(DivisionByZero.class, () -> conn.execute("SELECT 1 / 0"));
    assertEquals(TransactionStatus.IN_ERROR, conn.info().transactionStatus());
    conn.execute("ROLLBACK");
    assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
  }

  @Test
  void transactionStatusOfTransactionBlocksAndClosedConnections(Connection conn) {
    try (Transaction tx = conn.transaction()) {
      conn.execute("SELECT 1");
      assertEquals(TransactionStatus.IN_TRANSACTION, conn.info().transactionStatus());
      tx.commit();
    }
    assertEquals(TransactionStatus.IDLE, conn.info().transactionStatus());
    conn.close();
    assertEquals(TransactionStatus.UNKNOWN, conn.info().transactionStatus());
  }

  @Test
  void whereTheConnectionGoes(Connection conn, PostgresServer server) {
    ConnectionInfo info = conn.info();
    assertEquals(server.host(), info.host());
    assertEquals(server.port(), info.port());
    assertEquals(server.superuser(), info.user());
    assertEquals(server.database(), info.database());
    assertEquals(conn.execute("SELECT current_user").fetchOne().get(0), info.user());
  }
}
