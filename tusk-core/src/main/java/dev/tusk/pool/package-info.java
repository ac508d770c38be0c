/**
 * Connection pools over the public API: {@link dev.tusk.pool.ConnectionPool} reuses connections,
 * {@link dev.tusk.pool.NullConnectionPool} opens one per request; both are configured by {@link
 * dev.tusk.pool.PoolOptions} and share the {@link dev.tusk.pool.Pool} interface.
 *
 * <p>May use: {@code dev.tusk}, {@code errors}, {@code types} (public packages only) and the JDK,
 * including {@code java.management} for the MBean and {@code jdk.jfr} for events.
 */
package dev.tusk.pool;
