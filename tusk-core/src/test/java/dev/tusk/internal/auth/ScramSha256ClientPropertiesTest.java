package dev.tusk.internal.auth;

import static dev.tusk.internal.auth.ScramSha256ClientTest.NONCE;
import static dev.tusk.internal.auth.ScramSha256ClientTest.SERVER_FIRST;
import static dev.tusk.internal.auth.ScramSha256ClientTest.started;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ScramSha256ClientPropertiesTest {

  /** Small, so that the rare generated message that is valid hashes quickly. */
  private static final int MAX_ITERATIONS = 64;

  @Property
  void arbitraryServerFirstBytesOnlyEverCauseAuthenticationException(@ForAll byte[] serverFirst) {
    assertOnlyAuthenticationException(
        () -> started("pencil", MAX_ITERATIONS).handleServerFirstMessage(serverFirst));
  }

  @Property
  void nearlyValidServerFirstOnlyEverCausesAuthenticationException(
      @ForAll("nearlyValidServerFirst") String serverFirst) {
    assertOnlyAuthenticationException(
        () ->
            started("pencil", MAX_ITERATIONS)
                .handleServerFirstMessage(serverFirst.getBytes(UTF_8)));
  }

  @Property
  void arbitraryServerFinalBytesOnlyEverCauseAuthenticationException(@ForAll byte[] serverFinal)
      throws AuthenticationException {
    ScramSha256Client client = started("pencil", MAX_ITERATIONS);
    client.handleServerFirstMessage(SERVER_FIRST.replace("i=4096", "i=1").getBytes(UTF_8));

    assertOnlyAuthenticationException(() -> client.verifyServerFinalMessage(serverFinal));
  }

  /** Messages with the right shape but random attribute values, to reach the deeper checks. */
  @Provide
  Arbitrary<String> nearlyValidServerFirst() {
    Arbitrary<String> value = Arbitraries.strings().ofMaxLength(12);
    Arbitrary<String> nonce = Arbitraries.oneOf(value, value.map(suffix -> NONCE + suffix));
    Arbitrary<String> salt =
        Arbitraries.oneOf(value, Arbitraries.strings().withChars("AQw+/=").ofMaxLength(12));
    Arbitrary<String> iterations =
        Arbitraries.oneOf(value, Arbitraries.integers().map(String::valueOf));
    return Combinators.combine(nonce, salt, iterations, value)
        .as((r, s, i, tail) -> "r=" + r + ",s=" + s + ",i=" + i + tail);
  }

  private interface Step {
    void run() throws AuthenticationException;
  }

  private static void assertOnlyAuthenticationException(Step step) {
    try {
      step.run();
    } catch (AuthenticationException expected) {
      assertTrue(expected.getMessage().startsWith("SCRAM "), expected.getMessage());
    }
  }
}
