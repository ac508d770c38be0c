package dev.tusk.internal.client;

import dev.tusk.Transaction;
import dev.tusk.TransactionOptions;
import dev.tusk.errors.ProgrammingError;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The virtual thread that holds an async transaction block and its savepoints. A block is
 * connection state that its owner thread holds exclusively ({@link ConnectionCore#transaction}); an
 * async caller has no thread of its own to hold it, so this one does, running the block's steps in
 * the order they were asked for. Statements only queue their requests here and complete on the
 * session's I/O thread; opening and ending blocks wait here, never on a caller's thread. The thread
 * ends with the outermost block.
 */
final class TransactionOwner {

  private final ConnectionCore connection;
  private final LinkedBlockingQueue<Runnable> steps = new LinkedBlockingQueue<>();

  /** Orders asking for a step against the thread's end, after which steps run where asked. */
  private final ReentrantLock ending = new ReentrantLock();

  private boolean ended;

  /** The blocks open, innermost first; touched by the owner thread only while it runs. */
  private final Deque<Transaction> open = new ArrayDeque<>();

  TransactionOwner(ConnectionCore connection) {
    this.connection = connection;
  }

  /**
   * Opens the outermost block with {@code options} on a new owner thread; the future completes with
   * what {@code opened} makes of it.
   */
  <T> CompletableFuture<T> begin(
      TransactionOptions options, java.util.function.Function<Transaction, T> opened) {
    CompletableFuture<T> result =
        run(
            () -> {
              Transaction block = connection.transaction(options);
              open.push(block);
              return CompletableFuture.completedFuture(opened.apply(block));
            });
    Thread.ofVirtual().name("tusk-async-transaction").start(this::work);
    return result;
  }

  private void work() {
    do {
      try {
        steps.take().run();
      } catch (InterruptedException e) {
        // Nobody interrupts this thread but a JVM shutting down: give the blocks back.
        rollbackAll();
      }
    } while (!open.isEmpty());
    ending.lock();
    try {
      ended = true;
    } finally {
      ending.unlock();
    }
    // Asked for while the last block ended: they find no block open, and fail.
    for (Runnable late = steps.poll(); late != null; late = steps.poll()) {
      late.run();
    }
  }

  /**
   * Runs {@code step} on the owner thread after every step asked for before it, and completes the
   * returned future with its outcome on another thread, so that a caller's callback never holds up
   * the block.
   */
  <T> CompletableFuture<T> run(Supplier<CompletableFuture<T>> step) {
    CompletableFuture<T> done = new CompletableFuture<>();
    Runnable task =
        () -> {
          CompletableFuture<T> outcome;
          try {
            outcome = step.get();
          } catch (RuntimeException e) {
            outcome = CompletableFuture.failedFuture(e);
          }
          outcome.whenCompleteAsync(
              (value, failure) -> {
                if (failure != null) {
                  done.completeExceptionally(Asynchronous.unwrap(failure));
                } else {
                  done.complete(value);
                }
              },
              Asynchronous.CALLBACKS);
        };
    ending.lock();
    try {
      if (!ended) {
        steps.add(task);
        return done;
      }
    } finally {
      ending.unlock();
    }
    task.run();
    return done;
  }

  /** Fails unless {@code block} is still open; on the owner thread. */
  void checkOpen(Transaction block) {
    if (!open.contains(block)) {
      throw new ProgrammingError("the transaction block has already ended");
    }
  }

  /** Opens a savepoint inside {@code block}, which must be the innermost; on the owner thread. */
  Transaction openSavepoint(Transaction block) {
    checkInnermost(block);
    Transaction savepoint = connection.transaction(TransactionOptions.DEFAULT);
    open.push(savepoint);
    return savepoint;
  }

  /** Commits or rolls back {@code block}, which must be the innermost; on the owner thread. */
  void end(Transaction block, boolean commit) {
    checkInnermost(block);
    open.pop();
    if (commit) {
      block.commit();
    } else {
      block.rollback();
    }
  }

  private void checkInnermost(Transaction block) {
    checkOpen(block);
    if (open.peek() != block) {
      throw new ProgrammingError("a savepoint inside this block is still open: end it first");
    }
  }

  /** Rolls back every block still open, once the steps asked for before have run. */
  void abandon() {
    run(
        () -> {
          rollbackAll();
          return CompletableFuture.completedFuture(null);
        });
  }

  private void rollbackAll() {
    while (!open.isEmpty()) {
      try {
        open.pop().close();
      } catch (RuntimeException e) {
        // The connection was lost: nothing is left to give back.
      }
    }
  }
}
