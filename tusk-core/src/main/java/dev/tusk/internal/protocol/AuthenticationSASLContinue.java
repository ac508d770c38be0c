package dev.tusk.internal.protocol;

/**
 * A SASL challenge from the server (type 'R', code 11).
 *
 * @param data the mechanism-specific challenge (for SCRAM, the server-first-message)
 */
public record AuthenticationSASLContinue(byte[] data) implements Authentication {}
