package dev.tusk.internal.conninfo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One {@code hostname:port:database:username:password} line of a password file, unescaped. The
 * password ends at the next unescaped colon, as in libpq.
 *
 * @param fields the four match fields; null stands for the wildcard {@code *}
 * @param password the password, possibly empty
 */
record PassfileLine(List<String> fields, String password) {

  private static final int MATCH_FIELDS = 4;

  /** The line's fields, or empty if it has fewer than five. */
  static Optional<PassfileLine> parse(String line) {
    List<String> fields = new ArrayList<>(MATCH_FIELDS);
    StringBuilder field = new StringBuilder();
    boolean escaped = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        field.append(line.charAt(++i));
        escaped = true;
      } else if (c != ':') {
        field.append(c);
      } else if (fields.size() == MATCH_FIELDS) {
        break;
      } else {
        fields.add(wildcardOrText(field, escaped));
        field.setLength(0);
        escaped = false;
      }
    }
    return fields.size() < MATCH_FIELDS
        ? Optional.empty()
        : Optional.of(new PassfileLine(Collections.unmodifiableList(fields), field.toString()));
  }

  /** Whether this line applies to a connection to {@code host} as {@code user}. */
  boolean matches(HostPort host, String database, String user) {
    String hostField = fields.get(0);
    boolean hostMatches =
        hostField == null
            || hostField.equals(host.host())
            || (host.isUnixSocket() && hostField.equals(HostList.DEFAULT_HOST));
    return hostMatches
        && matches(1, Integer.toString(host.port()))
        && matches(2, database)
        && matches(3, user);
  }

  private boolean matches(int index, String value) {
    String field = fields.get(index);
    return field == null || field.equals(value);
  }

  /** Null for an unescaped lone {@code *}: {@code \*} is a literal asterisk. */
  private static String wildcardOrText(StringBuilder field, boolean escaped) {
    return !escaped && field.length() == 1 && field.charAt(0) == '*' ? null : field.toString();
  }
}
