package dev.tusk.internal.transport;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The blocks of a PEM file (RFC 7468): {@code -----BEGIN LABEL-----}, optional RFC 1421 headers
 * such as {@code DEK-Info}, base64, {@code -----END LABEL-----}. Text around blocks is ignored, as
 * OpenSSL ignores it.
 */
final class PemBlocks {

  /** One block: its label, its headers (empty for RFC 7468 files) and its decoded bytes. */
  record Block(String label, Map<String, String> headers, byte[] der) {}

  private PemBlocks() {}

  /**
   * Parses every block of {@code text}.
   *
   * @throws IllegalArgumentException if a block is not closed or its base64 is invalid
   */
  static List<Block> parse(String text) {
    List<Block> blocks = new ArrayList<>();
    String label = null;
    Map<String, String> headers = null;
    StringBuilder base64 = null;
    for (String raw : text.split("\r?\n")) {
      String line = raw.strip();
      if (label == null) {
        if (line.startsWith("-----BEGIN ") && line.endsWith("-----")) {
          label = line.substring(11, line.length() - 5);
          headers = new LinkedHashMap<>();
          base64 = new StringBuilder();
        }
      } else if (line.equals("-----END " + label + "-----")) {
        blocks.add(new Block(label, headers, Base64.getMimeDecoder().decode(base64.toString())));
        label = null;
      } else if (line.contains(":") && base64.isEmpty()) {
        int colon = line.indexOf(':');
        headers.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
      } else {
        base64.append(line);
      }
    }
    if (label != null) {
      throw new IllegalArgumentException("the PEM block " + label + " has no END line");
    }
    return blocks;
  }
}
