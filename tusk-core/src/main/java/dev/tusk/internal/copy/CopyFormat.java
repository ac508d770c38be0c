package dev.tusk.internal.copy;

/** The three data formats of COPY, as {@code FORMAT} names them. */
public enum CopyFormat {
  /** Tab-separated lines with backslash escapes and {@code \N} for NULL. */
  TEXT,
  /** Comma-separated values with quoting; NULL is an unquoted empty field by default. */
  CSV,
  /** A signature, then rows of length-prefixed values in each type's binary form. */
  BINARY
}
