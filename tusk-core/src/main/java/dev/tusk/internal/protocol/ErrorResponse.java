package dev.tusk.internal.protocol;

import dev.tusk.errors.Diagnostic;

/**
 * An error the server reports (ErrorResponse, type 'E').
 *
 * @param diagnostic its fields by code: severity, SQLSTATE, message and the optional rest
 */
public record ErrorResponse(Diagnostic diagnostic) implements BackendMessage {}
