package dev.tusk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.conninfo.ConnInfo;
import dev.tusk.internal.conninfo.ConnectionSettings;
import dev.tusk.internal.conninfo.Environment;
import dev.tusk.internal.conninfo.HostPort;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * Settings built one by one reach the driver unescaped, and their text form quotes values the way
 * libpq reads them back while never showing a password.
 */
class ConnectionOptionsTest {

  private static final Environment NOTHING = new Environment(Map.of(), null, "alice");

  private static ConnectionSettings resolve(ConnectionOptions options) {
    return ConnInfo.fromKeywords(options.keywords(), NOTHING);
  }

  @Test
  void valuesArriveAsTheyAre() {
    String password = "it's a \\ 'secret' = with spaces";
    ConnectionOptions options =
        Tusk.options()
            .host("db.example.com")
            .port(6543)
            .dbname("my app")
            .user("bob")
            .password(password)
            .applicationName("")
            .connectTimeout(Duration.ofSeconds(7));
    ConnectionSettings settings = resolve(options);
    assertEquals(List.of(new HostPort("db.example.com", 6543)), settings.hosts());
    assertEquals("my app", settings.database());
    assertEquals("bob", settings.user());
    assertEquals(password, settings.password().reveal());
    assertEquals(Duration.ofSeconds(7), settings.connectTimeout());
  }

  @Test
  void aMapGivesTheSameSettings() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("host", "h");
    map.put("port", 5433);
    map.put("user", "u");
    map.put("password", "p w");
    ConnectionOptions options = ConnectionOptions.of(map);
    assertEquals(
        Map.of("host", "h", "port", "5433", "user", "u", "password", "p w"), options.keywords());
    assertEquals("p w", resolve(options).password().reveal());
  }

  @Test
  void eachChangeMakesANewInstance() {
    ConnectionOptions base = Tusk.options().host("a");
    ConnectionOptions changed = base.host("b").set("host", null).user("u");
    assertEquals(Map.of("host", "a"), base.keywords());
    assertEquals(Map.of("user", "u"), changed.keywords());
  }

  @Test
  void toStringMasksPasswordsAndQuotesTheRest() {
    ConnectionOptions options =
        Tusk.options()
            .host("db")
            .password("hunter2")
            .set("sslpassword", "hunter3")
            .set("oauth_client_secret", "hunter4")
            .applicationName("it's mine");
    String text = options.toString();
    assertFalse(text.contains("hunter"), text);
    assertEquals(
        "host=db password=******** sslpassword=******** oauth_client_secret=********"
            + " application_name='it\\'s mine'",
        text);
  }

  @Test
  void theTokenSupplierSurvivesEveryChangeAndCanBeRemoved() {
    OAuthTokenSupplier supplier = request -> "token";
    ConnectionOptions options =
        Tusk.options().oauthTokenSupplier(supplier).host("db").set("oauth_issuer", "https://i");
    assertSame(supplier, options.tracer(null).oauthTokenSupplier());
    assertNull(options.oauthTokenSupplier(null).oauthTokenSupplier());
    assertNull(Tusk.options().oauthTokenSupplier());
    assertEquals("https://i", resolve(options).oauth().issuer());
  }

  @Test
  void aTokenRequestMasksTheClientSecret() {
    OAuthTokenRequest request =
        new OAuthTokenRequest(
            "https://i",
            "https://i/.well-known/openid-configuration",
            "s",
            "u",
            "h",
            "app",
            "hunter5");
    assertFalse(request.toString().contains("hunter"), request.toString());
    assertTrue(request.toString().contains("clientId=app"), request.toString());
    assertEquals("hunter5", request.clientSecret());
  }

  @Test
  void scramKeysReachTheDriverAndAreMasked() {
    String client = java.util.Base64.getEncoder().encodeToString(new byte[32]);
    String server = "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=";
    ConnectionOptions options = Tusk.options().host("db").scramKeys(client, server);
    assertEquals("host=db scram_client_key=******** scram_server_key=********", options.toString());
    ConnectionSettings settings = resolve(options);
    assertEquals(32, settings.scramKeys().clientKey().length);
    assertEquals(1, settings.scramKeys().serverKey()[31]);
    assertEquals(Map.of("host", "db"), options.scramKeys(null, null).keywords());
  }

  @Property
  void quotedValuesReadBackAsTheyWere(@ForAll String value) {
    if (value.indexOf('\0') >= 0) {
      return; // PostgreSQL refuses NUL in any setting
    }
    String conninfo = "application_name=" + ConnectionOptions.quote(value);
    String expected = value.isEmpty() ? null : value;
    assertEquals(expected, ConnInfo.parse(conninfo, NOTHING).applicationName(), conninfo);
  }

  @Test
  void anUnknownKeywordIsReportedWhenConnecting() {
    ConnectionOptions options = Tusk.options().set("hots", "db");
    ProgrammingError error = assertThrows(ProgrammingError.class, () -> resolve(options));
    assertTrue(error.getMessage().contains("hots"), error.getMessage());
  }

  @Test
  void timeoutsAreWholeSeconds() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Tusk.options().connectTimeout(Duration.ofMillis(1500)));
  }
}
