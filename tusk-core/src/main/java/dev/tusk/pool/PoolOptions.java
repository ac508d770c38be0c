package dev.tusk.pool;

import dev.tusk.Connection;
import dev.tusk.Tracer;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a pool behaves; immutable and validated when built. Make one with {@link #builder()}.
 *
 * @param name the pool's name in logs, errors, JMX and JFR; null makes one ({@code pool-1}, ...)
 * @param minSize connections kept open even when idle
 * @param maxSize connections open at most
 * @param timeout how long a request waits for a connection before {@link PoolTimeout}
 * @param maxWaiting requests allowed to wait at once (0: no limit); more get {@link
 *     TooManyRequests}
 * @param maxIdle how long a connection above {@code minSize} may stay idle before it is closed
 * @param maxLifetime how long a connection lives; each gets 0 to 10% less, so that connections
 *     opened together do not all expire together
 * @param reconnectTimeout how long the pool keeps failing to connect before requests fail at once
 *     (it keeps trying in the background)
 * @param reconnectDelay the wait after the first failed connection attempt; it doubles with each
 *     further failure, up to 30 seconds, with 10% jitter
 * @param leakThreshold a connection held longer than this is logged with the stack that acquired
 *     it; {@link Duration#ZERO} turns the check off
 * @param autocommit whether a borrower gets a connection in autocommit mode (true by default);
 *     false gives every loan DB-API behaviour: the first statement opens a transaction, which the
 *     borrower commits, and which the pool rolls back if the connection comes back with it open
 * @param configure runs on each new connection before first use (null: none); throwing discards it.
 *     What it sets lasts for every loan of the connection: session settings ({@code SET ...}),
 *     since the pool's reset only ends transactions, and autocommit: a hook that turns autocommit
 *     off makes every loan of that connection start with autocommit off
 * @param check runs on a connection before each hand-out (null: none); throwing discards it
 * @param reset runs on each returned connection after the pool's own reset (null: none); throwing
 *     discards it
 * @param openOnCreate whether the pool's constructor opens it
 * @param tracer hears of every statement on the connections the pool opens from a connection string
 *     (null: none); a pool made with a connector gets what the connector's connections have, so
 *     give the tracer to the connector instead ({@link dev.tusk.ConnectionOptions#tracer})
 */
public record PoolOptions(
    String name,
    int minSize,
    int maxSize,
    Duration timeout,
    int maxWaiting,
    Duration maxIdle,
    Duration maxLifetime,
    Duration reconnectTimeout,
    Duration reconnectDelay,
    Duration leakThreshold,
    boolean autocommit,
    Consumer<Connection> configure,
    Consumer<Connection> check,
    Consumer<Connection> reset,
    boolean openOnCreate,
    Tracer<?> tracer) {

  /** Validates every option; throws {@link IllegalArgumentException} naming the one at fault. */
  public PoolOptions {
    if (name != null && name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    requireSizes(minSize, maxSize);
    if (maxWaiting < 0) {
      throw new IllegalArgumentException("maxWaiting must be 0 (no limit) or more: " + maxWaiting);
    }
    requirePositive("timeout", timeout);
    requirePositive("maxIdle", maxIdle);
    requirePositive("maxLifetime", maxLifetime);
    requirePositive("reconnectTimeout", reconnectTimeout);
    requirePositive("reconnectDelay", reconnectDelay);
    Objects.requireNonNull(leakThreshold, "leakThreshold");
    if (leakThreshold.isNegative()) {
      throw new IllegalArgumentException("leakThreshold must not be negative: " + leakThreshold);
    }
  }

  /** A builder with the defaults: 4 connections, 30 s timeout, 10 min idle, 1 h lifetime. */
  public static Builder builder() {
    return new Builder();
  }

  /** The default options. */
  public static PoolOptions defaults() {
    return builder().build();
  }

  /** A builder holding these options, to change some of them. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Whether leak detection is on. */
  public boolean detectsLeaks() {
    return !leakThreshold.isZero();
  }

  static void requireSizes(int minSize, int maxSize) {
    if (minSize < 0) {
      throw new IllegalArgumentException("minSize must not be negative: " + minSize);
    }
    if (maxSize < 1 || maxSize < minSize) {
      throw new IllegalArgumentException(
          "maxSize must be at least 1 and at least minSize (" + minSize + "): " + maxSize);
    }
  }

  private static void requirePositive(String option, Duration value) {
    Objects.requireNonNull(value, option);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(option + " must be positive: " + value);
    }
  }

  /** Builds {@link PoolOptions}; every setter returns this builder. */
  public static final class Builder {

    private String name;
    private int minSize = 4;
    private Integer maxSize;
    private Duration timeout = Duration.ofSeconds(30);
    private int maxWaiting;
    private Duration maxIdle = Duration.ofMinutes(10);
    private Duration maxLifetime = Duration.ofHours(1);
    private Duration reconnectTimeout = Duration.ofMinutes(5);
    private Duration reconnectDelay = Duration.ofSeconds(1);
    private Duration leakThreshold = Duration.ZERO;
    private boolean autocommit = true;
    private Consumer<Connection> configure;
    private Consumer<Connection> check;
    private Consumer<Connection> reset;
    private boolean openOnCreate = true;
    private Tracer<?> tracer;

    private Builder() {}

    private Builder(PoolOptions options) {
      name = options.name;
      minSize = options.minSize;
      maxSize = options.maxSize;
      timeout = options.timeout;
      maxWaiting = options.maxWaiting;
      maxIdle = options.maxIdle;
      maxLifetime = options.maxLifetime;
      reconnectTimeout = options.reconnectTimeout;
      reconnectDelay = options.reconnectDelay;
      leakThreshold = options.leakThreshold;
      autocommit = options.autocommit;
      configure = options.configure;
      check = options.check;
      reset = options.reset;
      openOnCreate = options.openOnCreate;
      tracer = options.tracer;
    }

    /** See {@link PoolOptions#name()}. */
    public Builder name(String value) {
      name = value;
      return this;
    }

    /** See {@link PoolOptions#minSize()}; {@code maxSize} follows it unless set. */
    public Builder minSize(int value) {
      minSize = value;
      return this;
    }

    /** See {@link PoolOptions#maxSize()}; by default the same as {@code minSize}. */
    public Builder maxSize(int value) {
      maxSize = value;
      return this;
    }

    /** Sets {@code minSize} and {@code maxSize} at once. */
    public Builder size(int min, int max) {
      return minSize(min).maxSize(max);
    }

    /** See {@link PoolOptions#timeout()}. */
    public Builder timeout(Duration value) {
      timeout = value;
      return this;
    }

    /** See {@link PoolOptions#maxWaiting()}. */
    public Builder maxWaiting(int value) {
      maxWaiting = value;
      return this;
    }

    /** See {@link PoolOptions#maxIdle()}. */
    public Builder maxIdle(Duration value) {
      maxIdle = value;
      return this;
    }

    /** See {@link PoolOptions#maxLifetime()}. */
    public Builder maxLifetime(Duration value) {
      maxLifetime = value;
      return this;
    }

    /** See {@link PoolOptions#reconnectTimeout()}. */
    public Builder reconnectTimeout(Duration value) {
      reconnectTimeout = value;
      return this;
    }

    /** See {@link PoolOptions#reconnectDelay()}. */
    public Builder reconnectDelay(Duration value) {
      reconnectDelay = value;
      return this;
    }

    /** See {@link PoolOptions#leakThreshold()}. */
    public Builder leakThreshold(Duration value) {
      leakThreshold = value;
      return this;
    }

    /** See {@link PoolOptions#autocommit()}. */
    public Builder autocommit(boolean value) {
      autocommit = value;
      return this;
    }

    /** See {@link PoolOptions#configure()}. */
    public Builder configure(Consumer<Connection> hook) {
      configure = hook;
      return this;
    }

    /** See {@link PoolOptions#check()}; {@link Pool#checkConnection} is a ready-made check. */
    public Builder check(Consumer<Connection> hook) {
      check = hook;
      return this;
    }

    /** See {@link PoolOptions#reset()}. */
    public Builder reset(Consumer<Connection> hook) {
      reset = hook;
      return this;
    }

    /** See {@link PoolOptions#openOnCreate()}. */
    public Builder openOnCreate(boolean value) {
      openOnCreate = value;
      return this;
    }

    /** See {@link PoolOptions#tracer()}. */
    public Builder tracer(Tracer<?> value) {
      tracer = value;
      return this;
    }

    /** The validated options; throws {@link IllegalArgumentException} naming a bad option. */
    public PoolOptions build() {
      return new PoolOptions(
          name,
          minSize,
          maxSize == null ? Math.max(minSize, 1) : maxSize,
          timeout,
          maxWaiting,
          maxIdle,
          maxLifetime,
          reconnectTimeout,
          reconnectDelay,
          leakThreshold,
          autocommit,
          configure,
          check,
          reset,
          openOnCreate,
          tracer);
    }
  }
}
