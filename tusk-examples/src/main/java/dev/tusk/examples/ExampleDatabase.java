package dev.tusk.examples;

import dev.tusk.testing.PostgresServer;

/** Where the examples connect: {@code DATABASE_URL}, or else an embedded PostgreSQL. */
final class ExampleDatabase {

  private ExampleDatabase() {}

  static String url() {
    String url = System.getenv("DATABASE_URL");
    if (url == null) {
      System.out.println("DATABASE_URL is not set: starting an embedded PostgreSQL...");
      url = PostgresServer.get().conninfo();
    }
    return url;
  }
}
