package dev.tusk.it.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Tusk;
import dev.tusk.errors.NotSupportedError;
import dev.tusk.testing.PostgresServer;
import dev.tusk.testing.TuskTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 15, defect 9: {@code target_session_attrs=standby} used to connect to this primary without
 * a word. Until Tusk can route by role, a requirement it cannot check is refused before connecting.
 */
@TuskTest
class RoutingSettingsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "target_session_attrs=standby",
        "target_session_attrs=read-only",
        "target_session_attrs=prefer-standby",
        "target_session_attrs=read-write",
        "target_session_attrs=primary",
        "load_balance_hosts=random"
      })
  void requirementsTuskCannotCheckAreRefused(String setting, PostgresServer server) {
    NotSupportedError error =
        assertThrows(
            NotSupportedError.class, () -> Tusk.connect(server.conninfo() + " " + setting));
    assertTrue(
        error.getMessage().startsWith(setting + " in the connection string"), error.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"target_session_attrs=any", "load_balance_hosts=disable"})
  void valuesThatAskForNothingConnect(String setting, PostgresServer server) {
    try (Connection conn = Tusk.connect(server.conninfo() + " " + setting)) {
      assertEquals(1, conn.execute("SELECT 1").fetchOne().getInt(0));
    }
  }
}
