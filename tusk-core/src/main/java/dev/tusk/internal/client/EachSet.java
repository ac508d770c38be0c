package dev.tusk.internal.client;

import dev.tusk.Query;
import dev.tusk.internal.codec.TypeScope;
import dev.tusk.internal.engine.ExtendedQuery.Bindings;
import java.util.List;

/**
 * One statement's parameter sets, each sent as a Bind and Execute of its own, with their encoders
 * chosen once for all of them.
 */
record EachSet(
    StatementCache.Entry entry,
    Query query,
    TypeScope types,
    ParameterBinder binder,
    ParameterBinder.Plan plan,
    List<Object[]> values)
    implements ManySets {

  @Override
  public int size() {
    return values.size();
  }

  @Override
  public Encoded encode(int from) {
    List<Bindings> sets = binder.encode(plan, values, from, ChunkedMany.CHUNK_BYTES);
    return new Encoded(sets, from + sets.size());
  }

  @Override
  public List<Bindings> encodeAll() {
    return binder.encode(plan, values, 0, Integer.MAX_VALUE);
  }

  @Override
  public Statements.Bound bound(List<Bindings> sets) {
    return new Statements.Bound(
        entry, query, new ParameterBinder.Bound(plan.types(), sets), types, null, values);
  }
}
