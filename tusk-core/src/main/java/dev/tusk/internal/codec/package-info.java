/**
 * The codec registry and its scopes: {@code CodecRegistry} finds codecs by OID through a flat array
 * and reads values as requested Java types; {@code TypeScope} implements the public, scoped {@code
 * TypeRegistry} (global, connection, cursor), builds codecs for catalog-described types and picks
 * each parameter's encoder. The rest of the driver reaches the codecs through here.
 *
 * <p>Sub-packages, lowest first; each uses only those before it: {@code text} (text formats of
 * values), {@code builtin} (the codecs), {@code convert} (values to other Java types and back),
 * {@code param} (parameter encoders) and {@code catalog} (type descriptions from pg_catalog).
 *
 * <p>May use: its sub-packages, {@code types}, {@code internal.buffer}, {@code errors}.
 */
package dev.tusk.internal.codec;
