package dev.tusk.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/** Creates the {@link TestRole}s and checks whether pg_hba.conf makes their passwords matter. */
final class RoleSetup {

  private static final String DUPLICATE_OBJECT = "42710";

  /** Two JVMs creating the same role at once: the loser trips over pg_authid's unique index. */
  private static final String UNIQUE_VIOLATION = "23505";

  private static final String INVALID_PASSWORD = "28P01";

  private RoleSetup() {}

  /**
   * Creates every role, or when it exists already (a shared server) resets its attributes and
   * password, so the stored hash always has the kind the role is meant for.
   */
  static void createAll(Connection superuser) throws SQLException {
    try (Statement statement = superuser.createStatement()) {
      for (TestRole role : TestRole.values()) {
        // the server hashes a new password with the session's password_encryption
        statement.execute("SET password_encryption = '" + encryption(role) + "'");
        String attributes = " LOGIN CREATEDB PASSWORD " + literal(role.password());
        try {
          statement.execute("CREATE ROLE " + role.user() + attributes);
        } catch (SQLException e) {
          if (!DUPLICATE_OBJECT.equals(e.getSQLState())
              && !UNIQUE_VIOLATION.equals(e.getSQLState())) {
            throw e;
          }
          statement.execute("ALTER ROLE " + role.user() + attributes);
        }
      }
      statement.execute("RESET password_encryption");
    }
  }

  private static String encryption(TestRole role) {
    return switch (role) {
      case MD5 -> "md5";
      case TRUST, SCRAM, PASSWORD -> "scram-sha-256";
    };
  }

  /** The passwords are constants without quotes; null clears the password. */
  private static String literal(String password) {
    return password == null ? "NULL" : "'" + password + "'";
  }

  /**
   * Whether the server rejects a wrong password and accepts the right one for every role that has a
   * password, over TCP: true only when pg_hba.conf sends those roles to a password method.
   */
  static boolean passwordsEnforced(Endpoint endpoint) {
    return Arrays.stream(TestRole.values())
        .filter(role -> role.password() != null)
        .allMatch(role -> rejectsWrongPassword(endpoint, role) && accepts(endpoint, role));
  }

  private static boolean rejectsWrongPassword(Endpoint endpoint, TestRole role) {
    try {
      endpoint.jdbc(role.user(), role.password() + "-wrong", endpoint.database()).close();
      return false;
    } catch (SQLException e) {
      return INVALID_PASSWORD.equals(e.getSQLState());
    }
  }

  private static boolean accepts(Endpoint endpoint, TestRole role) {
    try {
      endpoint.jdbc(role.user(), role.password(), endpoint.database()).close();
      return true;
    } catch (SQLException e) {
      return false;
    }
  }
}
