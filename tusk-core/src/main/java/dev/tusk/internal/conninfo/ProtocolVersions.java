package dev.tusk.internal.conninfo;

/**
 * libpq 18's {@code min_protocol_version} and {@code max_protocol_version}: the minor versions of
 * protocol 3 to ask for (the newest allowed) and to accept. 3.2 (PostgreSQL 18) brings longer
 * cancel keys; older servers and poolers answer a 3.2 request with NegotiateProtocolVersion, and
 * the connection goes on in 3.0 unless {@code min_protocol_version=3.2}.
 *
 * @param minMinor the oldest minor version accepted: 0 or 2
 * @param maxMinor the minor version asked for: 0 or 2
 */
public record ProtocolVersions(int minMinor, int maxMinor) {

  /** libpq 18's defaults: 3.0 asked for, 3.0 accepted. */
  public static final ProtocolVersions DEFAULT = new ProtocolVersions(0, 0);

  /** The newest minor version Tusk speaks. */
  public static final int LATEST_MINOR = 2;

  static ProtocolVersions resolve(OptionValue min, OptionValue max) {
    int minMinor = min == null ? 0 : minor(min, false);
    int maxMinor = max == null ? Math.max(0, minMinor) : minor(max, true);
    if (maxMinor < minMinor) {
      throw max.invalid("max_protocol_version is older than min_protocol_version");
    }
    return new ProtocolVersions(minMinor, maxMinor);
  }

  private static int minor(OptionValue value, boolean latestAllowed) {
    return switch (value.text()) {
      case "3.0" -> 0;
      case "3.2" -> 2;
      case "latest" -> {
        if (!latestAllowed) {
          throw value.invalid("expected 3.0 or 3.2");
        }
        yield LATEST_MINOR;
      }
      default ->
          throw value.invalid(
              latestAllowed ? "expected 3.0, 3.2 or latest" : "expected 3.0 or 3.2");
    };
  }
}
