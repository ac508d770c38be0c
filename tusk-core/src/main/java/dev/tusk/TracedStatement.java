package dev.tusk;

import java.util.List;

/**
 * A statement as a {@link Tracer} sees it.
 *
 * @param sql the statement's text as the caller wrote it (with its placeholders, never values)
 * @param parameters the parameter values, one list per parameter set, when the tracer {@linkplain
 *     Tracer#includesParameters() asked for them}; else empty
 * @param parameterSets how many parameter sets run: 1 for a statement, more for {@code
 *     executeMany}, 0 for a script of several statements without parameters
 * @param connection the connection it runs on: host, port, database, user
 */
public record TracedStatement(
    String sql, List<List<Object>> parameters, int parameterSets, ConnectionInfo connection) {}
