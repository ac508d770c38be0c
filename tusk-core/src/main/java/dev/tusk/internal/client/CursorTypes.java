package dev.tusk.internal.client;

import dev.tusk.internal.codec.TypeScope;
import java.util.function.Supplier;

/**
 * A cursor's registry: its connection's until the user asks for the cursor's own, then a copy that
 * only this cursor uses. As a supplier, it gives the registry in effect to the cursor's results,
 * with no lambda made per cursor.
 */
final class CursorTypes implements Supplier<TypeScope> {

  private final TypeScope connectionTypes;
  private TypeScope own;

  CursorTypes(TypeScope connectionTypes) {
    this.connectionTypes = connectionTypes;
  }

  /** The cursor's own registry, copied from the connection's on first use. */
  TypeScope own() {
    if (own == null) {
      own = connectionTypes.copy();
    }
    return own;
  }

  /** The registry in effect: the cursor's own once it has one, else its connection's. */
  TypeScope current() {
    return own != null ? own : connectionTypes;
  }

  /** The registry in effect, as {@link #current()}. */
  @Override
  public TypeScope get() {
    return current();
  }
}
