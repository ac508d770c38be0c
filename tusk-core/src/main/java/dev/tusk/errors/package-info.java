/**
 * Errors: {@link dev.tusk.errors.TuskException}, the DB-API tree, one generated class per SQLSTATE,
 * and {@link dev.tusk.errors.Diagnostic}.
 *
 * <p>May use: nothing (a leaf).
 */
package dev.tusk.errors;
