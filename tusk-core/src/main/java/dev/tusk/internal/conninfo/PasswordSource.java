package dev.tusk.internal.conninfo;

/**
 * Where the engine gets a password when a server asks for one, in place of the fixed password and
 * the password file: the application's {@code dev.tusk.PasswordSupplier}, adapted by the client
 * layer. See {@link ConnectionSettings#passwordFor(HostPort)}.
 */
@FunctionalInterface
public interface PasswordSource {

  /**
   * The password for the server at {@code host}.
   *
   * @return the password; null or empty means none could be had
   * @throws Exception whatever getting the password failed with
   */
  String password(HostPort host) throws Exception;
}
