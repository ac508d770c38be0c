package dev.tusk.bench.server;

import java.util.Optional;

/**
 * A role to log in as.
 *
 * @param user the role name
 * @param password its password, or null when the server trusts it
 */
public record Login(String user, String password) {

  /** The password, if any. */
  public Optional<String> optionalPassword() {
    return Optional.ofNullable(password);
  }

  /** Names the user only: a password never reaches a log or a report. */
  @Override
  public String toString() {
    return "Login[user=" + user + (password == null ? "" : ", password=***") + "]";
  }
}
