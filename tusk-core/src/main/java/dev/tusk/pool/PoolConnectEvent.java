package dev.tusk.pool;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** JFR: a pool opening a connection (and running its {@code configure} hook). */
@Name("dev.tusk.PoolConnect")
@Label("Pool Connect")
@Category({"Tusk", "Pool"})
@Description("A Tusk pool opening a new connection")
final class PoolConnectEvent extends Event {

  @Label("Pool")
  String pool;

  @Label("Error")
  @Description("why connecting failed; null if it succeeded")
  String error;
}
