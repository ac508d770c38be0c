package dev.tusk.errors.generator;

/** One error condition listed in errcodes.txt: its SQLSTATE and its condition name. */
record ErrorCode(String sqlState, String conditionName) {

  /** The SQLSTATE class: the first two characters of the code. */
  String sqlClass() {
    return sqlState.substring(0, 2);
  }

  /** Whether this is the generic code of its class (subclass "000"), such as 23000. */
  boolean isClassLevel() {
    return sqlState.endsWith("000");
  }
}
