package dev.tusk.internal.protocol;

/**
 * The server's last SASL message (type 'R', code 12), sent before AuthenticationOk.
 *
 * @param data the mechanism-specific outcome (for SCRAM, the server-final-message)
 */
public record AuthenticationSASLFinal(byte[] data) implements Authentication {}
