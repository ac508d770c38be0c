package dev.tusk.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;

/**
 * What a statement and a result set share: the chain of warnings (the server's notices) that
 * arrived while it ran or read, and its fetch size.
 */
abstract class FetchingObject {

  final WarningChain warnings;
  private int fetchSize;

  FetchingObject(WarningChain warnings, int fetchSize) {
    this.warnings = warnings;
    this.fetchSize = fetchSize;
  }

  abstract void checkOpen() throws SQLException;

  /** The fetch size, without the open check of {@link #getFetchSize()}. */
  final int fetchSize() {
    return fetchSize;
  }

  public SQLWarning getWarnings() throws SQLException {
    checkOpen();
    return warnings.first();
  }

  public void clearWarnings() throws SQLException {
    checkOpen();
    warnings.clear();
  }

  /**
   * With {@code rows > 0}, the rows of a {@code TYPE_FORWARD_ONLY} result set are read from the
   * server as it moves forward, about {@code rows} held at once, in autocommit mode too; 0 (the
   * default, unless {@code defaultRowFetchSize} says otherwise) receives every row before {@code
   * execute} returns. On a statement it applies from the next execution; on a result set it is only
   * a hint.
   */
  public void setFetchSize(int rows) throws SQLException {
    checkOpen();
    if (rows < 0) {
      throw new SQLException("fetch size cannot be negative: " + rows, "HY024");
    }
    fetchSize = rows;
  }

  public int getFetchSize() throws SQLException {
    checkOpen();
    return fetchSize;
  }

  /** Rows are always read forward: scrolling moves over rows already received. */
  public int getFetchDirection() throws SQLException {
    checkOpen();
    return ResultSet.FETCH_FORWARD;
  }
}
