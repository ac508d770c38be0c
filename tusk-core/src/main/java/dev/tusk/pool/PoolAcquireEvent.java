package dev.tusk.pool;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * JFR: a request that found no free connection and waited for one; its duration is the wait. A
 * request served at once records nothing, so the fast path never pays for JFR.
 */
@Name("dev.tusk.PoolAcquire")
@Label("Pool Acquire Wait")
@Category({"Tusk", "Pool"})
@Description("A request that waited for a connection from a Tusk pool")
final class PoolAcquireEvent extends Event {

  @Label("Pool")
  String pool;

  @Label("Outcome")
  @Description("acquired, or the error that ended the wait")
  String outcome;
}
