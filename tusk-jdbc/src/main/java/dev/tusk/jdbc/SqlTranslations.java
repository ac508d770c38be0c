package dev.tusk.jdbc;

import java.sql.SQLSyntaxErrorException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JDBC texts a connection has translated ({@link JdbcSql#translate}), kept so that preparing
 * the same SQL again, as a pool's borrower does on every loan, neither scans it again nor makes a
 * new string: the same translated instance then finds Tusk's statement cache entry by identity.
 * pgjdbc keeps its parsed queries per connection for the same reason. Bounded in count (when full
 * it starts over, which costs only a translation per text) and in size (a text longer than {@link
 * #MAX_LENGTH} is translated each time, so the cache never holds much memory). Safe for the threads
 * sharing a connection.
 */
final class SqlTranslations {

  /** Texts kept, as pgjdbc's {@code preparedStatementCacheQueries} default. */
  static final int CAPACITY = 256;

  /** The longest text kept, in chars. */
  static final int MAX_LENGTH = 4096;

  private final Map<String, JdbcSql> translated = new ConcurrentHashMap<>();

  /** {@code jdbcSql} translated; an escape that is not closed is a syntax error, never kept. */
  JdbcSql translate(String jdbcSql) throws SQLSyntaxErrorException {
    JdbcSql known = translated.get(jdbcSql);
    if (known != null) {
      return known;
    }
    JdbcSql fresh = JdbcSql.translate(jdbcSql);
    if (jdbcSql.length() > MAX_LENGTH) {
      return fresh;
    }
    if (translated.size() >= CAPACITY) {
      translated.clear();
    }
    JdbcSql raced = translated.putIfAbsent(jdbcSql, fresh);
    return raced != null ? raced : fresh;
  }

  /** How many texts are kept now. */
  int size() {
    return translated.size();
  }
}
