package dev.tusk.it.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Tusk;
import dev.tusk.errors.ReadOnlySqlTransaction;
import dev.tusk.errors.SqlclientUnableToEstablishSqlconnection;
import dev.tusk.testing.fake.BackendMessages;
import dev.tusk.testing.fake.FakeServer;
import dev.tusk.testing.fake.FrontendMessage;
import dev.tusk.testing.fake.Script;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * How {@code target_session_attrs} learns a server's role, on the protocol level: from the {@code
 * in_hot_standby} and {@code default_transaction_read_only} parameters a PostgreSQL 14+ server
 * reports (no query), and from libpq's queries on a server that reports neither.
 */
@Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
class ServerRoleProtocolTest {

  private static final String IS_IN_RECOVERY = "SELECT pg_catalog.pg_is_in_recovery()";
  private static final String SHOW_READ_ONLY = "SHOW transaction_read_only";

  @Test
  void aReportedHotStandbyIsAStandbyWithoutAnyQuery() {
    try (FakeServer standby = FakeServer.start(reporting("on", "off"));
        Connection conn = Tusk.connect(standby.conninfo() + " target_session_attrs=standby")) {
      assertEquals(standby.port(), conn.info().port());
      conn.close();
      assertEquals(List.of(), queries(standby));
      standby.verify();
    }
  }

  @Test
  void aReportedHotStandbyIsRefusedForPrimaryAndReadWrite() throws InterruptedException {
    for (String target : List.of("primary", "read-write")) {
      // The script's last step records the Terminate that ends the refused session.
      try (FakeServer standby = FakeServer.start(reporting("on", "off").expect('X'))) {
        SqlclientUnableToEstablishSqlconnection error =
            assertThrows(
                SqlclientUnableToEstablishSqlconnection.class,
                () -> Tusk.connect(standby.conninfo() + " target_session_attrs=" + target));
        String reason =
            target.equals("primary") ? "server is in hot standby mode" : "session is read-only";
        assertTrue(error.getMessage().contains(reason), error.getMessage());
        assertEquals(List.of(), queries(standby));
        assertTrue(terminated(standby), "the refused session is ended with Terminate");
        standby.verify();
      }
    }
  }

  /** default_transaction_read_only=on alone: read-only, yet a primary. */
  @Test
  void aReportedReadOnlyPrimaryIsReadOnlyAndPrimary() {
    try (FakeServer server = FakeServer.start(reporting("off", "on"))) {
      for (String target : List.of("read-only", "primary")) {
        try (Connection conn =
            Tusk.connect(server.conninfo() + " target_session_attrs=" + target)) {
          assertEquals(server.port(), conn.info().port());
        }
      }
      assertThrows(
          SqlclientUnableToEstablishSqlconnection.class,
          () -> Tusk.connect(server.conninfo() + " target_session_attrs=standby"));
      assertEquals(List.of(), queries(server));
    }
  }

  /** A server before 14 reports neither parameter: libpq asks pg_is_in_recovery(). */
  @Test
  void anOlderServerIsAskedWhetherItIsInRecovery() {
    try (FakeServer primary = FakeServer.start(olderServerAnswering("f"));
        FakeServer standby = FakeServer.start(olderServerAnswering("t"));
        Connection conn =
            Tusk.connect(
                "host="
                    + primary.host()
                    + ","
                    + standby.host()
                    + " port="
                    + primary.port()
                    + ","
                    + standby.port()
                    + " user=tusk dbname=tusk connect_timeout=5 target_session_attrs=standby")) {
      assertEquals(standby.port(), conn.info().port());
      assertEquals(List.of(IS_IN_RECOVERY), queries(primary));
      assertEquals(List.of(IS_IN_RECOVERY), queries(standby));
      primary.verify();
      standby.verify();
    }
  }

  @Test
  void anOlderServerIsAskedWhetherItsSessionsAreReadOnly() {
    try (FakeServer readOnly = FakeServer.start(olderServerAnswering("on"));
        FakeServer writable = FakeServer.start(olderServerAnswering("off"))) {
      String conninfo =
          "host=127.0.0.1,127.0.0.1 port="
              + readOnly.port()
              + ","
              + writable.port()
              + " user=tusk dbname=tusk connect_timeout=5 target_session_attrs=";
      try (Connection conn = Tusk.connect(conninfo + "read-write")) {
        assertEquals(writable.port(), conn.info().port());
      }
      try (Connection conn = Tusk.connect(conninfo + "read-only")) {
        assertEquals(readOnly.port(), conn.info().port());
      }
      assertEquals(List.of(SHOW_READ_ONLY, SHOW_READ_ONLY), queries(readOnly));
      assertEquals(List.of(SHOW_READ_ONLY), queries(writable));
    }
  }

  /**
   * A role query that fails disqualifies the server (libpq: "... failed"), and the next is tried.
   */
  @Test
  void aFailedRoleQueryPassesToTheNextHost() {
    Script failing =
        olderServer()
            .expect('Q')
            .send(
                BackendMessages.concat(
                    BackendMessages.errorResponse("ERROR", "42501", "permission denied"),
                    BackendMessages.readyForQuery('I')));
    try (FakeServer broken = FakeServer.start(failing);
        FakeServer good = FakeServer.start(olderServerAnswering("off"));
        Connection conn =
            Tusk.connect(
                "host=127.0.0.1,127.0.0.1 port="
                    + broken.port()
                    + ","
                    + good.port()
                    + " user=tusk dbname=tusk connect_timeout=5 target_session_attrs=read-write")) {
      assertEquals(good.port(), conn.info().port());
    }
    try (FakeServer broken = FakeServer.start(failing)) {
      SqlclientUnableToEstablishSqlconnection error =
          assertThrows(
              SqlclientUnableToEstablishSqlconnection.class,
              () -> Tusk.connect(broken.conninfo() + " target_session_attrs=read-write"));
      assertTrue(
          error.getMessage().contains("\"SHOW transaction_read_only\" failed: "),
          error.getMessage());
    }
  }

  /**
   * After start-up, a server that reports no role parameters (before 14, or behind a pooler) tells
   * of a failover only by refusing a write with 25006: a read-write connection then no longer
   * qualifies, so a pool discards it; for primary it says nothing (a primary may be read-only).
   */
  @Test
  void aWriteRefusedAsReadOnlyByAnOlderServerDisqualifiesReadWrite() {
    Script refusing = Script.create().expectThrough('S').send(refusal("INSERT"));
    for (String target : List.of("read-write", "primary")) {
      // The role query's answer: SHOW transaction_read_only for read-write, else is-in-recovery.
      String answer = target.equals("read-write") ? "off" : "f";
      try (FakeServer server = FakeServer.start(olderServerAnswering(answer).then(refusing));
          Connection conn = Tusk.connect(server.conninfo() + " target_session_attrs=" + target)) {
        assertTrue(conn.info().qualifies());
        assertThrows(ReadOnlySqlTransaction.class, () -> conn.execute("INSERT INTO t VALUES (1)"));
        assertEquals(!target.equals("read-write"), conn.info().qualifies(), target);
        server.verify();
      }
    }
  }

  /**
   * A refused write is heard however it was sent, with nothing tracing statements (no Tracer, no
   * JFR recording): on the async face (a statement, a batch, a script) and by a COPY, the
   * read-write connection no longer qualifies once the refusal has reached the caller.
   */
  @Test
  void aWriteRefusedOnTheAsyncFaceOrByACopyDisqualifiesReadWrite() {
    Script refusedExtended = Script.create().expectThrough('S').send(refusal("INSERT"));
    Script refusedSimple = Script.create().expect('Q').send(refusal("INSERT"));
    Map<String, Script> refusals = new LinkedHashMap<>();
    refusals.put("async execute", refusedExtended);
    refusals.put("async executeMany", refusedExtended);
    refusals.put("async script", refusedSimple);
    refusals.put("copy", refusedSimple);
    Map<String, Consumer<Connection>> writes = new LinkedHashMap<>();
    writes.put(
        "async execute", conn -> conn.async().execute("INSERT INTO t VALUES ($1)", 1).join());
    writes.put(
        "async executeMany",
        conn ->
            conn.async()
                .cursor()
                .executeMany("INSERT INTO t VALUES ($1)", List.of(List.of(1), List.of(2)))
                .join());
    writes.put(
        "async script",
        conn -> conn.async().execute("INSERT INTO t VALUES (1); INSERT INTO t VALUES (2)").join());
    writes.put("copy", conn -> conn.cursor().copy("COPY t FROM STDIN"));
    writes.forEach(
        (how, write) -> {
          try (FakeServer server =
                  FakeServer.start(olderServerAnswering("off").then(refusals.get(how)));
              Connection conn =
                  Tusk.connect(server.conninfo() + " target_session_attrs=read-write")) {
            assertTrue(conn.info().qualifies(), how);
            RuntimeException error = assertThrows(RuntimeException.class, () -> write.accept(conn));
            Throwable cause = error instanceof CompletionException ? error.getCause() : error;
            assertInstanceOf(ReadOnlySqlTransaction.class, cause, how);
            assertFalse(conn.info().qualifies(), how);
            server.verify();
          }
        });
  }

  private static byte[] refusal(String command) {
    return BackendMessages.concat(
        BackendMessages.errorResponse(
            "ERROR", "25006", "cannot execute " + command + " in a read-only transaction"),
        BackendMessages.readyForQuery('I'));
  }

  /** A PostgreSQL 17 start-up with the two role parameters as given. */
  private static Script reporting(String inHotStandby, String defaultReadOnly) {
    return Script.create()
        .startup()
        .trust()
        .send(
            BackendMessages.concat(
                BackendMessages.parameterStatus("server_version", "17.0"),
                BackendMessages.parameterStatus("in_hot_standby", inHotStandby),
                BackendMessages.parameterStatus("default_transaction_read_only", defaultReadOnly),
                BackendMessages.parameterStatus("client_encoding", "UTF8"),
                BackendMessages.parameterStatus("DateStyle", "ISO, MDY"),
                BackendMessages.parameterStatus("integer_datetimes", "on"),
                BackendMessages.parameterStatus("standard_conforming_strings", "on"),
                BackendMessages.backendKeyData(4242, 0x5eC2E7),
                BackendMessages.readyForQuery('I')));
  }

  /** A PostgreSQL 13 start-up: no role parameters. */
  private static Script olderServer() {
    return Script.create()
        .startup()
        .trust()
        .send(
            BackendMessages.concat(
                BackendMessages.parameterStatus("server_version", "13.16"),
                BackendMessages.parameterStatus("client_encoding", "UTF8"),
                BackendMessages.parameterStatus("DateStyle", "ISO, MDY"),
                BackendMessages.parameterStatus("integer_datetimes", "on"),
                BackendMessages.parameterStatus("standard_conforming_strings", "on"),
                BackendMessages.backendKeyData(4242, 0x5eC2E7),
                BackendMessages.readyForQuery('I')));
  }

  /** An older server that answers the one role query with {@code value}. */
  private static Script olderServerAnswering(String value) {
    return olderServer()
        .expect('Q')
        .send(
            BackendMessages.concat(
                BackendMessages.rowDescription("answer"),
                BackendMessages.dataRow(value),
                BackendMessages.commandComplete("SELECT 1"),
                BackendMessages.readyForQuery('I')));
  }

  /** Whether the server receives a Terminate within a few seconds. */
  private static boolean terminated(FakeServer server) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      if (server.received().stream().anyMatch(m -> m.type() == 'X')) {
        return true;
      }
      Thread.sleep(50);
    }
    return false;
  }

  private static List<String> queries(FakeServer server) {
    return server.received().stream()
        .filter(m -> m.type() == 'Q')
        .map(FrontendMessage::firstString)
        .toList();
  }
}
