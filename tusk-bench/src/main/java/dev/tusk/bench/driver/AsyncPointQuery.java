package dev.tusk.bench.driver;

import dev.tusk.bench.harness.Sink;
import java.util.concurrent.CompletionStage;

/** The point select of {@link PointQuery}, for an asynchronous driver. */
public interface AsyncPointQuery extends AutoCloseable {

  /** Starts selecting account {@code id}; the stage completes once its values are in the sink. */
  CompletionStage<?> select(long id, Sink sink);

  /** Closes the connection(s) or pool behind the query. */
  @Override
  void close() throws Exception;
}
