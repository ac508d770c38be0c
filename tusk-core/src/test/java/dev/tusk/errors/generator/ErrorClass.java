package dev.tusk.errors.generator;

import java.util.List;

/**
 * A Java class to generate for one error code.
 *
 * @param code the SQLSTATE and condition name
 * @param name the simple class name
 * @param parent the simple name of the class it extends
 * @param children the simple names of the classes that extend it, for its {@code permits} clause;
 *     empty for a final class
 */
record ErrorClass(ErrorCode code, String name, String parent, List<String> children) {}
