package dev.tusk.it.gss;

import dev.tusk.Connection;
import dev.tusk.Tusk;

/**
 * Run in a JVM of its own by {@link GssAuthenticationTest}: connects with the credentials JGSS
 * finds in the ticket cache ({@code KRB5CCNAME}) and prints the user the server sees.
 */
public final class TicketCacheLogin {

  private TicketCacheLogin() {}

  /** Connects to {@code args[0]} and prints {@code current_user}. */
  public static void main(String[] args) {
    try (Connection conn = Tusk.connect(args[0])) {
      System.out.println("current_user=" + conn.execute("SELECT current_user").fetchOne().get(0));
    }
  }
}
