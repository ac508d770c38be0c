package dev.tusk.examples;

import dev.tusk.Connection;
import dev.tusk.Listener;
import dev.tusk.Notification;
import dev.tusk.Query;
import dev.tusk.RowFactories;
import dev.tusk.Tusk;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * docs/reactive.md's example, with the JDK alone: a query's rows as a {@link Flow.Publisher}
 * consumed in batches of 100, its subscription cancelled part way (the server stops the query), the
 * connection's notifications as a publisher, and a {@link Listener} that survives losing its
 * connection.
 *
 * <p>{@code mvn -q -pl tusk-examples -am package -DskipTests exec:exec
 * -Dexample=dev.tusk.examples.ReactiveStreams}
 */
public final class ReactiveStreams {

  private ReactiveStreams() {}

  public static void main(String[] args) throws Exception {
    String url = ExampleDatabase.url();
    try (Connection conn = Tusk.connect(url)) {
      // 1. Rows with back-pressure: a subscriber that asks for 100 at a time and stops at 250.
      Flow.Publisher<Long> numbers =
          conn.publish(
              RowFactories.scalar(Long.class),
              Query.of("SELECT generate_series(1, $1::bigint)"),
              1_000_000_000L);
      CompletableFuture<Long> sum = new CompletableFuture<>();
      numbers.subscribe(
          new Flow.Subscriber<Long>() {
            private Flow.Subscription subscription;
            private long received;
            private long total;

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
              this.subscription = subscription;
              subscription.request(100);
            }

            @Override
            public void onNext(Long n) {
              total += n;
              if (++received == 250) {
                subscription.cancel(); // the server stops; the connection stays usable
                sum.complete(total);
              } else if (received % 100 == 0) {
                subscription.request(100);
              }
            }

            @Override
            public void onError(Throwable error) {
              sum.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
              sum.complete(total);
            }
          });
      System.out.println("sum of the first 250: " + sum.get(30, TimeUnit.SECONDS));
      System.out.println("still usable: " + conn.execute("SELECT 'yes'").fetchOne().getString(0));

      // 2. Notifications as a publisher, and 3. a listener that reconnects and reports gaps.
      CountDownLatch heard = new CountDownLatch(2);
      conn.publishNotifications().subscribe(new Printer(heard));
      conn.listen("jobs");
      try (Listener listener =
          Listener.builder(url)
              .channels("jobs")
              .onNotification(n -> System.out.println("listener: " + n.payload()))
              .onGap(gap -> System.out.println("listener: may have missed some, " + gap))
              .backoff(Duration.ofMillis(100), Duration.ofSeconds(5))
              .start()) {
        conn.notify("jobs", "job 1");
        int lost = listener.backendPid();
        conn.execute("SELECT pg_terminate_backend($1)", lost);
        while (listener.backendPid() == lost || !listener.connected()) {
          Thread.sleep(50); // reconnecting: a notification sent now would be missed
        }
        conn.notify("jobs", "job 2");
        heard.await(10, TimeUnit.SECONDS);
        Thread.sleep(200);
      }
    }
  }

  /** Prints every notification; asks for all of them. */
  private record Printer(CountDownLatch heard) implements Flow.Subscriber<Notification> {
    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(Notification n) {
      System.out.println("publisher: " + n.channel() + " " + n.payload());
      heard.countDown();
    }

    @Override
    public void onError(Throwable error) {
      System.out.println("publisher ended: " + error);
    }

    @Override
    public void onComplete() {
      System.out.println("publisher: the connection closed");
    }
  }
}
