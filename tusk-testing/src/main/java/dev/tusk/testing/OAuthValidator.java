package dev.tusk.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The test OAuth validator module that {@code .ci/oauth-validator} builds for PostgreSQL 18
 * (zonky's 18.1 binaries ship none): a server library that accepts exactly one bearer token, {@link
 * #TOKEN}, as the identity {@link #IDENTITY}. Load it with {@code oauth_validator_libraries} set to
 * {@link #find()}'s absolute path, and an {@code oauth} line in pg_hba.conf. Found, in this order,
 * at the path the system property {@value #PROPERTY} or the environment variable {@value
 * #ENVIRONMENT} names, or in {@code ${XDG_CACHE_HOME:-~/.cache}/tusk/oauth-validator-18/}. It
 * checks no signature: for tests on loopback only.
 */
public final class OAuthValidator {

  /** The system property naming the module to use. */
  public static final String PROPERTY = "tusk.oauth.validator";

  /** The environment variable naming the module to use. */
  public static final String ENVIRONMENT = "TUSK_OAUTH_VALIDATOR";

  /** The one bearer token the module accepts. */
  public static final String TOKEN = "tusk-good-token";

  /**
   * The identity (the server's {@code system_user} is {@code oauth:} and this) of {@link #TOKEN}.
   */
  public static final String IDENTITY = "tusk-subject";

  private static final String BUILD = "oauth-validator-18";

  private OAuthValidator() {}

  /** The module, if it has been built (or named). */
  public static Optional<Path> find() {
    String named = System.getProperty(PROPERTY);
    if (named == null || named.isBlank()) {
      named = System.getenv(ENVIRONMENT);
    }
    Path module =
        named == null || named.isBlank()
            ? PgBouncerBinary.cache().resolve(BUILD).resolve("tusk_oauth_validator.so")
            : Path.of(named);
    return Files.isRegularFile(module) ? Optional.of(module.toAbsolutePath()) : Optional.empty();
  }

  /**
   * Why {@link #find()} finds nothing, for a test's skip message: the reason {@code
   * .ci/oauth-validator} left if its build failed, and how to build it.
   */
  public static String missing() {
    StringBuilder why = new StringBuilder("no OAuth test validator module");
    Path failed = PgBouncerBinary.cache().resolve(BUILD + ".failed");
    try {
      why.append(": ").append(Files.readString(failed).strip());
    } catch (IOException notTried) {
      why.append(" (its build was not tried)");
    }
    return why.append("; run `bash .ci/oauth-validator` to build it into ")
        .append(PgBouncerBinary.cache().resolve(BUILD))
        .append(", or name one with -D")
        .append(PROPERTY)
        .append(" or ")
        .append(ENVIRONMENT)
        .toString();
  }
}
