package dev.tusk.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Where the test server listens over TCP and how its superuser logs in; writes conninfo strings for
 * Tusk and opens JDBC connections (pgjdbc) for the setup work that must not depend on Tusk.
 *
 * @param extras further conninfo keywords from {@code TUSK_TEST_URL} (e.g. {@code sslmode}), passed
 *     on to every conninfo
 */
record Endpoint(
    String host,
    int port,
    String database,
    String superuser,
    String superuserPassword,
    Map<String, String> extras) {

  private static final int DEFAULT_PORT = 5432;
  private static final String CONNECT_TIMEOUT_SECONDS = "10";

  /** The conninfo keywords pgjdbc understands under the same name and meaning. */
  private static final List<String> JDBC_KEYWORDS = List.of("sslmode", "options");

  /**
   * Reads a libpq URI or {@code key=value} string naming one TCP host. Missing parts default as in
   * libpq: host {@code localhost}, port 5432, user the OS user, database the user name.
   */
  static Endpoint parse(String conninfo) {
    Map<String, String> params = new LinkedHashMap<>(Conninfo.parse(conninfo));
    String host = params.getOrDefault("host", "localhost");
    params.remove("host");
    if (host.startsWith("/")) {
      throw new IllegalArgumentException(
          "TUSK_TEST_URL must name a TCP host, not a Unix-socket directory");
    }
    String port = params.remove("port");
    String user = params.getOrDefault("user", System.getProperty("user.name"));
    params.remove("user");
    String password = params.remove("password");
    String database = params.getOrDefault("dbname", user);
    params.remove("dbname");
    return new Endpoint(
        host,
        port == null ? DEFAULT_PORT : parsePort(port),
        database,
        user,
        password,
        Collections.unmodifiableMap(params));
  }

  private static int parsePort(String port) {
    try {
      return Integer.parseInt(port);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("TUSK_TEST_URL: port is not a number: " + port, e);
    }
  }

  /** A {@code key=value} conninfo for {@code user} (and {@code password} unless null). */
  String conninfo(String user, String password) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("host", host);
    params.put("port", Integer.toString(port));
    params.put("dbname", database);
    params.put("user", user);
    if (password != null) {
      params.put("password", password);
    }
    params.putAll(extras);
    return Conninfo.format(params);
  }

  /** Opens a JDBC connection as {@code user} to {@code database}. */
  Connection jdbc(String user, String password, String database) throws SQLException {
    String address = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    String url =
        "jdbc:postgresql://"
            + address
            + ":"
            + port
            + "/"
            + URLEncoder.encode(database, StandardCharsets.UTF_8);
    Properties properties = new Properties();
    properties.setProperty("user", user);
    if (password != null) {
      properties.setProperty("password", password);
    }
    for (String keyword : JDBC_KEYWORDS) {
      if (extras.containsKey(keyword)) {
        properties.setProperty(keyword, extras.get(keyword));
      }
    }
    properties.setProperty("connectTimeout", CONNECT_TIMEOUT_SECONDS);
    return DriverManager.getConnection(url, properties);
  }

  /** Opens a JDBC connection as the superuser to the default database. */
  Connection superuserJdbc() throws SQLException {
    return jdbc(superuser, superuserPassword, database);
  }

  /** Everything but the password. */
  @Override
  public String toString() {
    return "Endpoint[" + superuser + "@" + host + ":" + port + "/" + database + "]";
  }
}
