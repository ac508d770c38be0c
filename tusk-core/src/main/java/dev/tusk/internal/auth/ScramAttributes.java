package dev.tusk.internal.auth;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Reads the comma-separated {@code a=value} attributes of a SCRAM server message (RFC 5802 section
 * 7) in order, rejecting anything that does not follow the grammar.
 */
final class ScramAttributes {

  /** Longest piece of server text quoted in an error message. */
  private static final int MAX_QUOTED = 100;

  private final String messageName;
  private final String text;
  private final String[] parts;
  private int next;

  private ScramAttributes(String messageName, String text) {
    this.messageName = messageName;
    this.text = text;
    this.parts = text.split(",", -1);
  }

  /**
   * Decodes {@code message} as strict UTF-8 and prepares to read its attributes.
   *
   * @param messageName the RFC 5802 name of the message, for error messages
   */
  static ScramAttributes of(String messageName, byte[] message) throws AuthenticationException {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(message))
              .toString();
      return new ScramAttributes(messageName, text);
    } catch (CharacterCodingException e) {
      throw new AuthenticationException("SCRAM " + messageName + " is not valid UTF-8");
    }
  }

  /** The whole message as text, which SCRAM's AuthMessage includes verbatim. */
  String text() {
    return text;
  }

  /** Whether the next attribute is {@code name}, without consuming it. */
  boolean nextIs(char name) {
    return next < parts.length && parts[next].startsWith(name + "=");
  }

  /** Consumes the next attribute, which must be {@code name}, and returns its value. */
  String require(char name) throws AuthenticationException {
    if (!nextIs(name)) {
      throw new AuthenticationException(
          "SCRAM " + messageName + " lacks the attribute " + name + "= where expected");
    }
    return parts[next++].substring(2);
  }

  /** Consumes the next attribute, which must be {@code name}, and decodes its base64 value. */
  byte[] requireBase64(char name) throws AuthenticationException {
    String value = require(name);
    try {
      return Base64.getDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      throw new AuthenticationException(
          "SCRAM " + messageName + " attribute " + name + "= is not valid base64");
    }
  }

  /**
   * Consumes the optional extensions that may end a message (RFC 5802 {@code extensions}); their
   * meaning is unknown to this client, so only their syntax is checked.
   */
  void skipExtensions() throws AuthenticationException {
    while (next < parts.length) {
      String part = parts[next++];
      if (part.length() < 3 || !isAlpha(part.charAt(0)) || part.charAt(1) != '=') {
        throw new AuthenticationException(
            "SCRAM " + messageName + " has a malformed attribute: " + quote(part));
      }
    }
  }

  /**
   * Server text fit for an error message: shortened and with control and formatting characters
   * replaced, so a hostile server cannot flood or forge log lines.
   */
  static String quote(String serverText) {
    String shown = serverText;
    if (serverText.codePointCount(0, serverText.length()) > MAX_QUOTED) {
      shown = serverText.substring(0, serverText.offsetByCodePoints(0, MAX_QUOTED)) + "...";
    }
    return '"' + shown.replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]", "?") + '"';
  }

  /** Whether every character is RFC 5802 {@code printable}: visible ASCII except ','. */
  static boolean isPrintable(String value) {
    return value.chars().allMatch(c -> c >= 0x21 && c <= 0x7E && c != ',');
  }

  private static boolean isAlpha(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }
}
