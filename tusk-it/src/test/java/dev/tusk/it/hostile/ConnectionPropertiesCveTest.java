package dev.tusk.it.hostile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Tusk;
import dev.tusk.errors.ProgrammingError;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * pgjdbc CVE-2022-21724: connection properties such as {@code socketFactory} named a class that the
 * driver loaded and instantiated, with a constructor argument, so whoever controlled the URL ran
 * code. No Tusk setting names a class: every such key is an unknown keyword, refused before
 * anything is loaded or any socket opened.
 */
class ConnectionPropertiesCveTest {

  /** Set by {@link Planted}'s static initializer, which runs only if something loads the class. */
  static final AtomicBoolean PLANTED_LOADED = new AtomicBoolean();

  /** A class a hostile URL names; loading it would show. */
  public static final class Planted {
    static {
      PLANTED_LOADED.set(true);
    }

    /** The constructor pgjdbc's socketFactoryArg fed. */
    public Planted(String argument) {}
  }

  @ParameterizedTest(name = "CVE-2022-21724: {0} in a key=value string")
  @ValueSource(
      strings = {
        "socketFactory",
        "socketFactoryArg",
        "sslfactory",
        "sslfactoryarg",
        "sslhostnameverifier",
        "sslpasswordcallback",
        "authenticationPluginClassName",
        "loggerFile",
        "loggerLevel"
      })
  @DisplayName("CVE-2022-21724: class-naming properties are refused")
  void cve_2022_21724_classNamingPropertiesAreRefused(String key) {
    String conninfo =
        "host=127.0.0.1 port=1 user=u dbname=d " + key + "=" + Planted.class.getName();
    ProgrammingError error = assertThrows(ProgrammingError.class, () -> Tusk.connect(conninfo));
    assertTrue(error.getMessage().contains(key), error.getMessage());
    assertFalse(PLANTED_LOADED.get(), "the named class was loaded");
  }

  @ParameterizedTest(name = "CVE-2022-21724: {0} in a URI")
  @ValueSource(strings = {"socketFactory", "sslfactory", "authenticationPluginClassName"})
  void cve_2022_21724_classNamingPropertiesAreRefusedInUris(String key) {
    String uri =
        "postgresql://u@127.0.0.1:1/d?"
            + key
            + "="
            + URLEncoder.encode(Planted.class.getName(), StandardCharsets.UTF_8)
            + "&socketFactoryArg=http%3A%2F%2Fevil.example%2Fbean.xml";
    ProgrammingError error = assertThrows(ProgrammingError.class, () -> Tusk.connect(uri));
    assertTrue(error.getMessage().contains(key), error.getMessage());
    assertFalse(PLANTED_LOADED.get(), "the named class was loaded");
  }
}
