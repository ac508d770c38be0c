package dev.tusk.internal.client;

/** Bind's result format codes for the common cases: none means all text; one applies to all. */
final class BindFormats {

  /** Every column in text. */
  static final short[] ALL_TEXT = new short[0];

  /** Every column in binary. */
  static final short[] ALL_BINARY = {1};

  private BindFormats() {}
}
