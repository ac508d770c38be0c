package dev.tusk.internal.client;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** JFR: opening a connection (sockets, TLS, authentication, start-up). Off unless enabled. */
@Name("dev.tusk.ConnectionOpen")
@Label("Connection Open")
@Category({"Tusk", "Connection"})
@Description("A Tusk connection being opened; never its password")
@Enabled(false)
final class ConnectionOpenEvent extends Event {

  @Label("Host")
  @Description("the host connected to; null if connecting failed")
  String host;

  @Label("Port")
  int port;

  @Label("Database")
  String database;

  @Label("User")
  String user;

  @Label("Backend PID")
  int backendPid;

  @Label("Error")
  @Description("why connecting failed; null if it succeeded")
  String error;
}
