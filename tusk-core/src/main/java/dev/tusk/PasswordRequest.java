package dev.tusk;

/**
 * The connection a {@link PasswordSupplier} is asked a password for: one server of the connection
 * settings (one host of a host list), and who logs in to what. Holds no secret.
 *
 * @param host the host name as the settings give it (not the address it resolved to), a numeric
 *     address, or the directory of a Unix-domain socket
 * @param port the server's port
 * @param database the database being connected to
 * @param user the role logging in
 */
public record PasswordRequest(String host, int port, String database, String user) {}
