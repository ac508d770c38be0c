package dev.tusk.internal.client;

import dev.tusk.internal.codec.TypeScope;

/**
 * A cursor's registry: its connection's until the user asks for the cursor's own, then a copy that
 * only this cursor uses.
 */
final class CursorTypes {

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
}
