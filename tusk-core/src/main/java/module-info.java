/** Tusk: a PostgreSQL driver. Depends on the JDK only. */
module dev.tusk {
  requires java.management;
  requires java.security.jgss;
  requires jdk.jfr;
  requires jdk.net;

  exports dev.tusk;
  exports dev.tusk.errors;
  exports dev.tusk.pool;
  exports dev.tusk.sql;
  exports dev.tusk.types;
}
