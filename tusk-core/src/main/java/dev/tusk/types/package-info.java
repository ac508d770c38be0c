/**
 * Public type support: the codec SPI ({@link dev.tusk.types.Codec}, {@link
 * dev.tusk.types.BinaryOutput}), the scoped copy-on-write {@link dev.tusk.types.TypeRegistry},
 * typed parameters ({@link dev.tusk.types.Param}), JSON ({@link dev.tusk.types.Json}, {@link
 * dev.tusk.types.JsonMapper}), value types such as PgInterval and PgRecord, and OID constants.
 *
 * <p>May use: {@code errors}.
 */
package dev.tusk.types;
