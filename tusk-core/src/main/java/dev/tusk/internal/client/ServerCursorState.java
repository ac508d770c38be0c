package dev.tusk.internal.client;

import dev.tusk.Column;
import dev.tusk.Query;
import dev.tusk.RowFactory;
import dev.tusk.RowMaker;
import dev.tusk.ServerCursor;
import dev.tusk.errors.InFailedSqlTransaction;
import dev.tusk.errors.InvalidCursorName;
import dev.tusk.errors.NoActiveSqlTransaction;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.errors.TuskException;
import dev.tusk.internal.codec.TypeScope;
import dev.tusk.internal.engine.Session;
import dev.tusk.internal.engine.StatementResult;
import dev.tusk.internal.engine.StatementStep;
import dev.tusk.internal.protocol.DataRow;
import dev.tusk.internal.protocol.RowDescription;
import dev.tusk.sql.Identifier;
import dev.tusk.sql.SqlContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a server cursor is, shared by its sync and async faces, which differ only in how they wait:
 * its name and options, the statements it sends (DECLARE, FETCH, MOVE, CLOSE, the name quoted by
 * {@link Identifier}), and what the server told it (columns, position, last count). A failed
 * statement closes it.
 */
final class ServerCursorState<R> {

  private final String name;
  private final String quotedName;
  private final Statements statements;
  private final ConnectionCore connection;
  private final Session session;
  private final CursorTypes types;
  private final RowFactory<R> rowFactory;

  private Boolean scrollable;
  private boolean withHold;
  private int itersize = ServerCursor.DEFAULT_ITERSIZE;

  // What the current declaration is; reset by each execute.
  private boolean declared;
  private boolean declaredWithHold;
  private long declaredInTransaction;
  private Query declaredQuery;
  private int[] columnTypes;
  private List<Column> description = List.of();
  private RowDescription basis;
  private ResultColumns columns;
  private RowMaker<R> maker;
  private long rowNumber = -1;
  private long rowCount = -1;
  private String statusMessage;

  private boolean closed;
  private TuskException closedBy;

  ServerCursorState(
      String name,
      Statements statements,
      ConnectionCore connection,
      TypeScope connectionTypes,
      RowFactory<R> rowFactory) {
    if (name == null) {
      throw new ProgrammingError("a server cursor needs a name; use cursor() for a client cursor");
    }
    this.types = new CursorTypes(connectionTypes);
    // Validates the name (not empty, no NUL) before anything is sent.
    this.quotedName = Identifier.of(name).asString(SqlContext.of(types.current()));
    this.name = name;
    this.statements = statements;
    this.connection = connection;
    this.session = connection.session();
    this.rowFactory = rowFactory;
  }

  String name() {
    return name;
  }

  CursorTypes types() {
    return types;
  }

  TypeScope scope() {
    return types.current();
  }

  Boolean scrollable() {
    return scrollable;
  }

  void scrollable(Boolean value) {
    scrollable = value;
  }

  boolean withHold() {
    return withHold;
  }

  void withHold(boolean value) {
    withHold = value;
  }

  int itersize() {
    return itersize;
  }

  void itersize(int rows) {
    if (rows < 1) {
      throw new ProgrammingError("itersize needs 1 or more rows, not " + rows);
    }
    itersize = rows;
  }

  long rowNumber() {
    return rowNumber;
  }

  long rowCount() {
    return rowCount;
  }

  String statusMessage() {
    return statusMessage;
  }

  List<Column> description() {
    return description;
  }

  boolean closed() {
    return closed;
  }

  /** The timeout of the declaring query, which applies to every statement of the cursor. */
  Duration timeout() {
    return statements.timeout(declaredQuery == null ? Query.of("") : declaredQuery);
  }

  // ---- statements ----

  /** DECLARE with positional parameters, and a FETCH of no rows that describes the columns. */
  List<Statements.Bound> declaration(Query query, Object[] params) {
    checkOpen();
    Query declare = declareQuery(query);
    return List.of(statements.bind(declare, params, scope()), describe());
  }

  /** DECLARE with {@code :name} parameters, and the describing FETCH. */
  List<Statements.Bound> declaration(Query query, Map<String, ?> params) {
    checkOpen();
    Query declare = declareQuery(query);
    return List.of(statements.bind(declare, params, scope()), describe());
  }

  private Query declareQuery(Query query) {
    StringBuilder sql = new StringBuilder("DECLARE ").append(quotedName);
    if (scrollable != null) {
      sql.append(scrollable ? " SCROLL" : " NO SCROLL");
    }
    sql.append(" CURSOR");
    if (withHold) {
      sql.append(" WITH HOLD");
    }
    sql.append(" FOR ").append(query.sql());
    return new Query(sql.toString(), query.prepare(), query.timeout());
  }

  /**
   * FETCH FORWARD 0 right after DECLARE returns no row and does not move (the cursor is before its
   * first row), but its RowDescription gives the columns, as psycopg's Describe of the portal does.
   */
  private Statements.Bound describe() {
    return statements.bindDescribed(
        Query.of("FETCH FORWARD 0 FROM " + quotedName), scope(), new int[0]);
  }

  /** Takes in a successful declaration: the columns from its describing FETCH. */
  void declared(Query query, List<StatementStep> steps) {
    StatementResult described = steps.get(1).results().get(0);
    RowDescription fields = described.description();
    declared = true;
    declaredWithHold = withHold;
    declaredInTransaction = connection.transactionsEnded();
    declaredQuery = query;
    columnTypes = new int[fields.fields().length];
    for (int i = 0; i < columnTypes.length; i++) {
      columnTypes[i] = fields.fields()[i].typeOid();
    }
    basis = fields;
    columns = ResultColumns.of(fields, scope());
    description = columns.columns();
    maker = null;
    rowNumber = 0;
    rowCount = -1;
    statusMessage = steps.get(0).results().get(0).commandTag();
  }

  /**
   * FETCH FORWARD {@code count} ({@code count} below 0: ALL), in formats chosen for the columns.
   */
  Statements.Bound fetch(int count) {
    checkDeclared();
    checkTransaction();
    String how = count < 0 ? "ALL" : Integer.toString(count);
    return statements.bindDescribed(
        Query.of("FETCH FORWARD " + how + " FROM " + quotedName), scope(), columnTypes);
  }

  /** The rows a FETCH returned, made by the row factory; advances the position. */
  List<R> fetched(List<StatementStep> steps) {
    StatementResult result = steps.get(0).results().get(0);
    List<DataRow> rows = result.rows();
    ResultColumns decoding = columnsFor(result.description());
    if (maker == null) {
      maker = rowFactory.maker(description);
    }
    List<R> made = new ArrayList<>(rows.size());
    for (DataRow row : rows) {
      made.add(maker.make(new ResultRow(decoding, row)));
    }
    rowNumber += rows.size();
    rowCount = result.rowCount();
    statusMessage = result.commandTag();
    return made;
  }

  /** The decoding columns for a FETCH's description: those of the last one when formats match. */
  private ResultColumns columnsFor(RowDescription fetchedFields) {
    if (fetchedFields == null) {
      throw new ProgrammingError("FETCH FROM " + quotedName + " returned no columns");
    }
    if (!sameFormats(basis, fetchedFields)) {
      basis = fetchedFields;
      columns = ResultColumns.of(fetchedFields, scope());
    }
    return columns;
  }

  private static boolean sameFormats(RowDescription a, RowDescription b) {
    RowDescription.Field[] left = a.fields();
    RowDescription.Field[] right = b.fields();
    if (left.length != right.length) {
      return false;
    }
    for (int i = 0; i < left.length; i++) {
      if (left[i].format() != right[i].format() || left[i].typeOid() != right[i].typeOid()) {
        return false;
      }
    }
    return true;
  }

  /** MOVE (relative) or MOVE ABSOLUTE. */
  Statements.Bound move(int value, ServerCursor.Scroll mode) {
    checkDeclared();
    checkTransaction();
    String how = mode == ServerCursor.Scroll.ABSOLUTE ? "ABSOLUTE " : "";
    return statements.bindDescribed(
        Query.of("MOVE " + how + value + " FROM " + quotedName), scope(), new int[0]);
  }

  /** Takes in a successful MOVE. */
  void moved(int value, ServerCursor.Scroll mode, List<StatementStep> steps) {
    StatementResult result = steps.get(0).results().get(0);
    rowNumber = mode == ServerCursor.Scroll.ABSOLUTE ? value : rowNumber + value;
    rowCount = result.rowCount();
    statusMessage = result.commandTag();
  }

  /**
   * The CLOSE to send for the current declaration, or null when the server cannot hold the cursor
   * any more (never declared, a cursor without hold whose transaction has ended) or cannot take a
   * statement now (in a failed transaction, which its rollback cleans up; a closed connection).
   * Forgets the declaration either way.
   */
  Statements.Bound closing() {
    boolean mayExist = declared && !session.isClosed();
    declared = false;
    if (!mayExist) {
      return null;
    }
    if (!declaredWithHold && connection.transactionsEnded() != declaredInTransaction) {
      // Its transaction has ended; a CLOSE could only fail, in a transaction begun since.
      return null;
    }
    if (session.isQuiet()) {
      char status = session.transactionStatus();
      if (status == 'E' || (status == 'I' && !declaredWithHold)) {
        return null;
      }
    }
    return statements.bindDescribed(Query.of("CLOSE " + quotedName), scope(), new int[0]);
  }

  /**
   * Whether an error of this cursor's CLOSE only says that there was nothing left to close: the
   * cursor was gone already, or the transaction failed (its rollback removes the cursor).
   */
  boolean closeFailureExpected(TuskException error) {
    return error instanceof InvalidCursorName
        || error instanceof InFailedSqlTransaction
        || session.isClosed();
  }

  /** Marks the cursor closed by the user. */
  void markClosed() {
    closed = true;
  }

  /**
   * Takes in a failed statement of this cursor: the cursor is closed, and the error to raise is
   * returned, reworded where the server's words do not name the remedy. The caller then sends
   * {@link #closing()}, if any: a held cursor outlives its failed statement as a failed portal.
   */
  TuskException failed(TuskException error, boolean declaring) {
    TuskException raised = explain(error, declaring);
    closed = true;
    closedBy = raised;
    return raised;
  }

  private TuskException explain(TuskException error, boolean declaring) {
    if (declaring && error instanceof NoActiveSqlTransaction) {
      return ServerCursorErrors.needsTransaction(name, error);
    }
    if (!declaring && !declaredWithHold && error instanceof InvalidCursorName) {
      return ServerCursorErrors.transactionEnded(name, error);
    }
    return error;
  }

  /**
   * Raises, without asking the server, when a cursor without hold is used after its transaction
   * ended through this connection's API: a FETCH would fail anyway, and with autocommit off it
   * would first open a new transaction and leave it aborted.
   */
  private void checkTransaction() {
    if (!declaredWithHold && connection.transactionsEnded() != declaredInTransaction) {
      declared = false;
      throw failed(ServerCursorErrors.transactionEnded(name, null), false);
    }
  }

  void checkOpen() {
    if (closed) {
      throw ServerCursorErrors.closed(name, closedBy);
    }
  }

  private void checkDeclared() {
    checkOpen();
    if (!declared) {
      throw new ProgrammingError(
          "server cursor \"" + name + "\" is not declared yet: call execute first");
    }
  }

  @Override
  public String toString() {
    return "ServerCursor[" + name + (closed ? ", closed" : "") + "]";
  }
}
