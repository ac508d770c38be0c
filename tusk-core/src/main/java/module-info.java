/** Tusk: a PostgreSQL driver. Depends on the JDK only. */
module dev.tusk {
  exports dev.tusk;
  exports dev.tusk.errors;
  exports dev.tusk.types;
}
