package dev.tusk.sql;

/**
 * A piece of SQL: literal {@link SQL} text, an {@link Identifier}, a {@link Literal} value, a
 * {@link Placeholder}, or a {@link Composed} sequence of them. Anything that takes a SQL string
 * (execute on a connection, cursor, pipeline, pool, async connection) also takes a Composable and
 * runs the SQL it renders to for that connection.
 *
 * <p>Composables are immutable values: equal when they render equally in every context.
 */
public sealed interface Composable permits SQL, Identifier, Literal, Placeholder, Composed {

  /**
   * The SQL text this piece renders to in {@code context}: a connection, or {@link
   * SqlContext#of(dev.tusk.types.TypeRegistry)}. For debugging and logging, and for the drivers'
   * own use; a Literal's rendering depends on the context.
   *
   * @throws dev.tusk.errors.CharacterNotInRepertoire if a name or value holds NUL or an unpaired
   *     surrogate
   */
  String asString(SqlContext context);

  /** This piece followed by {@code other}, with nothing between them (psycopg's {@code +}). */
  default Composed concat(Composable other) {
    return Composed.of(this, other);
  }
}
