package dev.tusk.jdbc;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Parses {@code jdbc:tusk:postgresql://host[:port][,host[:port]...][/database][?key=value&...]}
 * (also {@code jdbc:tusk:postgresql:database} and {@code jdbc:tusk:postgresql:/}) into properties:
 * {@code host}, {@code port} and {@code dbname} from the authority and path, and each query
 * parameter under its own name, percent-decoded. An IPv6 host is written in brackets.
 */
final class JdbcUrl {

  /** The only prefix this driver accepts, so that it and pgjdbc coexist on one class path. */
  static final String PREFIX = "jdbc:tusk:postgresql:";

  private JdbcUrl() {}

  /** Whether {@code url} is one of this driver's. */
  static boolean accepts(String url) {
    return url != null && url.startsWith(PREFIX);
  }

  /**
   * The URL's settings, over {@code defaults} (the caller's Properties): a setting in the URL wins,
   * as with pgjdbc.
   */
  static Properties parse(String url, Properties defaults) throws SQLException {
    Properties result = new Properties();
    if (defaults != null) {
      defaults.forEach((key, value) -> result.put(String.valueOf(key), String.valueOf(value)));
    }
    String rest = url.substring(PREFIX.length());
    int question = rest.indexOf('?');
    String query = question < 0 ? "" : rest.substring(question + 1);
    String location = question < 0 ? rest : rest.substring(0, question);
    if (location.startsWith("//")) {
      int slash = location.indexOf('/', 2);
      String authority = slash < 0 ? location.substring(2) : location.substring(2, slash);
      String path = slash < 0 ? "" : location.substring(slash + 1);
      parseAuthority(authority, result);
      if (!path.isEmpty()) {
        result.setProperty("dbname", decode(path, "the database name"));
      }
    } else if (!location.isEmpty() && !location.equals("/")) {
      result.setProperty("dbname", decode(location, "the database name"));
    }
    parseQuery(query, result);
    return result;
  }

  private static void parseAuthority(String authority, Properties result) throws SQLException {
    if (authority.isEmpty()) {
      return;
    }
    if (authority.contains("@")) {
      throw new SQLException(
          "put the user and password in the user= and password= properties, not before '@' in"
              + " the URL",
          "08001");
    }
    List<String> hosts = new ArrayList<>();
    List<String> ports = new ArrayList<>();
    for (String hostPort : authority.split(",", -1)) {
      splitHostPort(hostPort, hosts, ports);
    }
    result.setProperty("host", String.join(",", hosts));
    if (ports.stream().anyMatch(p -> !p.isEmpty())) {
      result.setProperty("port", String.join(",", ports));
    }
  }

  private static void splitHostPort(String hostPort, List<String> hosts, List<String> ports)
      throws SQLException {
    String host;
    String port = "";
    if (hostPort.startsWith("[")) {
      int close = hostPort.indexOf(']');
      if (close < 0) {
        throw new SQLException("unclosed '[' in the URL's host \"" + hostPort + "\"", "08001");
      }
      host = hostPort.substring(1, close);
      String after = hostPort.substring(close + 1);
      if (after.startsWith(":")) {
        port = after.substring(1);
      } else if (!after.isEmpty()) {
        throw new SQLException("unexpected \"" + after + "\" after an IPv6 host", "08001");
      }
    } else {
      int colon = hostPort.lastIndexOf(':');
      host = colon < 0 ? hostPort : hostPort.substring(0, colon);
      port = colon < 0 ? "" : hostPort.substring(colon + 1);
    }
    if (!port.isEmpty() && !port.chars().allMatch(Character::isDigit)) {
      throw new SQLException("the port \"" + port + "\" in the URL is not a number", "08001");
    }
    hosts.add(host.isEmpty() ? "localhost" : decode(host, "a host"));
    ports.add(port);
  }

  private static void parseQuery(String query, Properties result) throws SQLException {
    if (query.isEmpty()) {
      return;
    }
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String key = decode(equals < 0 ? pair : pair.substring(0, equals), "a property name");
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1), "the value of " + key);
      result.setProperty(key, value);
    }
  }

  private static String decode(String text, String what) throws SQLException {
    try {
      return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // The message would repeat the text, which may be a password: name only what it was.
      throw new SQLException("bad percent-encoding in " + what + " of the URL", "08001");
    }
  }
}
