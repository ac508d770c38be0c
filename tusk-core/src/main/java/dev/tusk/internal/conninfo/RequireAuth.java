package dev.tusk.internal.conninfo;

import java.util.EnumSet;
import java.util.Set;

/**
 * libpq 16's {@code require_auth}: the authentication methods the server may ask for. A list of
 * methods allows exactly those; a list of negated methods ({@code !md5,!password}) allows all
 * others. {@code none} stands for a server that asks for nothing (trust, or a client certificate
 * alone).
 *
 * @param allowed the methods the server may use
 * @param text the setting as given, for error messages, or null when not set
 */
public record RequireAuth(Set<Method> allowed, String text) {

  /** An authentication method as {@code require_auth} names it. */
  public enum Method {
    /** Cleartext password. */
    PASSWORD("password"),
    /** MD5 password hash. */
    MD5("md5"),
    /** GSSAPI (Kerberos). */
    GSS("gss"),
    /** SSPI (Windows). */
    SSPI("sspi"),
    /** SCRAM-SHA-256, with or without channel binding. */
    SCRAM_SHA_256("scram-sha-256"),
    /** OAuth bearer tokens (PostgreSQL 18). */
    OAUTH("oauth"),
    /** No authentication exchange at all. */
    NONE("none");

    private final String word;

    Method(String word) {
      this.word = word;
    }

    /** The spelling in {@code require_auth}. */
    public String word() {
      return word;
    }

    static Method find(String word) {
      for (Method method : values()) {
        if (method.word.equals(word)) {
          return method;
        }
      }
      return null;
    }
  }

  /** Anything goes: the default. */
  public static final RequireAuth ANY = new RequireAuth(EnumSet.allOf(Method.class), null);

  /** Copies {@code allowed}. */
  public RequireAuth {
    allowed = allowed.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(allowed));
  }

  /** Whether the server may use {@code method}. */
  public boolean allows(Method method) {
    return allowed.contains(method);
  }

  /** Parses a comma-separated list as libpq does: each method at most once, all negated or none. */
  static RequireAuth parse(OptionValue value) {
    Set<Method> listed = EnumSet.noneOf(Method.class);
    Boolean negated = null;
    for (String part : value.text().split(",", -1)) {
      boolean not = part.startsWith("!");
      Method method = Method.find(not ? part.substring(1) : part);
      if (method == null) {
        throw value.invalidPart(
            part,
            "expected a comma-separated list of password, md5, gss, sspi, scram-sha-256, oauth,"
                + " none, each optionally negated with !");
      }
      if (negated != null && negated != not) {
        throw value.invalidPart(
            part, "negated methods (!method) cannot be mixed with methods that are not negated");
      }
      negated = not;
      if (!listed.add(method)) {
        throw value.invalidPart(part, "each method may be given once");
      }
    }
    Set<Method> allowed = listed;
    if (negated) {
      allowed = EnumSet.complementOf(EnumSet.copyOf(listed));
    }
    return new RequireAuth(allowed, value.text());
  }
}
