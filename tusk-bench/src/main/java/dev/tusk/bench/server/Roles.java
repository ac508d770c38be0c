package dev.tusk.bench.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;

/**
 * Sets up the embedded server's logins: a trust role owning the benchmark database, a role with a
 * SCRAM-SHA-256 password, and a {@code pg_hba.conf} rewritten and reloaded to match.
 */
final class Roles {

  static final String DATABASE = "bench";
  static final String TRUST_USER = "bench_trust";
  static final String SCRAM_USER = "bench_scram";

  private Roles() {}

  /** Creates the roles and database as the bootstrap superuser and returns the endpoint. */
  static Endpoint create(String host, int port) throws Exception {
    String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    String superuserUrl = "jdbc:postgresql://" + host + ":" + port + "/postgres?user=postgres";
    try (Connection connection = DriverManager.getConnection(superuserUrl);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE ROLE " + TRUST_USER + " LOGIN");
      // DDL takes no parameters; the password is hex, so it cannot break out of the literal
      statement.execute("CREATE ROLE " + SCRAM_USER + " LOGIN PASSWORD '" + password + "'");
      statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + TRUST_USER);
      rewriteHba(statement);
    }
    Login trust = new Login(TRUST_USER, null);
    Login scram = new Login(SCRAM_USER, password);
    Endpoint endpoint =
        new Endpoint(
            host, port, DATABASE, trust, Map.of(Auth.SCRAM_SHA_256, scram, Auth.TRUST, trust));
    checkScramEnforced(endpoint, scram);
    return endpoint;
  }

  private static void rewriteHba(Statement statement) throws Exception {
    Path hba = Path.of(single(statement, "SHOW hba_file"));
    Files.writeString(
        hba,
        """
        # Written by the Tusk benchmark: first matching line wins.
        local all  all                       trust
        host  all  %s  127.0.0.1/32  scram-sha-256
        host  all  all                127.0.0.1/32  trust
        """
            .formatted(SCRAM_USER));
    statement.execute("SELECT pg_reload_conf()");
    String errors =
        single(statement, "SELECT count(*) FROM pg_hba_file_rules WHERE error IS NOT NULL");
    if (!"0".equals(errors)) {
      throw new IllegalStateException("the rewritten pg_hba.conf has " + errors + " bad line(s)");
    }
  }

  /** A wrong password must fail, or the SCRAM cells would measure trust. */
  private static void checkScramEnforced(Endpoint endpoint, Login scram) throws SQLException {
    Login wrong = new Login(scram.user(), scram.password() + "x");
    try (Connection ignored =
        DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.jdbcProperties(wrong))) {
      throw new IllegalStateException("the server accepted a wrong SCRAM password");
    } catch (SQLException expected) {
      if (!"28P01".equals(expected.getSQLState())) {
        throw expected;
      }
    }
    try (Connection ok =
        DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.jdbcProperties(scram))) {
      ok.isValid(5);
    }
  }

  private static String single(Statement statement, String sql) throws SQLException {
    try (ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getString(1);
    }
  }
}
