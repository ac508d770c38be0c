package dev.tusk.internal.client;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * JFR: one statement, from just before it is sent until its outcome is known. Off unless a
 * recording enables it ({@code dev.tusk.Statement#enabled=true}, or the settings file in {@code
 * docs/observability.md}): a busy application runs many statements.
 */
@Name("dev.tusk.Statement")
@Label("Statement")
@Category({"Tusk", "Statement"})
@Description("A statement run by a Tusk connection; never its parameter values")
@Enabled(false)
@StackTrace(false)
final class StatementEvent extends Event {

  @Label("SQL")
  String sql;

  @Label("Parameter Sets")
  @Description("how many parameter sets ran: more than 1 for executeMany")
  int parameterSets;

  @Label("Rows")
  @Description("rows returned or affected, as the command tags report them")
  long rows;

  @Label("SQLSTATE")
  @Description("the error's SQLSTATE; null if the statement succeeded")
  String sqlState;

  @Label("Error")
  @Description("the error's message; null if the statement succeeded")
  String error;

  @Label("Host")
  String host;

  @Label("Port")
  int port;

  @Label("Database")
  String database;
}
