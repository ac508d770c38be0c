package dev.tusk.internal.auth;

import dev.tusk.internal.auth.ServerFinalMessage.ServerError;
import dev.tusk.internal.auth.ServerFinalMessage.Verifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * The client side of SCRAM-SHA-256 (RFC 5802, RFC 7677) as PostgreSQL uses it, as a state machine
 * over message bytes: {@link #clientFirstMessage}, {@link #handleServerFirstMessage} and {@link
 * #verifyServerFinalMessage}, each once and in that order. One instance serves one exchange. Not
 * thread-safe.
 */
public final class ScramSha256Client {

  /** 18 random bytes: 144 bits, 24 base64 characters. */
  private static final int NONCE_BYTES = 18;

  private static final SecureRandom RANDOM = new SecureRandom();

  private enum State {
    INITIAL,
    FIRST_SENT,
    FINAL_SENT,
    VERIFIED,
    FAILED
  }

  private final ChannelBinding channelBinding;
  private final int maxIterations;
  private final String clientNonce;
  private final String clientFirstBare;
  private final ScramCredential credential;
  private byte[] serverSignature;
  private State state = State.INITIAL;

  /**
   * Starts an exchange with a fresh random nonce. The user name is sent empty: PostgreSQL takes it
   * from the startup message and ignores this one.
   *
   * @param password the password; SASLprep is applied, and if it rejects the password its raw UTF-8
   *     bytes are used, as PostgreSQL does
   * @param maxIterations the highest iteration count accepted from the server (the {@code
   *     scram_max_iterations} setting); a hostile server could otherwise make the client hash for
   *     minutes
   * @throws IllegalArgumentException if {@code maxIterations} is not positive
   */
  public ScramSha256Client(String password, int maxIterations) {
    this(password, maxIterations, ChannelBinding.NONE);
  }

  /**
   * Starts an exchange with a fresh random nonce and the given channel binding (SCRAM-SHA-256-PLUS
   * when it {@link ChannelBinding#binds()}).
   */
  public ScramSha256Client(String password, int maxIterations, ChannelBinding channelBinding) {
    this(ScramCredential.password(password), maxIterations, channelBinding);
  }

  /**
   * Starts an exchange with a fresh random nonce, the given channel binding, and a password or the
   * keys derived from one.
   *
   * @param maxIterations the {@code scram_max_iterations} setting, which limits the hashing a
   *     password costs ({@link ScramCredential#iterationCap})
   */
  public ScramSha256Client(
      ScramCredential credential, int maxIterations, ChannelBinding channelBinding) {
    this(credential, maxIterations, "", randomNonce(), channelBinding);
  }

  /** Starts an exchange with a fixed user name and client nonce, for known-answer tests. */
  ScramSha256Client(String password, int maxIterations, String user, String clientNonce) {
    this(ScramCredential.password(password), maxIterations, user, clientNonce, ChannelBinding.NONE);
  }

  ScramSha256Client(
      ScramCredential credential,
      int maxIterations,
      String user,
      String clientNonce,
      ChannelBinding channelBinding) {
    Objects.requireNonNull(credential, "credential");
    Objects.requireNonNull(user, "user");
    if (maxIterations <= 0) {
      throw new IllegalArgumentException(
          "scram_max_iterations must be positive, not " + maxIterations);
    }
    if (clientNonce.isEmpty() || !ScramAttributes.isPrintable(clientNonce)) {
      throw new IllegalArgumentException("a SCRAM nonce is non-empty printable ASCII without ','");
    }
    this.channelBinding = Objects.requireNonNull(channelBinding, "channelBinding");
    this.maxIterations = credential.iterationCap(maxIterations);
    this.clientNonce = clientNonce;
    this.clientFirstBare = "n=" + saslName(user) + ",r=" + clientNonce;
    this.credential = credential;
  }

  /**
   * The SASL mechanism name to send in SASLInitialResponse: {@code SCRAM-SHA-256}, or {@code
   * SCRAM-SHA-256-PLUS} with channel binding.
   */
  public String mechanism() {
    return channelBinding.mechanism();
  }

  /**
   * The client-first-message, the initial response of SASLInitialResponse.
   *
   * @throws IllegalStateException if called twice
   */
  public byte[] clientFirstMessage() {
    advance(State.INITIAL, State.FIRST_SENT);
    return utf8(channelBinding.gs2Header() + clientFirstBare);
  }

  /**
   * Checks the server-first-message (from AuthenticationSASLContinue) and computes the proof.
   *
   * @return the client-final-message to send in SASLResponse
   * @throws AuthenticationException if the message is malformed or unacceptable: a nonce that does
   *     not extend the client's, a bad salt, an iteration count that is not a positive integer or
   *     exceeds {@code scram_max_iterations}, or a mandatory extension
   * @throws IllegalStateException unless called once, after {@link #clientFirstMessage}
   */
  public byte[] handleServerFirstMessage(byte[] serverFirst) throws AuthenticationException {
    advance(State.FIRST_SENT, State.FAILED);
    try {
      ServerFirstMessage message =
          ServerFirstMessage.parse(serverFirst, clientNonce, maxIterations);
      String withoutProof = "c=" + channelBinding.attributeValue() + ",r=" + message.nonce();
      byte[] authMessage = utf8(clientFirstBare + "," + message.text() + "," + withoutProof);
      byte[] proof = computeProof(message, authMessage);
      state = State.FINAL_SENT;
      return utf8(withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof));
    } finally {
      // The password or keys are needed for this one step only, whatever its outcome.
      credential.wipe();
    }
  }

  /**
   * Checks the server-final-message (from AuthenticationSASLFinal): the server must prove that it
   * knows the password too.
   *
   * @throws AuthenticationException if the server reported an error ({@code e=}, whose text the
   *     message includes), the message is malformed, or the server signature is wrong
   * @throws IllegalStateException unless called once, after {@link #handleServerFirstMessage}
   *     succeeded
   */
  public void verifyServerFinalMessage(byte[] serverFinal) throws AuthenticationException {
    advance(State.FINAL_SENT, State.FAILED);
    switch (ServerFinalMessage.parse(serverFinal)) {
      case ServerError error ->
          throw new AuthenticationException(
              "SCRAM authentication failed on the server: " + ScramAttributes.quote(error.value()));
      case Verifier verifier -> {
        // Constant time, so the comparison leaks nothing about the expected signature.
        if (!MessageDigest.isEqual(serverSignature, verifier.serverSignature())) {
          throw new AuthenticationException(
              "SCRAM server signature (v=) is wrong: the server did not prove that it knows "
                  + credential.serverSecretName());
        }
      }
    }
    state = State.VERIFIED;
  }

  /** Whether the server has proved it knows the password (its final message was verified). */
  public boolean isServerVerified() {
    return state == State.VERIFIED;
  }

  /**
   * Takes the keys (derived from the password per RFC 5802 section 3, or as given), keeps the
   * expected ServerSignature and returns the ClientProof, zeroing the keys on the way.
   */
  private byte[] computeProof(ServerFirstMessage message, byte[] authMessage) {
    ScramCredential.DerivedKeys keys = credential.keys(message.salt(), message.iterations());
    try {
      serverSignature = ScramFunctions.hmac(keys.serverKey(), authMessage);
      byte[] storedKey = ScramFunctions.hash(keys.clientKey());
      byte[] proof = ScramFunctions.hmac(storedKey, authMessage);
      ScramFunctions.xorInto(proof, keys.clientKey());
      return proof;
    } finally {
      keys.wipe();
    }
  }

  private void advance(State expected, State next) {
    if (state != expected) {
      throw new IllegalStateException(
          "SCRAM exchange called out of order: it is in state " + state + ", not " + expected);
    }
    state = next;
  }

  /** RFC 5802 saslname: ',' and '=' are escaped as =2C and =3D. */
  private static String saslName(String user) {
    return user.replace("=", "=3D").replace(",", "=2C");
  }

  private static String randomNonce() {
    byte[] bytes = new byte[NONCE_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
