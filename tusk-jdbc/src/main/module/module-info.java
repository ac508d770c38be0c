/** tusk-jdbc: a JDBC driver over Tusk. Depends on tusk-core only. */
module dev.tusk.jdbc {
  requires transitive java.sql;
  requires transitive dev.tusk;

  exports dev.tusk.jdbc;

  provides java.sql.Driver with
      dev.tusk.jdbc.TuskDriver;
}
