package dev.tusk.internal.protocol;

/**
 * The parameter types of a described statement (ParameterDescription, type 't').
 *
 * @param typeOids the data type oid of each parameter, in order (unsigned oids as int bits)
 */
public record ParameterDescription(int[] typeOids) implements BackendMessage {}
