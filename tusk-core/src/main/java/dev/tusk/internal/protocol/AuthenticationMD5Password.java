package dev.tusk.internal.protocol;

/**
 * The server asks for an MD5-hashed password (type 'R', code 5).
 *
 * @param salt the four-byte salt to hash with
 */
public record AuthenticationMD5Password(byte[] salt) implements Authentication {}
