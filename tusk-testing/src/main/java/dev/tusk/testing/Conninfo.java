package dev.tusk.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads and writes libpq connection strings: {@code key=value} pairs and {@code postgresql://}
 * URIs. Only what this module needs: one host, no {@code service} files, no defaults.
 */
final class Conninfo {

  private static final Pattern BARE_VALUE = Pattern.compile("[A-Za-z0-9_./:@+,-]+");

  private Conninfo() {}

  /**
   * Parses {@code text} into keywords and values, in order. Messages never quote the text: it may
   * hold a password.
   */
  static Map<String, String> parse(String text) {
    String trimmed = text.strip();
    if (trimmed.startsWith("postgresql://") || trimmed.startsWith("postgres://")) {
      return parseUri(trimmed.substring(trimmed.indexOf("://") + 3));
    }
    return parsePairs(trimmed);
  }

  /** Writes {@code params} as {@code key=value} pairs, quoting values that need it. */
  static String format(Map<String, String> params) {
    StringBuilder out = new StringBuilder();
    params.forEach(
        (key, value) -> {
          if (!out.isEmpty()) {
            out.append(' ');
          }
          out.append(key).append('=').append(quote(value));
        });
    return out.toString();
  }

  private static String quote(String value) {
    if (BARE_VALUE.matcher(value).matches()) {
      return value;
    }
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private static Map<String, String> parsePairs(String text) {
    Map<String, String> params = new LinkedHashMap<>();
    int i = skipSpaces(text, 0);
    while (i < text.length()) {
      int equals = text.indexOf('=', i);
      if (equals < 0) {
        throw new IllegalArgumentException("connection string: a keyword lacks '=' and a value");
      }
      String key = text.substring(i, equals).strip();
      if (key.isEmpty() || key.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("connection string: malformed keyword");
      }
      StringBuilder value = new StringBuilder();
      i = readValue(text, skipSpaces(text, equals + 1), value);
      params.put(key, value.toString());
      i = skipSpaces(text, i);
    }
    return params;
  }

  /** Reads one value (bare, or single-quoted with backslash escapes); returns the index after. */
  private static int readValue(String text, int start, StringBuilder value) {
    boolean quoted = start < text.length() && text.charAt(start) == '\'';
    int i = quoted ? start + 1 : start;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (quoted ? c == '\'' : Character.isWhitespace(c)) {
        return quoted ? i + 1 : i;
      }
      if (c == '\\' && i + 1 < text.length()) {
        c = text.charAt(++i);
      }
      value.append(c);
      i++;
    }
    if (quoted) {
      throw new IllegalArgumentException("connection string: unterminated quoted value");
    }
    return i;
  }

  private static int skipSpaces(String text, int from) {
    int i = from;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static Map<String, String> parseUri(String rest) {
    Map<String, String> params = new LinkedHashMap<>();
    int query = rest.indexOf('?');
    String beforeQuery = query < 0 ? rest : rest.substring(0, query);
    int slash = beforeQuery.indexOf('/');
    String authority = slash < 0 ? beforeQuery : beforeQuery.substring(0, slash);
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      String userInfo = authority.substring(0, at);
      int colon = userInfo.indexOf(':');
      putDecoded(params, "user", colon < 0 ? userInfo : userInfo.substring(0, colon));
      if (colon >= 0) {
        putDecoded(params, "password", userInfo.substring(colon + 1));
      }
    }
    parseHostPort(authority.substring(at + 1), params);
    if (slash >= 0) {
      putDecoded(params, "dbname", beforeQuery.substring(slash + 1));
    }
    if (query >= 0) {
      for (String pair : rest.substring(query + 1).split("&")) {
        int equals = pair.indexOf('=');
        if (equals < 0) {
          throw new IllegalArgumentException("connection URI: a query parameter lacks '='");
        }
        putDecoded(params, decode(pair.substring(0, equals)), pair.substring(equals + 1));
      }
    }
    return params;
  }

  private static void parseHostPort(String hostPort, Map<String, String> params) {
    if (hostPort.indexOf(',') >= 0) {
      throw new IllegalArgumentException("connection URI: only one host is supported here");
    }
    int portColon;
    if (hostPort.startsWith("[")) {
      int close = hostPort.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("connection URI: unterminated [IPv6 address]");
      }
      putDecoded(params, "host", hostPort.substring(1, close));
      portColon = hostPort.indexOf(':', close);
    } else {
      portColon = hostPort.indexOf(':');
      putDecoded(params, "host", portColon < 0 ? hostPort : hostPort.substring(0, portColon));
    }
    if (portColon >= 0) {
      putDecoded(params, "port", hostPort.substring(portColon + 1));
    }
  }

  private static void putDecoded(Map<String, String> params, String key, String encoded) {
    if (!encoded.isEmpty()) {
      params.put(key, decode(encoded));
    }
  }

  /** Percent-decoding as libpq does it: {@code +} stays a plus sign. */
  private static String decode(String encoded) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%') {
        if (i + 2 >= encoded.length()) {
          throw new IllegalArgumentException("connection URI: truncated percent-encoding");
        }
        int high = Character.digit(encoded.charAt(i + 1), 16);
        int low = Character.digit(encoded.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          throw new IllegalArgumentException("connection URI: invalid percent-encoding");
        }
        bytes.write(high << 4 | low);
        i += 2;
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
