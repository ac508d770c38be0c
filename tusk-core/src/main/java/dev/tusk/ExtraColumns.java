package dev.tusk;

/**
 * What {@link RowFactories#record(Class, ExtraColumns)} does with a result column that no component
 * (or setter or field) of the class takes.
 */
public enum ExtraColumns {
  /** A ProgrammingError naming the columns and the components: the strict default. */
  REFUSE,
  /** Ignored, so a mapping survives a table gaining a column. */
  IGNORE
}
