/** Tusk: a PostgreSQL driver. Depends on the JDK only. */
module dev.tusk {
  requires jdk.net;

  exports dev.tusk;
  exports dev.tusk.errors;
  exports dev.tusk.types;
}
