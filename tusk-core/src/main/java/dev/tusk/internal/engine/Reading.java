package dev.tusk.internal.engine;

import dev.tusk.errors.ConnectionDoesNotExist;
import dev.tusk.errors.ConnectionFailure;
import dev.tusk.errors.DatabaseError;
import dev.tusk.errors.Diagnostic;
import dev.tusk.errors.ProtocolViolation;
import dev.tusk.errors.SqlStates;
import dev.tusk.errors.TransactionResolutionUnknown;
import dev.tusk.errors.TuskException;
import dev.tusk.internal.protocol.BackendMessage;
import dev.tusk.internal.protocol.BackendMessageReader;
import dev.tusk.internal.protocol.ProtocolViolationException;
import dev.tusk.internal.transport.Transport;
import dev.tusk.internal.transport.TransportInput;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * The read side of a session: the in-flight FIFO and the read role, leader/follower style.
 *
 * <p>Whoever holds the role (a lock) reads the socket and routes each message: notices,
 * notifications and ParameterStatus to the session, everything else to the exchange at the head of
 * the FIFO, which leaves at its ReadyForQuery. A caller waiting for its own request takes the role
 * if it is free and reads until its request is done, then lets go and wakes the thread that should
 * read next: the waiter of the new head request, or the session's I/O thread if that request has no
 * waiter (it came from the async face). A caller that finds the role taken parks; the reader
 * unparks it when its request is done. So a lone caller reads its own answer, and under contention
 * one thread reads for all.
 *
 * <p>The I/O thread reads for requests nobody waits for (and for those behind a stream whose
 * consumer pauses, see {@link InFlight#needsReader()}), runs the async face's callbacks (after
 * letting go of the role, so a callback that blocks never stops the reading), and, once the
 * connection has been idle for {@link #LINGER_NANOS}, waits for messages that arrive unasked
 * (notifications, notices, a FATAL error before the server closes the connection) and routes them.
 * A caller that then needs the role asks it to yield, and it does.
 *
 * <p>The class is longer than most: the role, waking the next reader, the I/O thread and the
 * session's end share invariants (who may take requests off the FIFO, who reads next) that are
 * easier to check in one place. The FIFO and the routing of messages live in {@link InFlight}.
 *
 * <p>Only the role's holder takes exchanges off the FIFO while the session is open. When the
 * session ends for any reason the socket is closed; the holder's next read fails and it fails every
 * request still queued, after which a late submit fails its own. Once closed, the holder routes
 * nothing more: requests in flight fail as closed (08007 for a COMMIT), whether or not the server
 * answered before the socket shut.
 */
final class Reading {

  /** How long the connection must be idle before the I/O thread reads unasked messages. */
  static final long LINGER_NANOS = 20_000_000L;

  private static final System.Logger LOGGER = System.getLogger("dev.tusk.engine");

  private final Session session;
  private final Transport transport;
  private final BackendMessageReader reader;
  private final TransportInput input;
  private final Outbound outbound;
  private final ServerState state;
  private final ServerEvents events = new ServerEvents();
  private final InFlight inFlight;
  private final ReentrantLock role = new ReentrantLock();
  private final Outbound.SocketFull whileSocketFull = this::whileSocketFull;
  private final ConcurrentLinkedQueue<Runnable> deliveries = new ConcurrentLinkedQueue<>();
  private Thread ioThread;

  /**
   * Set once the I/O thread has run its last delivery and is ending with the session; from then on,
   * whoever delivers runs the delivery itself.
   */
  private volatile boolean ioThreadEnded;

  /** Counts takings of the role, so the I/O thread can tell an idle connection from a busy one. */
  private volatile long activity;

  /** Whether the I/O thread holds the role only to wait for unasked messages. */
  private volatile boolean idling;

  /** Whether the I/O thread runs a callback now, and how many it has finished. */
  private volatile boolean delivering;

  private volatile long deliveryCount;

  // Owned by CallbackWatch's thread: the count at its last look; and whether a rescuer runs.
  private long deliveryCountSeen = -1;
  private volatile boolean rescuing;

  /**
   * Whether the role's holder is routing messages that have already arrived and will look at the
   * outbound buffer again before it can wait for the socket: a caller that submits meanwhile leaves
   * its request for it to write, so requests made in answer to a burst of responses go out in one
   * write rather than one each. See {@link #writeSubmitted()} and {@link #stopDeferring()}.
   */
  private volatile boolean leaderWillWrite;

  /** Set by a caller that wants the role from an idling I/O thread. */
  private volatile boolean yieldWanted;

  /** Why the session ended; null while it is open. Set once. */
  private volatile DatabaseError closedBy;

  /** Set once the role's holder routes no more messages; from then on anyone fails the FIFO. */
  private volatile boolean routingStopped;

  Reading(
      Session session,
      Transport transport,
      BackendMessageReader reader,
      TransportInput input,
      Outbound outbound,
      ServerState state) {
    this.session = session;
    this.transport = transport;
    this.reader = reader;
    this.input = input;
    this.outbound = outbound;
    this.state = state;
    this.inFlight = new InFlight(session, state, events, outbound);
  }

  void start(String threadName) {
    // From now on each reading thread brings its own patience (start-up's gave up on interrupt).
    input.patience(TransportInput.UNLIMITED);
    // A platform thread: it mostly parks, and a read woken by the kernel has less latency than a
    // virtual thread woken by the poller.
    ioThread = Thread.ofPlatform().daemon().name(threadName).unstarted(this::runIoThread);
    ioThread.start();
    CallbackWatch.watch(this);
  }

  ServerEvents events() {
    return events;
  }

  void enqueue(Exchange<?> exchange) {
    inFlight.add(exchange);
  }

  void dequeue(Exchange<?> exchange) {
    inFlight.remove(exchange);
  }

  boolean isQuiet() {
    return inFlight.isEmpty();
  }

  boolean isHead(Exchange<?> exchange) {
    return inFlight.peek() == exchange;
  }

  boolean isClosed() {
    return closedBy != null;
  }

  // ---- writing

  /** Writes what callers appended (see {@link Outbound#writeAll}); a failure ends the session. */
  void write() {
    write(false);
  }

  /**
   * Writes a request just appended, unless the role's holder is routing what has already arrived
   * and so writes it before it next waits. The two sides are a Dekker pair of volatiles: the caller
   * appends (setting {@link Outbound#hasAppended()}) and then reads {@link #leaderWillWrite}; the
   * leader clears {@link #leaderWillWrite} and then reads {@link Outbound#hasAppended()}; at least
   * one of them sees the other's write, so no request is left unwritten.
   */
  void writeSubmitted() {
    if (!leaderWillWrite) {
      write();
    }
  }

  /**
   * Like {@link #write()}; with {@code wait}, a write in progress on another thread is waited for
   * (a COPY's owner, which must not outrun the socket).
   */
  void write(boolean wait) {
    try {
      outbound.writeAll(whileSocketFull, wait);
    } catch (IOException e) {
      end(lostError(e));
    }
  }

  /**
   * The socket takes no more bytes: if no other thread reads, read here while waiting, so that a
   * server blocked on sending responses nobody reads cannot leave the write stuck forever.
   */
  private void whileSocketFull() throws IOException {
    if (!role.tryLock()) {
      transport.await(Transport.WRITE, 0);
      return;
    }
    KeptInterrupt kept = new KeptInterrupt();
    TransportInput.Patience previous = input.patience(kept);
    try {
      int ready = transport.await(Transport.READ | Transport.WRITE, 0);
      if ((ready & Transport.READ) != 0) {
        routeOne();
      }
    } finally {
      input.patience(previous);
      stepDown();
      kept.restore();
    }
  }

  /**
   * Patience while writing: an interrupt cannot stop a half-written request, so it is only kept for
   * the caller to act on once the write is done.
   */
  private static final class KeptInterrupt implements TransportInput.Patience {
    private boolean interrupted;

    @Override
    public long nanosToNextCheck() {
      return 0;
    }

    @Override
    public void check() {
      interrupted |= Thread.interrupted();
    }

    void restore() {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  // ---- waiting

  /**
   * Returns once {@code ready} holds (or {@code exchange} is done), reading for everyone while no
   * other thread does. {@code ready} must become true by what the reader routes.
   *
   * @param drain whether, once ready, to go on routing what has already arrived (a consumer of rows
   *     takes them in batches rather than one read per row)
   */
  void awaitUntil(Exchange<?> exchange, BooleanSupplier ready, boolean drain, Waiting waiting) {
    exchange.waiter = Thread.currentThread();
    BooleanSupplier done = () -> exchange.future().isDone() || ready.getAsBoolean();
    BooleanSupplier leaderDone = drain ? () -> done.getAsBoolean() && !drainable(exchange) : done;
    try {
      while (!done.getAsBoolean()) {
        if (role.tryLock()) {
          StreamBuffer<?> full = lead(leaderDone, waiting);
          if (full != null) {
            parkForRoom(full, waiting.nanosToNextCheck());
          }
        } else {
          if (idling) {
            yieldWanted = true;
            transport.wakeup();
          }
          long nanos = waiting.nanosToNextCheck();
          if (done.getAsBoolean()) {
            break;
          }
          if (nanos == 0) {
            LockSupport.park(this);
          } else {
            LockSupport.parkNanos(this, nanos);
          }
        }
        if (!done.getAsBoolean()) {
          actOnTime(waiting);
        }
      }
    } finally {
      if (exchange.future().isDone() || !ready.getAsBoolean()) {
        exchange.waiter = null;
      }
    }
  }

  /**
   * Lets a waiting caller act on its interrupt or deadline. If it gives up on the link, the session
   * ends; the caller goes on waiting until its request has been failed with the others.
   */
  private void actOnTime(Waiting waiting) {
    try {
      waiting.check();
    } catch (Waiting.CancelUnanswered e) {
      end(e.toError());
    } catch (IOException e) {
      end(lostError(e));
    }
  }

  /** Whether routing may go on cheaply: more of this request's messages have arrived already. */
  private boolean drainable(Exchange<?> exchange) {
    return reader.hasBuffered() && inFlight.peek() == exchange && !exchange.consumerHasEnough();
  }

  /** Waits until a consumer takes rows from {@code full} (or a limit passes). */
  private void parkForRoom(StreamBuffer<?> full, long nanos) {
    if (full.waitForRoom(Thread.currentThread())) {
      // Bounded, so that a consumer that never comes back cannot outlast the caller's deadline.
      LockSupport.parkNanos(this, nanos == 0 ? LINGER_NANOS : Math.min(nanos, LINGER_NANOS));
    }
  }

  /** Drops a stream's claim on its request from any thread, and gets someone reading. */
  void abandon(Exchange<?> exchange) {
    exchange.waiter = null;
    wakeIoThread();
  }

  /** Ends a stream's claim on its request: its consumer no longer waits for it. */
  void release(Exchange<?> exchange) {
    if (exchange.waiter == Thread.currentThread()) {
      exchange.waiter = null;
    }
  }

  /**
   * Makes sure someone reads for a request that nobody awaits: the I/O thread, unless another
   * thread holds the role (it hands on to the I/O thread when it lets go).
   */
  void ensureReader() {
    if (!role.isLocked() || idling) {
      wakeIoThread();
    }
  }

  /** Whether the I/O thread runs a callback now; asked by {@link CallbackWatch}. */
  boolean isDelivering() {
    return delivering;
  }

  /**
   * Called by {@link CallbackWatch} now and then: if the I/O thread has been inside one callback
   * since the last look while requests wait and nobody reads, a reader of its own takes over until
   * the callback returns. A callback that blocks, even on a response of this same connection, must
   * not stop the reading.
   */
  void rescueIfStuck() {
    long count = deliveryCount;
    boolean stuck = delivering && count == deliveryCountSeen;
    deliveryCountSeen = count;
    if (stuck && inFlight.needsReader() && !role.isLocked() && !rescuing) {
      rescuing = true;
      Thread.ofVirtual().name(ioThread.getName() + "-rescue").start(this::rescue);
    }
  }

  /** Reads while the I/O thread is stuck in a callback. */
  private void rescue() {
    try {
      while (delivering && inFlight.needsReader() && !routingStopped) {
        if (role.tryLock()) {
          StreamBuffer<?> full =
              lead(() -> !inFlight.needsReader() || !delivering, TransportInput.UNLIMITED);
          if (full != null) {
            parkForRoom(full, 0);
          }
        } else {
          LockSupport.parkNanos(this, LINGER_NANOS);
        }
      }
    } finally {
      rescuing = false;
    }
  }

  /**
   * Runs {@code delivery} on the I/O thread once it has let go of the role; at once if this is the
   * I/O thread without the role.
   */
  void deliver(Runnable delivery) {
    Thread current = Thread.currentThread();
    if (current == ioThread && !role.isHeldByCurrentThread()) {
      runDelivery(delivery);
      return;
    }
    if (ioThreadEnded) {
      // The I/O thread has ended with the session: nothing reads any more, so deliver here.
      runDelivery(delivery);
      return;
    }
    deliveries.add(delivery);
    if (ioThreadEnded) {
      // It ended after the check above and may not have seen this one: run what is left here.
      runDeliveries();
    } else if (current != ioThread) {
      wakeIoThread();
    }
  }

  // ---- leading

  /**
   * Reads and routes messages until {@code done}, with {@code patience} deciding about interrupts
   * and time while it waits; then lets go of the role (which the caller has taken). Stops early if
   * the request at the head streams into a full buffer whose consumer is another thread, and
   * returns that buffer; if the consumer is this thread (waiting for a later request of its own),
   * the rest of the stream is collected instead, since nobody else would ever take it.
   */
  private StreamBuffer<?> lead(BooleanSupplier done, TransportInput.Patience patience) {
    TransportInput.Patience previous = input.patience(patience);
    activity++;
    long wakesSeen = inFlight.wakes();
    try {
      while (!done.getAsBoolean() && !routingStopped) {
        Exchange<?> head = inFlight.peek();
        StreamBuffer<?> full = head == null ? null : head.stalledBuffer();
        if (full != null) {
          full.publish();
          if (head.waiter != Thread.currentThread()) {
            return full;
          }
          full.collectAll();
        }
        if (!reader.hasWholeMessage()) {
          if (inFlight.wakes() != wakesSeen) {
            wakesSeen = inFlight.wakes();
            letWokenSubmit();
          }
          // The next read may wait for the server: nothing appended may wait for it.
          stopDeferring();
        }
        routeOne();
        leaderWillWrite = true;
      }
      return null;
    } finally {
      inFlight.publishRows();
      stopDeferring();
      input.patience(previous);
      stepDown();
    }
  }

  /**
   * Before a read that may wait, a virtual thread leading lets the callers it has just woken run
   * first (they are queued on its carrier): each submits its next request, which the leader then
   * writes with the others in one write, and the server works on them while the leader waits.
   * Without this the leader would wait in the poller first and each caller write on its own: on a
   * two-core machine, 64 virtual threads sharing a connection ran 10 % slower that way.
   */
  private static void letWokenSubmit() {
    if (Thread.currentThread().isVirtual()) {
      Thread.yield();
    }
  }

  /** The leader's side of {@link #writeSubmitted()}: writes what callers left for it. */
  private void stopDeferring() {
    leaderWillWrite = false;
    if (outbound.hasAppended()) {
      write();
    }
  }

  /** Reads one message and routes it; a failure of any kind ends the session. */
  private void routeOne() {
    try {
      BackendMessage message = reader.read();
      if (closedBy != null) {
        stopRouting();
        return;
      }
      inFlight.route(message);
      if (!reader.hasWholeMessage()) {
        // The next read may wait: the rows routed so far must not wait with it.
        inFlight.publishRows();
      }
      if (outbound.hasAppended()) {
        // A CopyFail that an exchange appended in answer to a message.
        outbound.writeAll(whileSocketFull);
      }
    } catch (Waiting.CancelUnanswered e) {
      end(e.toError());
      stopRouting();
    } catch (IOException | RuntimeException e) {
      end(lostError(e));
      stopRouting();
    } catch (Error e) {
      // An OutOfMemoryError on a huge row, say. The memory it took is free again once the error is
      // thrown: fail every request with a typed error and close, rather than leave callers
      // waiting on a reader that is gone. Other errors go on up, after the same cleanup.
      end(new ConnectionFailure(Diagnostic.client("08006", "reading a response failed: " + e), e));
      stopRouting();
      if (!(e instanceof OutOfMemoryError || e instanceof StackOverflowError)) {
        throw e;
      }
    }
  }

  /** Lets go of the role and wakes the thread that should read next, if anything is in flight. */
  private void stepDown() {
    role.unlock();
    if (role.isHeldByCurrentThread()) {
      return;
    }
    Exchange<?> head = inFlight.peek();
    if (head != null || routingStopped) {
      Thread next = head == null ? null : head.waiter;
      if (next == null) {
        wakeIoThread();
      } else if (next != Thread.currentThread()) {
        LockSupport.unpark(next);
      }
    }
    if (!deliveries.isEmpty()) {
      wakeIoThread();
    }
  }

  // ---- the I/O thread

  private void runIoThread() {
    long seen = -1;
    while (true) {
      runDeliveries();
      if (routingStopped && closedBy != null) {
        if (deliveries.isEmpty()) {
          ioThreadEnded = true;
          // Queued between the check and the flag: deliver() saw the thread still running.
          runDeliveries();
          return;
        }
        continue;
      }
      if (inFlight.needsReader() && role.tryLock()) {
        StreamBuffer<?> full =
            lead(() -> !inFlight.needsReader() || !deliveries.isEmpty(), TransportInput.UNLIMITED);
        if (full != null) {
          parkForRoom(full, 0);
        }
        continue;
      }
      if (closedBy != null && role.tryLock()) {
        // Nothing in flight, but the session ended: no reader is left to notice.
        stopRouting();
        role.unlock();
        continue;
      }
      long now = activity;
      if (now == seen && inFlight.isEmpty() && deliveries.isEmpty()) {
        idle();
        seen = -1;
        continue;
      }
      seen = now;
      LockSupport.parkNanos(this, LINGER_NANOS);
    }
  }

  /**
   * Holds the role while the connection is idle, routing whatever arrives unasked, until a request
   * is queued or a caller asks for the role.
   */
  private void idle() {
    if (!role.tryLock()) {
      return;
    }
    idling = true;
    try {
      while (canIdle()) {
        if (!reader.hasBuffered() && (transport.await(Transport.READ, 0) & Transport.READ) == 0) {
          continue;
        }
        if (!canIdle()) {
          break;
        }
        routeOne();
      }
    } catch (IOException e) {
      end(lostError(e));
      stopRouting();
    } finally {
      idling = false;
      yieldWanted = false;
      stepDown();
    }
  }

  private boolean canIdle() {
    return closedBy == null
        && !routingStopped
        && inFlight.isEmpty()
        && !yieldWanted
        && deliveries.isEmpty();
  }

  private void wakeIoThread() {
    Thread thread = ioThread;
    if (thread != null && thread != Thread.currentThread()) {
      LockSupport.unpark(thread);
      if (idling) {
        transport.wakeup();
      }
    }
  }

  private void runDeliveries() {
    Runnable delivery;
    while ((delivery = deliveries.poll()) != null) {
      runDelivery(delivery);
    }
  }

  private void runDelivery(Runnable delivery) {
    boolean outermost = !delivering;
    delivering = true;
    if (outermost) {
      CallbackWatch.delivering();
    }
    try {
      delivery.run();
    } catch (RuntimeException | Error e) {
      // A user's callback failed; it must not take the I/O thread with it.
      LOGGER.log(Level.WARNING, "an async callback failed", e);
    } finally {
      if (outermost) {
        delivering = false;
        deliveryCount++;
      }
    }
  }

  // ---- ending

  /**
   * Ends the session for {@code reason}: closes the socket, so the role's holder fails every
   * request in flight (see {@link #stopRouting()}); wakes the I/O thread in case nobody holds it.
   */
  void end(DatabaseError reason) {
    if (closedBy == null) {
      // Races only with close(), and either reason is a fine one to report.
      closedBy = reason;
    }
    transport.close();
    wakeIoThread();
  }

  void closedByUser() {
    if (closedBy == null) {
      closedBy = Session.closedByUserError();
    }
  }

  /**
   * Closes the socket after {@link #closedByUser()}; whoever holds the role then fails the FIFO.
   */
  void shutDown() {
    transport.close();
    wakeIoThread();
    if (role.tryLock()) {
      // Nobody reads: fail what is in flight here.
      try {
        stopRouting();
      } finally {
        role.unlock();
      }
    }
  }

  /** The role holder's last act: from now on whoever finds the session closed fails the FIFO. */
  private void stopRouting() {
    routingStopped = true;
    CallbackWatch.forget(this);
    failInFlight();
  }

  /** A submit that arrived after routing stopped fails its own request. */
  void failLateArrivals() {
    if (closedBy != null && routingStopped) {
      failInFlight();
    }
  }

  private void failInFlight() {
    Exchange<?> exchange;
    while ((exchange = inFlight.poll()) != null) {
      exchange.fail(errorFor(exchange));
      InFlight.wake(exchange);
    }
  }

  private TuskException errorFor(Exchange<?> exchange) {
    TuskException reason = closedBy;
    // Also when the user closed the session: what is in flight was sent ahead of Terminate.
    if (exchange.outcomeUnknownIfLost()) {
      return new TransactionResolutionUnknown(
          Diagnostic.client(
              "08007",
              "the connection ended after COMMIT was sent: the transaction may or may not"
                  + " have committed"),
          reason);
    }
    return reason instanceof ConnectionDoesNotExist ? Session.closedByUserError() : reason;
  }

  private DatabaseError lostError(Throwable cause) {
    // The server's FATAL error or a protocol violation says best why the session ended.
    if (cause instanceof DatabaseError error) {
      return error;
    }
    if (cause instanceof ProtocolViolationException violation) {
      return new ProtocolViolation(Diagnostic.client("08P01", violation.getMessage()), violation);
    }
    DatabaseError last = inFlight.fatal();
    if (last != null) {
      return last;
    }
    return new ConnectionFailure(
        Diagnostic.client(
            "08006",
            "the connection to " + session.endpoint() + " was lost: " + cause.getMessage()),
        cause);
  }

  /**
   * The error for a request made after the session ended: "closed" if the user closed it, else the
   * same error that ended it, fresh, so that each caller's stack trace is its own.
   */
  DatabaseError closedError() {
    DatabaseError reason = closedBy;
    return reason instanceof ConnectionDoesNotExist
        ? Session.closedByUserError()
        : SqlStates.toException(reason.diagnostic(), reason);
  }
}
