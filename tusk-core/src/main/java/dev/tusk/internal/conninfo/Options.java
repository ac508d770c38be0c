package dev.tusk.internal.conninfo;

import dev.tusk.errors.Diagnostic;
import dev.tusk.errors.FeatureNotSupported;
import dev.tusk.errors.ProgrammingError;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The keyword values of one connection string, checked keyword by keyword as they are added, and
 * looked up with the PG* environment variables as fallback. A later value for the same keyword
 * replaces an earlier one, as in libpq.
 */
final class Options {

  private static final String CONNECTION_STRING = "the connection string";

  private final Map<Keyword, String> given = new EnumMap<>(Keyword.class);
  private final Map<Keyword, ServiceFile.OptionValueSource> fromService =
      new EnumMap<>(Keyword.class);
  private final Set<UnsupportedKeyword> givenUnsupported = EnumSet.noneOf(UnsupportedKeyword.class);
  private final Environment environment;

  Options(Environment environment) {
    this.environment = environment;
  }

  /**
   * Records {@code word=value} from the connection string.
   *
   * @throws ProgrammingError for an unknown keyword
   * @throws FeatureNotSupported for a libpq feature Tusk lacks, unless the value asks for nothing
   */
  void put(String word, String value) {
    var supported = Keyword.find(word);
    if (supported.isPresent()) {
      given.put(supported.get(), value);
      return;
    }
    var unsupported = UnsupportedKeyword.find(word);
    if (unsupported.isPresent()) {
      checkNoOp(unsupported.get(), value, CONNECTION_STRING);
      givenUnsupported.add(unsupported.get());
      return;
    }
    throw unknown(word);
  }

  /**
   * Reads the settings of the service named by {@code service} (or PGSERVICE), if any, from the
   * service file (see {@link ServiceFile}): they come after the string's and before the
   * environment's, as in libpq.
   *
   * @throws ProgrammingError for a service that is not defined, or a bad line in its group
   * @throws FeatureNotSupported for a libpq feature Tusk lacks, unless the value asks for nothing
   */
  void readService() {
    OptionValue service = get(Keyword.SERVICE);
    if (service == null) {
      return;
    }
    ServiceFile.settings(service, get(Keyword.SERVICEFILE), environment)
        .forEach(
            (word, value) -> {
              var supported = Keyword.find(word);
              if (supported.isPresent() && supported.get() != Keyword.SERVICEFILE) {
                fromService.put(supported.get(), value);
                return;
              }
              var unsupported = UnsupportedKeyword.find(word);
              if (unsupported.isPresent()) {
                checkNoOp(unsupported.get(), value.text(), value.origin());
                return;
              }
              throw new ProgrammingError(
                  "syntax error in " + value.origin() + ": unknown keyword \"" + word + "\"");
            });
  }

  /**
   * The value for {@code keyword}: from the string, else from the service file, else from its
   * environment variable; null when none gives one. An empty value counts as none, but an empty
   * value in the string still hides the environment variable, as in libpq.
   *
   * @throws ProgrammingError if the value contains a NUL character, which PostgreSQL rejects
   */
  OptionValue get(Keyword keyword) {
    String text = given.get(keyword);
    String origin = CONNECTION_STRING;
    String variable = keyword.environmentVariable();
    ServiceFile.OptionValueSource serviceValue = fromService.get(keyword);
    if (text == null && serviceValue != null) {
      text = serviceValue.text();
      origin = serviceValue.origin();
    }
    if (text == null && variable != null) {
      text = environment.variables().get(variable);
      origin = "environment variable " + variable;
    }
    if (text == null || text.isEmpty()) {
      return null;
    }
    if (text.indexOf('\0') >= 0) {
      throw new ProgrammingError(
          "the value of " + keyword.word() + " in " + origin + " contains a NUL character");
    }
    return new OptionValue(keyword, text, origin);
  }

  /**
   * Rejects environment variables that ask for an unsupported feature the string did not override,
   * such as PGSERVICE or PGREQUIREAUTH: ignoring them could connect somewhere else, or less safely.
   */
  void checkUnsupportedEnvironment() {
    for (UnsupportedKeyword keyword : UnsupportedKeyword.values()) {
      String variable = keyword.environmentVariable();
      String value = variable == null ? null : environment.variables().get(variable);
      if (value != null && !givenUnsupported.contains(keyword)) {
        checkNoOp(keyword, value, "environment variable " + variable);
      }
    }
  }

  private static void checkNoOp(UnsupportedKeyword keyword, String value, String origin) {
    if (!keyword.isNoOp(value)) {
      String shown = keyword.isSecret() ? keyword.word() : keyword.word() + "=" + value;
      throw new FeatureNotSupported(
          Diagnostic.client(
              FeatureNotSupported.SQLSTATE,
              shown
                  + " in "
                  + origin
                  + " is not supported by Tusk; "
                  + keyword.word()
                  + " accepts "
                  + keyword.describeNoOpValues()));
    }
  }

  private static ProgrammingError unknown(String word) {
    String hint = KeywordNames.closest(word).map(k -> " (did you mean \"" + k + "\"?)").orElse("");
    return new ProgrammingError("unknown connection option \"" + word + "\"" + hint);
  }
}
