package dev.tusk.internal.codec.param;

import dev.tusk.internal.codec.builtin.ValueWriter;

/**
 * How values of one Java class are sent in binary: as {@code oid}, and as elements of an array of
 * type {@code arrayOid}.
 *
 * @param javaClass the class of the values; array elements must all be instances of it
 * @param arrayClass the Java array class whose parameters are sent as {@code arrayOid}
 * @param oid the PostgreSQL type
 * @param arrayOid the PostgreSQL array type with {@code oid} as its elements
 * @param writer writes a value's binary bytes
 */
record ParameterType(
    Class<?> javaClass, Class<?> arrayClass, int oid, int arrayOid, ValueWriter writer) {}
