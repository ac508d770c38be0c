package dev.tusk.sql;

import dev.tusk.types.TypeRegistry;
import java.util.Objects;

/**
 * What rendering a {@link Composable} depends on: the codecs that write non-string {@link Literal}s
 * as text. A {@code dev.tusk.Connection} is one, so {@code composable.asString(conn)} renders with
 * that connection's codecs. (Literals do not depend on the server's {@code
 * standard_conforming_strings}: see {@link Quoting}.)
 */
public interface SqlContext {

  /** The codecs that render {@link Literal}s of types other than strings, numbers and booleans. */
  TypeRegistry types();

  /** A context with these codecs, for rendering without a connection (tests, logs). */
  static SqlContext of(TypeRegistry types) {
    Objects.requireNonNull(types, "types");
    return () -> types;
  }
}
