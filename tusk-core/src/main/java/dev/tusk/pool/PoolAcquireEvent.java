package dev.tusk.pool;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Threshold;

/**
 * JFR: a request that found no free connection and waited for one; its duration is the wait. A
 * request served at once records nothing, so the fast path never pays for JFR.
 *
 * <p>Recorded from 20 ms of waiting unless the recording's settings say otherwise (as the JDK's own
 * {@code jdk.ThreadPark} is in its default settings): in a busy pool every loan waits a little, and
 * an always-on recording would otherwise write an event with a stack trace per loan. {@code
 * META-INF/tusk/tusk.jfc} sets the threshold to 0 to see every wait.
 */
@Name("dev.tusk.PoolAcquire")
@Label("Pool Acquire Wait")
@Category({"Tusk", "Pool"})
@Description("A request that waited for a connection from a Tusk pool")
@Threshold("20 ms")
final class PoolAcquireEvent extends Event {

  @Label("Pool")
  String pool;

  @Label("Outcome")
  @Description("acquired, or the error that ended the wait")
  String outcome;
}
