/**
 * Public type support: value types such as PgInterval, OID constants, and later the codec SPI.
 *
 * <p>May use: {@code errors}.
 */
package dev.tusk.types;
