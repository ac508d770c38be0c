package dev.tusk.internal.conninfo;

import dev.tusk.errors.ProgrammingError;

/**
 * Parses the query of a connection URI, {@code key=value&key=value}, each name and value
 * percent-decoded. Empty parameters (as in a trailing {@code &}) are skipped; a value may contain
 * {@code =}, which base64 secrets often do.
 */
final class QueryParameters {

  private QueryParameters() {}

  /** Adds every parameter of {@code query} to {@code options}. */
  static void parse(String query, Options options) {
    String previousSecret = null;
    for (String parameter : query.split("&", -1)) {
      if (!parameter.isEmpty()) {
        previousSecret = parseParameter(parameter, previousSecret, options);
      }
    }
  }

  /** Adds one {@code key=value}; returns its keyword if its value is secret. */
  private static String parseParameter(String parameter, String previousSecret, Options options) {
    int equals = parameter.indexOf('=');
    String rawKeyword = equals < 0 ? parameter : parameter.substring(0, equals);
    // After a secret, a stray parameter is likely the secret's tail, cut at an unencoded "&".
    String shown =
        previousSecret == null
            ? "the URI query parameter \"" + rawKeyword + "\""
            : "the URI query parameter after " + previousSecret;
    if (equals < 0) {
      throw new ProgrammingError("missing \"=\" in " + shown);
    }
    String keyword = PercentDecoding.decode(rawKeyword, shown);
    if (previousSecret != null && !KeywordNames.isKnown(keyword)) {
      throw new ProgrammingError(
          "unknown option in "
              + shown
              + "; percent-encode \"&\" as %26 in the value of "
              + previousSecret);
    }
    String rawValue = parameter.substring(equals + 1);
    boolean secret = KeywordNames.isSecret(keyword);
    String value =
        PercentDecoding.decode(
            rawValue,
            secret ? "the value of " + keyword : "the value \"" + rawValue + "\" of " + keyword);
    options.put(keyword, value);
    return secret ? keyword : null;
  }
}
