package dev.tusk.internal.client;

import dev.tusk.Query;
import dev.tusk.internal.engine.ExtendedQuery.Bindings;
import java.util.List;

/**
 * The parameter sets of one {@code executeMany}, checked, and encoded a request's worth at a time:
 * as a Bind per set ({@link EachSet}), or as a Bind of column arrays per many sets ({@link
 * ColumnArrays}, the rewrite of a one-row INSERT).
 */
interface ManySets {

  /**
   * One request's worth of encoded sets.
   *
   * @param bindings the Bind values of the request's statement, one per run of it
   * @param end the index of the first set not encoded yet
   */
  record Encoded(List<Bindings> bindings, int end) {}

  /** The number of the caller's parameter sets. */
  int size();

  /** The caller's statement and options. */
  Query query();

  /** The statement sent, as the cache knows it. */
  StatementCache.Entry entry();

  /**
   * The sets from {@code from} on, up to about {@link ChunkedMany#CHUNK_BYTES} of encoded values.
   */
  Encoded encode(int from);

  /** Every set, encoded for one request. */
  List<Bindings> encodeAll();

  /** The statement sent, with {@code bindings} as its runs. */
  Statements.Bound bound(List<Bindings> bindings);
}
