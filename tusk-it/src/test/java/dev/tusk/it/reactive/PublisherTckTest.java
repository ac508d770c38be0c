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

  @BeforeAll
  static void connect() {
    conn = Tusk.connect(PostgresServer.get().conninfo());
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
          Query.of("SELECT g FROM generate_series(1, $1::bigint) g"),
          elements);
    }

    /**
     * None: a failing statement is sent at the subscriber's first request, so its error comes after
     * a request, while the TCK's rule 1.4 check waits for onError without requesting.
     */
    @Override
    public Flow.Publisher<Long> createFailedFlowPublisher() {
      return null;
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
