package dev.tusk.internal.protocol;

/**
 * The current value of a run-time parameter the server reports (ParameterStatus, type 'S'): sent
 * during startup and whenever a reported parameter changes.
 *
 * @param name the parameter name, such as {@code server_version}
 * @param value its current value
 */
public record ParameterStatus(String name, String value) implements BackendMessage {}
