package dev.tusk.internal.conninfo;

import dev.tusk.errors.ProgrammingError;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses libpq's URI form, {@code
 * postgresql://[user[:password]@][host][:port][,host[:port]...][/dbname][?key=value&...]}, into
 * keyword values. Every part is percent-decoded; an IPv6 address goes in brackets; a socket
 * directory is given percent-encoded ({@code %2Fvar%2Frun%2Fpostgresql}) or as {@code ?host=}.
 * Query parameters are applied last, so they override the other parts.
 *
 * <p>Unlike libpq, the user information ends at the last {@code @} before the path, so an unencoded
 * {@code @} in a password still works.
 */
final class UriParser {

  private static final List<String> PREFIXES = List.of("postgresql://", "postgres://");

  private UriParser() {}

  /** Whether {@code text} is a URI rather than {@code keyword=value} settings. */
  static boolean isUri(String text) {
    return PREFIXES.stream().anyMatch(text::startsWith);
  }

  /** Adds every setting of the URI {@code text} to {@code options}. */
  static void parse(String text, Options options) {
    String prefix = PREFIXES.stream().filter(text::startsWith).findFirst().orElseThrow();
    String rest = text.substring(prefix.length());
    int authorityEnd = indexOfAny(rest, "/?");
    String authority = rest.substring(0, authorityEnd);
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      userInfo(authority.substring(0, at), options);
    }
    hosts(authority.substring(at + 1), options);
    String path = rest.substring(authorityEnd);
    int query = path.indexOf('?');
    String database = query < 0 ? path : path.substring(0, query);
    if (database.length() > 1) {
      options.put(
          "dbname", PercentDecoding.decode(database.substring(1), "the database name of the URI"));
    }
    if (query >= 0) {
      QueryParameters.parse(path.substring(query + 1), options);
    }
  }

  private static void userInfo(String userInfo, Options options) {
    int colon = userInfo.indexOf(':');
    String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
    putIfPresent(options, "user", PercentDecoding.decode(user, "the user name of the URI"));
    if (colon >= 0) {
      String password = userInfo.substring(colon + 1);
      putIfPresent(options, "password", PercentDecoding.decode(password, "the URI's password"));
    }
  }

  /** Turns {@code a:1,[::1]:2,b} into {@code host=a,::1,b} and {@code port=1,2,}. */
  private static void hosts(String hostList, Options options) {
    List<String> hosts = new ArrayList<>();
    List<String> ports = new ArrayList<>();
    for (String entry : splitHostList(hostList)) {
      String port;
      if (entry.startsWith("[")) {
        int close = entry.indexOf(']');
        if (close < 0 || close + 1 < entry.length() && entry.charAt(close + 1) != ':') {
          throw new ProgrammingError(
              "invalid IPv6 address in the connection URI: expected [address] or [address]:port");
        }
        hosts.add(PercentDecoding.decode(entry.substring(1, close), "a host of the URI"));
        port = close + 1 < entry.length() ? entry.substring(close + 2) : "";
      } else {
        int colon = entry.indexOf(':');
        String host = colon < 0 ? entry : entry.substring(0, colon);
        hosts.add(PercentDecoding.decode(host, "the host \"" + host + "\" of the URI"));
        port = colon < 0 ? "" : entry.substring(colon + 1);
      }
      ports.add(checkedPort(port));
    }
    if (hosts.stream().anyMatch(h -> !h.isEmpty())) {
      options.put("host", String.join(",", hosts));
    }
    if (ports.stream().anyMatch(p -> !p.isEmpty())) {
      options.put("port", String.join(",", ports));
    }
  }

  /**
   * Requires digits: anything else is echoed nowhere, because it is usually a password whose
   * unencoded {@code /}, {@code ?} or {@code #} cut the URI short.
   */
  private static String checkedPort(String port) {
    String decoded = PercentDecoding.decode(port, "a port of the URI");
    if (!decoded.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new ProgrammingError(
          "invalid port in the connection URI: expected a number from 1 to 65535 after the host"
              + " (percent-encode \"/\", \"?\" and \"@\" in a user name or password)");
    }
    return decoded;
  }

  /** Splits at commas outside brackets. */
  private static List<String> splitHostList(String hostList) {
    List<String> entries = new ArrayList<>();
    int start = 0;
    boolean inBrackets = false;
    for (int i = 0; i < hostList.length(); i++) {
      char c = hostList.charAt(i);
      inBrackets = c == '[' || (inBrackets && c != ']');
      if (c == ',' && !inBrackets) {
        entries.add(hostList.substring(start, i));
        start = i + 1;
      }
    }
    entries.add(hostList.substring(start));
    return entries;
  }

  private static void putIfPresent(Options options, String keyword, String value) {
    if (!value.isEmpty()) {
      options.put(keyword, value);
    }
  }

  private static int indexOfAny(String text, String characters) {
    for (int i = 0; i < text.length(); i++) {
      if (characters.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return text.length();
  }
}
