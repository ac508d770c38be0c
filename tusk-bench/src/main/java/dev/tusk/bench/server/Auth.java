package dev.tusk.bench.server;

/** How a login authenticates, as set in {@code pg_hba.conf}. */
public enum Auth {
  /** SCRAM-SHA-256 with a password. */
  SCRAM_SHA_256("SCRAM-SHA-256", "scram"),
  /** No authentication exchange at all. */
  TRUST("trust", "trust"),
  /** Whatever the server behind {@code TUSK_BENCH_URL} asks of its user. */
  AS_GIVEN("as TUSK_BENCH_URL's server asks", "given");

  private final String label;
  private final String id;

  Auth(String label, String id) {
    this.label = label;
    this.id = id;
  }

  /** A short name for selecting the method's table, e.g. "scram" in {@code f-scram}. */
  public String id() {
    return id;
  }

  /** The method as the report names it. */
  public String label() {
    return label;
  }
}
