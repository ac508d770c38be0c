package dev.tusk.internal.protocol;

/**
 * A GSSAPI token from the server (type 'R', code 8), to give to the client's security context.
 *
 * @param data the token; never logged
 */
public record AuthenticationGSSContinue(byte[] data) implements Authentication {}
