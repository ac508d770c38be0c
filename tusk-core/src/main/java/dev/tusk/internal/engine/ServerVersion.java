package dev.tusk.internal.engine;

/** Parses the server_version parameter into libpq's numeric form. */
final class ServerVersion {

  private ServerVersion() {}

  /**
   * "17.2 (Debian 17.2-1)" gives 170002, "18beta1" gives 180000, "9.6.24" gives 90624, anything
   * unreadable 0.
   */
  static int parse(String text) {
    int[] parts = new int[3];
    int part = 0;
    int i = 0;
    while (i < text.length() && part < 3) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        parts[part] = Math.min(parts[part] * 10 + (c - '0'), 9999);
      } else if (c == '.') {
        part++;
      } else {
        break;
      }
      i++;
    }
    if (parts[0] >= 10) {
      return parts[0] * 10000 + parts[1];
    }
    return parts[0] * 10000 + parts[1] * 100 + parts[2];
  }
}
