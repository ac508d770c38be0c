/**
 * Connection strings (libpq key=value and URIs), PG* environment variables and the password file,
 * turned into validated settings. Passwords are redacted everywhere.
 *
 * <p>May use: {@code errors}.
 */
package dev.tusk.internal.conninfo;
