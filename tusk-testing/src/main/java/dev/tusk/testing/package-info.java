/**
 * A real PostgreSQL for tests, and a JUnit 5 extension that hands out Tusk connections to it.
 *
 * <ul>
 *   <li>{@link dev.tusk.testing.PostgresServer}: one server per JVM, embedded PostgreSQL 17 or the
 *       one named by {@code TUSK_TEST_URL}; roles for every password method ({@link
 *       dev.tusk.testing.TestRole}); scratch databases.
 *   <li>{@link dev.tusk.testing.TuskTest} / {@link dev.tusk.testing.TuskExtension}: test parameters
 *       of type {@code dev.tusk.Connection}, {@code PostgresServer} and {@link
 *       dev.tusk.testing.TestSchema}, each test class in a schema of its own.
 *   <li>{@link dev.tusk.testing.RequiresServerVersion}: skips tests on servers that are too old.
 * </ul>
 *
 * <pre>{@code
 * @TuskTest
 * class InsertTest {
 *   @Test
 *   void insertedRowsCanBeRead(Connection connection) {
 *     connection.execute("CREATE TABLE t (id int)");
 *     connection.execute("INSERT INTO t VALUES ($1)", 42);
 *     assertEquals(42, connection.execute("SELECT id FROM t").fetchOne().get(0));
 *   }
 * }
 * }</pre>
 */
package dev.tusk.testing;
