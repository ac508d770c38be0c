package dev.tusk.internal.client;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** JFR: closing a connection by {@code close()}. Off unless enabled. */
@Name("dev.tusk.ConnectionClose")
@Label("Connection Close")
@Category({"Tusk", "Connection"})
@Description("A Tusk connection being closed by its owner")
@Enabled(false)
final class ConnectionCloseEvent extends Event {

  @Label("Host")
  String host;

  @Label("Port")
  int port;

  @Label("Database")
  String database;

  @Label("User")
  String user;

  @Label("Backend PID")
  int backendPid;

  @Label("Already Lost")
  @Description("whether the connection had already ended (lost, or terminated by the server)")
  boolean alreadyLost;
}
