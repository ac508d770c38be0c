/**
 * tusk-jdbc: a JDBC 4.3 driver over Tusk's public API. Use it through {@link
 * java.sql.DriverManager} with {@code jdbc:tusk:postgresql://...} URLs, or through {@link
 * dev.tusk.jdbc.TuskDataSource}. A {@link java.sql.Connection} unwraps to the {@link
 * dev.tusk.Connection} underneath ({@code connection.unwrap(dev.tusk.Connection.class)}) for
 * pipelines, COPY and async calls on the same session. See docs/jdbc.md.
 */
package dev.tusk.jdbc;
