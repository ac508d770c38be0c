package dev.tusk.internal.conninfo;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Resolves the {@link TlsOptions} keywords, with libpq's checks between them. */
final class TlsSettingsResolver {

  private final Options options;

  private TlsSettingsResolver(Options options) {
    this.options = options;
  }

  static TlsOptions resolve(Options options, SslMode sslMode) {
    return new TlsSettingsResolver(options).resolve(sslMode);
  }

  private TlsOptions resolve(SslMode sslMode) {
    String min = protocol(Keyword.SSL_MIN_PROTOCOL_VERSION, TlsOptions.DEFAULTS.minProtocol());
    String max = protocol(Keyword.SSL_MAX_PROTOCOL_VERSION, null);
    if (max != null && TlsOptions.PROTOCOLS.indexOf(max) < TlsOptions.PROTOCOLS.indexOf(min)) {
      throw options
          .get(Keyword.SSL_MAX_PROTOCOL_VERSION)
          .invalid("ssl_max_protocol_version is older than ssl_min_protocol_version (" + min + ")");
    }
    return new TlsOptions(
        directNegotiation(sslMode),
        flag(Keyword.SSLSNI, true),
        min,
        max,
        path(Keyword.SSLCRL),
        path(Keyword.SSLCRLDIR),
        certMode());
  }

  /** As in libpq, direct TLS is only for modes that never fall back to plain text. */
  private boolean directNegotiation(SslMode sslMode) {
    OptionValue value = options.get(Keyword.SSLNEGOTIATION);
    if (value == null || value.text().equals("postgres")) {
      return false;
    }
    if (!value.text().equals("direct")) {
      throw value.invalid("expected postgres or direct");
    }
    if (sslMode.compareTo(SslMode.REQUIRE) < 0) {
      throw value.invalid(
          "sslnegotiation=direct needs sslmode require, verify-ca or verify-full, not "
              + sslMode.keyword());
    }
    return true;
  }

  private String protocol(Keyword keyword, String fallback) {
    OptionValue value = options.get(keyword);
    if (value == null) {
      return fallback;
    }
    for (String protocol : TlsOptions.PROTOCOLS) {
      if (protocol.equalsIgnoreCase(value.text())) {
        return protocol;
      }
    }
    throw value.invalid("expected one of " + String.join(", ", TlsOptions.PROTOCOLS));
  }

  private boolean flag(Keyword keyword, boolean fallback) {
    OptionValue value = options.get(keyword);
    return value == null ? fallback : value.intFrom(0, 1, "expected 1 (on) or 0 (off)") == 1;
  }

  private String certMode() {
    OptionValue value = options.get(Keyword.SSLCERTMODE);
    if (value == null) {
      return TlsOptions.DEFAULTS.certMode();
    }
    return switch (value.text()) {
      case "disable", "allow", "require" -> value.text();
      default -> throw value.invalid("expected disable, allow or require");
    };
  }

  private Path path(Keyword keyword) {
    OptionValue value = options.get(keyword);
    if (value == null) {
      return null;
    }
    try {
      return Path.of(value.text());
    } catch (InvalidPathException e) {
      throw value.invalid("not a valid path: " + e.getReason());
    }
  }
}
