/**
 * A real PostgreSQL for tests: embedded (zonky) or {@code TUSK_TEST_URL}, and a JUnit 5 extension.
 */
package dev.tusk.testing;
