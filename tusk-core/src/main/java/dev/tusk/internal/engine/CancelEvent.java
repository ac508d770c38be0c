package dev.tusk.internal.engine;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * JFR: one CancelRequest, from connecting to the server's close of its socket. Off unless enabled.
 */
@Name("dev.tusk.Cancel")
@Label("Cancel Request")
@Category({"Tusk", "Connection"})
@Description("A CancelRequest sent for a statement (a timeout, an interrupt, a cancelled future)")
@Enabled(false)
final class CancelEvent extends Event {

  @Label("Host")
  String host;

  @Label("Port")
  int port;

  @Label("Backend PID")
  @Description("the backend whose statement was to be cancelled")
  int backendPid;

  @Label("Sent")
  @Description("false when the statement had ended before the cancel connection was open")
  boolean sent;

  @Label("Error")
  @Description("why the cancel could not be sent, if it could not")
  String error;
}
