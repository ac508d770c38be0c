package dev.tusk.internal.protocol;

import dev.tusk.errors.Diagnostic;

/**
 * A warning or notice the server reports (NoticeResponse, type 'N'); same fields as an error.
 *
 * @param diagnostic its fields by code: severity, SQLSTATE, message and the optional rest
 */
public record NoticeResponse(Diagnostic diagnostic) implements BackendMessage {}
