/**
 * Catalog introspection: {@code TypeCatalog} learns the descriptions of types no codec covers
 * (through a {@code CatalogSource} that runs {@code TypeDescriptionQuery}), and {@code
 * CatalogCodecs} builds a codec from a description with a scope's codecs for its parts.
 *
 * <p>May use: {@code internal.codec.builtin}, {@code types}, {@code errors}.
 */
package dev.tusk.internal.codec.catalog;
