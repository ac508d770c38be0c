package dev.tusk.bench.server;

/** How a login authenticates, as set in {@code pg_hba.conf}. */
public enum Auth {
  /** SCRAM-SHA-256 with a password. */
  SCRAM_SHA_256("SCRAM-SHA-256"),
  /** No authentication exchange at all. */
  TRUST("trust"),
  /** Whatever the server behind {@code TUSK_BENCH_URL} asks of its user. */
  AS_GIVEN("as TUSK_BENCH_URL's server asks");

  private final String label;

  Auth(String label) {
    this.label = label;
  }

  /** The method as the report names it. */
  public String label() {
    return label;
  }
}
