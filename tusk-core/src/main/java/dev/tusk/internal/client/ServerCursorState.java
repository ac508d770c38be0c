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

  // A cursor of an async transaction block, whose statements its owner thread queues inside it.
  private boolean ofBlock;
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

  // Whether the current declaration is read through a protocol portal (Bind into a portal of the
  // cursor's name, then Execute per batch) rather than declared by DECLARE and read by FETCH; its
  // description (with the formats its Bind chose); whether an Execute has reached its end.
  private boolean viaPortal;
  private RowDescription portalColumns;
  private boolean portalEnded;

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

  /**
   * Makes this the cursor of an async transaction block: its statements run inside the block, which
   * another thread (the block's owner) holds, so the session cannot tell this thread so.
   */
  ServerCursorState<R> ofTransactionBlock() {
    ofBlock = true;
    return this;
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

  /** The timeout of {@code query}'s declaration (its own, else the connection's). */
  Duration timeout(Query query) {
    return statements.timeout(query);
  }

  // ---- statements ----

  /** The longest portal name the server keeps whole (NAMEDATALEN - 1 bytes). */
  private static final int LONGEST_PORTAL_NAME = 63;

  /**
   * Whether {@code execute} now reads the cursor through a protocol portal: a cursor neither
   * scrollable nor held, declared where this connection runs statements in a transaction block. A
   * FETCH is a utility statement, whose rows the server first stores in a tuplestore and then
   * sends; an Execute of a portal streams them from the executor, ending each batch with
   * PortalSuspended. A portal scans forward only (as NO SCROLL) and ends with its transaction, so
   * SCROLL and WITH HOLD keep DECLARE, and so does autocommit, where DECLARE's own error names the
   * remedy.
   */
  boolean opensPortal() {
    return !withHold
        && !Boolean.TRUE.equals(scrollable)
        && name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= LONGEST_PORTAL_NAME
        && statementsRunInTransaction();
  }

  /**
   * Whether a statement queued now runs in a transaction block. Without the session (another
   * thread's block holds it), a statement queued now runs after that block, outside it.
   */
  private boolean statementsRunInTransaction() {
    if (ofBlock || !connection.autocommit()) {
      return true;
    }
    if (!session.tryAcquireExclusive()) {
      return false;
    }
    try {
      return connection.statementsRunInTransaction();
    } finally {
      session.releaseExclusive();
    }
  }

  /** The query to bind into the cursor's portal, with positional parameters. */
  Statements.Bound portalQuery(Query query, Object[] params) {
    checkOpen();
    return statements.bind(query, params, scope());
  }

  /** The query to bind into the cursor's portal, with {@code :name} parameters. */
  Statements.Bound portalQuery(Query query, Map<String, ?> params) {
    checkOpen();
    return statements.bind(query, params, scope());
  }

  /** The portal's name on the wire: the name as given, which SQL reaches quoted. */
  String portalName() {
    return name;
  }

  /**
   * Takes in an opened portal. Raises when no transaction block held it (the request's Sync ended
   * the implicit transaction, and the portal with it) and when the statement returns no rows
   * (DECLARE takes only queries); in the second case the portal is there, for {@link #closing()}.
   */
  void opened(Query query, ServerCursorRequests.Opened opened) {
    if (opened.transactionStatus() == 'I') {
      throw failed(ServerCursorErrors.needsTransaction(name, null), true);
    }
    RowDescription fields = opened.step().results().get(0).description();
    take(query, fields, "DECLARE CURSOR");
    viaPortal = true;
    portalColumns = fields;
    portalEnded = false;
    if (fields == null) {
      throw failed(
          new ProgrammingError(
              "server cursor \""
                  + name
                  + "\" needs a query that returns rows (SELECT, VALUES, TABLE,"
                  + " or a statement with RETURNING); run other statements with a cursor()"),
          true);
    }
  }

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
   * What {@code attach} sends: the describing FETCH alone, for a cursor that exists on the server
   * already (opened by a function returning a refcursor, or DECLARE sent as SQL).
   */
  List<Statements.Bound> attachment() {
    checkOpen();
    return List.of(describe());
  }

  /**
   * Takes in an attached cursor: read by FETCH, held or not as {@link #withHold()} says (the server
   * does not tell); its position counts from here.
   */
  void attached(List<StatementStep> steps) {
    StatementResult described = steps.get(0).results().get(0);
    take(null, described.description(), described.commandTag());
    viaPortal = false;
  }

  /** Takes in a failed attach: no cursor of that name is open, said so; the cursor is closed. */
  TuskException attachFailed(TuskException error) {
    TuskException raised =
        error instanceof InvalidCursorName ? ServerCursorErrors.notOpen(name, error) : error;
    closed = true;
    closedBy = raised;
    return raised;
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
    take(query, described.description(), steps.get(0).results().get(0).commandTag());
    viaPortal = false;
  }

  /** Starts a new declaration with these columns (null: none) and status. */
  private void take(Query query, RowDescription fields, String status) {
    declared = true;
    declaredWithHold = withHold;
    declaredInTransaction = connection.transactionsEnded();
    declaredQuery = query;
    RowDescription.Field[] fieldList =
        fields == null ? new RowDescription.Field[0] : fields.fields();
    columnTypes = new int[fieldList.length];
    for (int i = 0; i < columnTypes.length; i++) {
      columnTypes[i] = fieldList[i].typeOid();
    }
    basis = fields;
    columns = fields == null ? null : ResultColumns.of(fields, scope());
    description = columns == null ? List.of() : columns.columns();
    maker = null;
    rowNumber = 0;
    rowCount = -1;
    statusMessage = status;
  }

  /** Whether the current declaration is read through a protocol portal. */
  boolean viaPortal() {
    return viaPortal;
  }

  /** Whether an Execute of the portal has reached its end: nothing is left to fetch. */
  boolean portalEnded() {
    return viaPortal && portalEnded;
  }

  /** An Execute of the cursor's portal for {@code count} rows (below 0: all that remain). */
  StatementStep portalFetch(int count) {
    checkDeclared();
    checkTransaction();
    // Not Execute's 0 ("all"): an Execute for all rows at the portal's start marks it to run only
    // once, and a later Execute of it would then be refused.
    return StatementStep.fetch(name, portalColumns, count < 0 ? Integer.MAX_VALUE : count);
  }

  /**
   * The rows an Execute of the portal returned; advances the position. The status is the words a
   * FETCH of as many rows would have had ({@code FETCH n}): the server sends no tag for a portal
   * suspended at its row limit, and the cursor's status should not depend on how it is read.
   */
  List<R> fetchedFromPortal(StatementStep step) {
    StatementResult result = step.results().get(0);
    List<R> made = make(result);
    portalEnded = !result.isSuspended();
    rowCount = made.size();
    statusMessage = "FETCH " + made.size();
    return made;
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
    List<R> made = make(result);
    rowCount = result.rowCount();
    statusMessage = result.commandTag();
    return made;
  }

  /** A result's rows made by the row factory; advances the position. */
  private List<R> make(StatementResult result) {
    List<DataRow> rows = result.rows();
    ResultColumns decoding = columnsFor(result.description());
    if (maker == null) {
      maker = rowFactory.maker(description);
    }
    List<R> made = new ArrayList<>(rows.size());
    for (DataRow row : rows) {
      made.add(ResultRow.make(maker, row, decoding));
    }
    rowNumber += rows.size();
    return made;
  }

  /**
   * One row of a streamed Execute of the portal, made by the row factory; advances the position.
   */
  R fromPortal(DataRow row) {
    ResultColumns decoding = columnsFor(portalColumns);
    if (maker == null) {
      maker = rowFactory.maker(description);
    }
    rowNumber++;
    return ResultRow.make(maker, row, decoding);
  }

  /**
   * Takes in the end of a streamed Execute of the portal that returned {@code rows} rows, of which
   * {@code dropped} were never handed out (an iteration left part way): the position counts them,
   * as the server's does.
   */
  void portalBatchEnded(StatementStep step, int rows, int dropped) {
    rowNumber += dropped;
    portalEnded = !step.results().get(0).isSuspended();
    rowCount = rows;
    statusMessage = "FETCH " + rows;
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
    // A MOVE may go back from the end (a forward-only portal refuses that itself).
    portalEnded = false;
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
