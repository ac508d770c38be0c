package dev.tusk;

import dev.tusk.sql.Composable;
import java.util.List;
import java.util.Map;

/**
 * A cursor that lives on the server (psycopg's {@code ServerCursor}), made by {@link
 * Connection#cursor(String)}: {@code execute} runs {@code DECLARE name CURSOR FOR query} (or binds
 * a portal, see below) with the query's parameters bound, and the rows stay on the server until
 * fetched. {@link #fetchOne()}, {@link #fetchMany(int)} and {@link #fetchAll()} each run one {@code
 * FETCH FORWARD n} (or one Execute of the portal); iterating (or {@link #stream()}) fetches {@link
 * #itersize()} rows at a time; {@link #scroll} runs {@code MOVE}. Between fetches the connection
 * serves other statements, and memory holds one batch at a time however large the result.
 *
 * <p><b>Portals.</b> A cursor that is neither {@link #scrollable(Boolean) scrollable(true)} nor
 * {@link #withHold(boolean) held}, declared inside a transaction, is read the way the protocol
 * reads a result in parts: {@code execute} binds the query into a portal of the cursor's name, and
 * each fetch is an Execute of it for so many rows, which the server streams from its executor
 * (where a {@code FETCH} statement first stores its rows, then sends them). The portal is a cursor
 * of that name for SQL too ({@code FETCH}, {@code MOVE}, {@code CLOSE}, {@code WHERE CURRENT OF});
 * it scans forward only, as {@code NO SCROLL}. See docs/server-cursors.md.
 *
 * <p><b>Transactions.</b> A cursor without {@link #withHold(boolean) withHold} exists only inside
 * the transaction that declares it: declare it inside {@link Connection#transaction()} (whose
 * thread then has the connection to itself) or with autocommit off. In autocommit mode, {@code
 * execute} of such a cursor raises {@link dev.tusk.errors.NoActiveSqlTransaction} naming both
 * remedies; Tusk does not open a transaction behind the caller's back, since that transaction would
 * take the shared connection from every other thread until the cursor is closed. A cursor {@code
 * withHold(true)} outlives the commit, also in autocommit mode (the server then computes the whole
 * result when the declaring statement commits), and lives until {@link #close()} or the end of the
 * session.
 *
 * <p><b>Errors.</b> A statement of the cursor that fails (a bad query, a FETCH that hits an error
 * part way, a fetch after the declaring transaction ended, a lost connection) raises the typed
 * error and closes the cursor: later calls raise {@link dev.tusk.errors.InterfaceError} naming that
 * error, and the server-side cursor is closed too where it can still exist. The transaction, if one
 * was open, is aborted as for any failed statement.
 *
 * <p>Not thread-safe, as any cursor. {@link #executeMany} is not supported (psycopg's neither).
 *
 * @param <R> the type of the rows, chosen by the cursor's {@link RowFactory}
 */
public interface ServerCursor<R> extends Cursor<R> {

  /** Rows fetched per round trip while iterating, unless {@link #itersize(int)} says otherwise. */
  int DEFAULT_ITERSIZE = 1000;

  /** How {@link #scroll(int, Scroll)} counts. */
  enum Scroll {
    /** From the current position: {@code MOVE n}. */
    RELATIVE,
    /** From before the first row: {@code MOVE ABSOLUTE n}. */
    ABSOLUTE
  }

  /** The cursor's name on the server, as given (it is quoted as an identifier in SQL). */
  String name();

  /**
   * Declares the cursor for {@code sql} with its {@code $n} parameters bound: {@code DECLARE name
   * [[NO] SCROLL] CURSOR [WITH HOLD] FOR sql}, or, for a cursor neither scrollable nor held in a
   * transaction, a Bind of {@code sql} into a portal of the cursor's name. A cursor declared before
   * by this object is closed first. Afterwards {@link #description()} gives the columns and {@link
   * #rowNumber()} is 0.
   */
  @Override
  ServerCursor<R> execute(String sql, Object... params);

  /** Like {@link #execute(String, Object...)}, with {@code :name} placeholders. */
  @Override
  ServerCursor<R> execute(String sql, Map<String, ?> params);

  /**
   * Like {@link #execute(String, Object...)}, with per-call options: the timeout applies to the
   * DECLARE and to every FETCH and MOVE of the cursor.
   */
  @Override
  ServerCursor<R> execute(Query query, Object... params);

  /** Like {@link #execute(Query, Object...)}, with {@code :name} placeholders. */
  @Override
  ServerCursor<R> execute(Query query, Map<String, ?> params);

  /**
   * Takes over a cursor that is already open on the server under this cursor's {@link #name()},
   * instead of declaring one: the cursor a function returning a {@code refcursor} opened (the
   * refcursor's value is its name), or one declared in SQL. It sends {@code FETCH FORWARD 0 FROM
   * name}, which moves nothing and describes the columns; the fetches, {@link #scroll} and {@link
   * #close()} then work as after {@code execute}, {@link #rowNumber()} counting from here. The
   * server does not say whether the cursor is held: set {@link #withHold(boolean) withHold(true)}
   * first for one declared {@code WITH HOLD}, so that it is still closed after a commit.
   *
   * <pre>{@code
   * try (Transaction tx = conn.transaction()) {
   *   String name = conn.execute("SELECT open_orders($1)", customer).fetchOne().getString(0);
   *   try (ServerCursor<Row> orders = conn.cursor(name).attach()) {
   *     for (Row order : orders) { ... }
   *   }
   *   tx.commit();
   * }
   * }</pre>
   *
   * @return this cursor
   * @throws dev.tusk.errors.InvalidCursorName when no cursor of that name is open in the session
   *     (cursors without hold end with their transaction: attach in the one that opened it)
   */
  ServerCursor<R> attach();

  /**
   * Declares the cursor for a composed statement; see {@link Cursor#execute(Composable,
   * Object...)}.
   */
  @Override
  default ServerCursor<R> execute(Composable sql, Object... params) {
    return execute(PortableSql.render(sql), params);
  }

  /** Like {@link #execute(Composable, Object...)}, with {@code :name} parameters. */
  @Override
  default ServerCursor<R> execute(Composable sql, Map<String, ?> params) {
    return execute(PortableSql.render(sql), params);
  }

  /**
   * Not supported on a server cursor.
   *
   * @throws dev.tusk.errors.FeatureNotSupported always (SQLSTATE 0A000)
   */
  @Override
  Cursor<R> executeMany(String sql, List<?> paramSets);

  /**
   * Not supported on a server cursor.
   *
   * @throws dev.tusk.errors.FeatureNotSupported always (SQLSTATE 0A000)
   */
  @Override
  Cursor<R> executeMany(Query query, List<?> paramSets);

  /** The next row ({@code FETCH FORWARD 1}), or null at the end. */
  @Override
  R fetchOne();

  /** Up to {@code size} next rows ({@code FETCH FORWARD size}); fewer or none at the end. */
  @Override
  List<R> fetchMany(int size);

  /** All remaining rows ({@code FETCH FORWARD ALL}), held in memory at once. */
  @Override
  List<R> fetchAll();

  /**
   * The rows the last {@code FETCH} returned or the last {@code MOVE} skipped, as the server
   * counted them; -1 after {@code execute} until the first fetch or scroll (a DECLARE says nothing
   * about the rows).
   */
  @Override
  long rowCount();

  /** Always false: a cursor has one result. */
  @Override
  boolean nextSet();

  /**
   * The same as {@link #itersize(int)}: rows per FETCH while iterating, at least 1.
   *
   * @return this cursor
   */
  @Override
  ServerCursor<R> fetchSize(int rows);

  /**
   * Changes nothing for a server cursor, whose rows never hold up a request that could otherwise
   * run: they are read in a transaction block, which other threads' statements wait for anyway, and
   * a statement of the cursor's own thread has the rest of the current batch collected first.
   *
   * @return this cursor
   */
  @Override
  ServerCursor<R> boundedStreaming(boolean bounded);

  /** Rows fetched per round trip while iterating ({@link #DEFAULT_ITERSIZE} unless set). */
  int itersize();

  /**
   * Sets the rows fetched per round trip while iterating or streaming (psycopg's {@code itersize});
   * takes effect at the next fetch.
   *
   * @return this cursor
   * @throws dev.tusk.errors.ProgrammingError if {@code rows} is below 1
   */
  ServerCursor<R> itersize(int rows);

  /**
   * Whether the cursor is declared {@code SCROLL} (true), {@code NO SCROLL} (false), or as the
   * server chooses (null, the default: PostgreSQL then allows backward moves only for some plans).
   */
  Boolean scrollable();

  /**
   * Declares the cursor {@code SCROLL} (true), {@code NO SCROLL} (false) or neither (null), from
   * the next {@code execute}. Backward {@link #scroll} needs true.
   *
   * @return this cursor
   */
  ServerCursor<R> scrollable(Boolean scrollable);

  /** Whether the cursor is declared {@code WITH HOLD} (false by default). */
  boolean withHold();

  /**
   * Declares the cursor {@code WITH HOLD} from the next {@code execute}: it then survives the
   * commit of the transaction that declared it (not a rollback), and can be declared in autocommit
   * mode. It holds server resources until {@link #close()} or the end of the session.
   *
   * @return this cursor
   */
  ServerCursor<R> withHold(boolean withHold);

  /** Moves {@code value} rows from the current position (negative: backward); see below. */
  default void scroll(int value) {
    scroll(value, Scroll.RELATIVE);
  }

  /**
   * Moves the cursor with {@code MOVE} (relative) or {@code MOVE ABSOLUTE}: afterwards {@link
   * #rowNumber()} is the current one plus {@code value}, or {@code value}, and the next fetch
   * starts there (absolute 0 is before the first row). Moving back needs a {@link
   * #scrollable(Boolean) scrollable} cursor; otherwise the server raises {@link
   * dev.tusk.errors.ObjectNotInPrerequisiteState}. As in psycopg, moving past the end is not an
   * error (PostgreSQL does not report it), and {@link #rowCount()} is what the server moved.
   */
  void scroll(int value, Scroll mode);

  /**
   * The index of the next row to fetch: 0 after {@code execute}, advanced by each row returned and
   * by {@link #scroll}; -1 before {@code execute}.
   */
  long rowNumber();

  /** Whether the cursor is closed, by {@link #close()} or by a failed statement. */
  boolean closed();

  /**
   * Closes the cursor: sends {@code CLOSE name} when the server may still hold it, and skips it
   * when the cursor cannot exist any more (a cursor without hold whose transaction has ended).
   * Closing twice, or after the connection closed, does nothing.
   */
  @Override
  void close();
}
