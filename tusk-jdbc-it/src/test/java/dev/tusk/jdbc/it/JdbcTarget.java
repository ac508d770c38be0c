package dev.tusk.jdbc.it;

import dev.tusk.jdbc.TuskDataSource;
import dev.tusk.testing.TestSchema;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The test server as tusk-jdbc sees it: the class schema's libpq conninfo (host, port, database,
 * superuser, password if any, search_path) as driver properties, which take libpq keywords.
 */
final class JdbcTarget {

  static final String URL = "jdbc:tusk:postgresql:/";

  private JdbcTarget() {}

  /** The conninfo of {@code schema} as properties (later keywords win, as in libpq). */
  static Properties properties(TestSchema schema) {
    return properties(schema.conninfo());
  }

  /** A libpq conninfo string as properties. */
  static Properties properties(String text) {
    Properties properties = new Properties();
    int i = 0;
    while (i < text.length()) {
      while (i < text.length() && text.charAt(i) == ' ') {
        i++;
      }
      if (i >= text.length()) {
        break;
      }
      int equals = text.indexOf('=', i);
      String key = text.substring(i, equals).strip();
      i = equals + 1;
      StringBuilder value = new StringBuilder();
      boolean quoted = i < text.length() && text.charAt(i) == '\'';
      if (quoted) {
        i++;
      }
      while (i < text.length()) {
        char c = text.charAt(i);
        if (c == '\\' && i + 1 < text.length()) {
          value.append(text.charAt(i + 1));
          i += 2;
        } else if (quoted ? c == '\'' : c == ' ') {
          i++;
          break;
        } else {
          value.append(c);
          i++;
        }
      }
      properties.setProperty(key, value.toString());
    }
    return properties;
  }

  /** A new connection through {@link DriverManager}, as an application would open one. */
  static Connection connect(TestSchema schema) throws SQLException {
    return DriverManager.getConnection(URL, properties(schema));
  }

  /** A data source configured with the schema's properties. */
  static TuskDataSource dataSource(TestSchema schema) {
    TuskDataSource dataSource = new TuskDataSource();
    properties(schema).forEach((k, v) -> dataSource.setProperty((String) k, (String) v));
    return dataSource;
  }
}
