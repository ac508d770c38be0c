package dev.tusk.it.reactive;

import dev.tusk.Connection;
import dev.tusk.Query;
import dev.tusk.RowFactories;
import dev.tusk.Tusk;
import dev.tusk.testing.PostgresServer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.Flow;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.reactivestreams.tck.TestEnvironment;
import org.reactivestreams.tck.flow.FlowPublisherVerification;
import org.testng.SkipException;

/**
 * The Reactive Streams TCK's publisher verification (every required, optional and stochastic rule
 * it checks) against {@code Connection.publish} on a real server. The TCK is written for TestNG;
 * here each of its test methods runs as a JUnit dynamic test, and a TestNG skip (a rule the
 * publisher legitimately opts out of) is reported as aborted.
 */
class PublisherTckTest {

  private static Connection conn;
  private static Connection closed;

  @BeforeAll
  static void connect() {
    conn = Tusk.connect(PostgresServer.get().conninfo());
    closed = Tusk.connect(PostgresServer.get().conninfo());
    closed.close();
  }

  @AfterAll
  static void close() {
    conn.close();
  }

  /** The verification: publishers of {@code elements} rows of {@code generate_series}. */
  static final class Verification extends FlowPublisherVerification<Long> {

    Verification() {
      // Timeouts for a shared, busy machine: signals within 2 s, silence checked for 300 ms.
      super(new TestEnvironment(2_000, 300));
    }

    @Override
    public Flow.Publisher<Long> createFlowPublisher(long elements) {
      return conn.publish(
          RowFactories.scalar(Long.class),
          // In the select list, the series is produced as it is sent; in FROM it would be
          // materialized first, all Long.MAX_VALUE - 1 rows of the TCK's largest publisher.
          Query.of("SELECT generate_series(1, $1::bigint)"),
          elements);
    }

    /** A query on a closed connection: it fails at once, with no request needed (§1.4). */
    @Override
    public Flow.Publisher<Long> createFailedFlowPublisher() {
      return closed.publish(RowFactories.scalar(Long.class), Query.of("SELECT 1::bigint"));
    }
  }

  @TestFactory
  Stream<DynamicTest> reactiveStreamsTck() {
    return Arrays.stream(Verification.class.getMethods())
        .filter(method -> method.isAnnotationPresent(org.testng.annotations.Test.class))
        .sorted(Comparator.comparing(Method::getName))
        .map(method -> DynamicTest.dynamicTest(method.getName(), () -> run(method)));
  }

  private static void run(Method rule) throws Throwable {
    Verification verification = new Verification();
    verification.setUp();
    try {
      rule.invoke(verification);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof SkipException skip) {
        Assumptions.abort(skip.getMessage());
      }
      throw e.getCause();
    }
  }
}
