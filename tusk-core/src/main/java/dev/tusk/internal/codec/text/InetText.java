package dev.tusk.internal.codec.text;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/**
 * IP addresses in the text form inet_out writes and inet_in reads, parsed and rendered here rather
 * than by InetAddress, which may resolve host names and turns IPv4-mapped IPv6 addresses into IPv4
 * ones. IPv6 is rendered as PostgreSQL's inet_net_ntop does: lowercase hex words, the longest run
 * of two or more zero words (the first of equal runs) as {@code ::}, and the last 32 bits in dotted
 * form for {@code ::a.b.c.d} and {@code ::ffff:a.b.c.d}.
 */
public final class InetText {

  private InetText() {}

  /** The address alone, without a prefix length. */
  public static String render(InetAddress address) {
    byte[] bytes = address.getAddress();
    return bytes.length == 4 ? dotted(bytes, 0) : ipv6(bytes);
  }

  /**
   * Parses {@code address} or {@code address/bits}; returns null if the text is not in that form.
   */
  public static Parsed parse(byte[] bytes, int offset, int length) {
    String text = new String(bytes, offset, length, StandardCharsets.US_ASCII);
    int slash = text.indexOf('/');
    String host = slash < 0 ? text : text.substring(0, slash);
    byte[] address = host.indexOf(':') >= 0 ? ipv6(host) : ipv4(host);
    if (address == null) {
      return null;
    }
    int bits = address.length * 8;
    if (slash >= 0) {
      bits = prefix(text.substring(slash + 1), bits);
      if (bits < 0) {
        return null;
      }
    }
    return new Parsed(toAddress(address), bits);
  }

  /** A parsed address and its prefix length. */
  public record Parsed(InetAddress address, int bits) {}

  /** 4 or 16 bytes as an address, IPv6 always as IPv6; no name lookup. */
  public static InetAddress toAddress(byte[] address) {
    try {
      return address.length == 4
          ? InetAddress.getByAddress(address)
          : Inet6Address.getByAddress(null, address, -1);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("an address of " + address.length + " bytes", e);
    }
  }

  private static int prefix(String text, int max) {
    if (text.isEmpty() || text.length() > 3) {
      return -1;
    }
    int bits = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      bits = bits * 10 + (c - '0');
    }
    return bits <= max ? bits : -1;
  }

  private static byte[] ipv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] address = new byte[4];
    for (int i = 0; i < 4; i++) {
      int octet = prefix(parts[i], 255);
      if (octet < 0) {
        return null;
      }
      address[i] = (byte) octet;
    }
    return address;
  }

  /** RFC 4291 text: up to eight hex words, one {@code ::}, optionally dotted IPv4 at the end. */
  private static byte[] ipv6(String text) {
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    int[] head = words(gap < 0 ? text : text.substring(0, gap));
    int[] tail = gap < 0 ? new int[0] : words(text.substring(gap + 2));
    if (head == null || tail == null) {
      return null;
    }
    int count = head.length + tail.length;
    if (gap < 0 ? count != 8 : count > 7) {
      return null;
    }
    byte[] address = new byte[16];
    for (int i = 0; i < head.length; i++) {
      putWord(address, i, head[i]);
    }
    for (int i = 0; i < tail.length; i++) {
      putWord(address, 8 - tail.length + i, tail[i]);
    }
    return address;
  }

  /** Colon-separated hex words; a dotted IPv4 address at the end counts as two words. */
  private static int[] words(String text) {
    if (text.isEmpty()) {
      return new int[0];
    }
    String[] parts = text.split(":", -1);
    boolean dotted = parts[parts.length - 1].indexOf('.') >= 0;
    int[] words = new int[parts.length + (dotted ? 1 : 0)];
    for (int i = 0; i < parts.length - (dotted ? 1 : 0); i++) {
      String part = parts[i];
      if (part.isEmpty() || part.length() > 4) {
        return null;
      }
      int word = 0;
      for (int j = 0; j < part.length(); j++) {
        int digit = Character.digit(part.charAt(j), 16);
        if (digit < 0 || part.charAt(j) > 'f') {
          return null;
        }
        word = word << 4 | digit;
      }
      words[i] = word;
    }
    if (dotted) {
      byte[] ipv4 = ipv4(parts[parts.length - 1]);
      if (ipv4 == null) {
        return null;
      }
      words[parts.length - 1] = (ipv4[0] & 0xFF) << 8 | (ipv4[1] & 0xFF);
      words[parts.length] = (ipv4[2] & 0xFF) << 8 | (ipv4[3] & 0xFF);
    }
    return words;
  }

  private static void putWord(byte[] address, int index, int word) {
    address[2 * index] = (byte) (word >>> 8);
    address[2 * index + 1] = (byte) word;
  }

  private static String dotted(byte[] bytes, int from) {
    return (bytes[from] & 0xFF)
        + "."
        + (bytes[from + 1] & 0xFF)
        + "."
        + (bytes[from + 2] & 0xFF)
        + "."
        + (bytes[from + 3] & 0xFF);
  }

  private static String ipv6(byte[] bytes) {
    int[] words = new int[8];
    for (int i = 0; i < 8; i++) {
      words[i] = (bytes[2 * i] & 0xFF) << 8 | (bytes[2 * i + 1] & 0xFF);
    }
    int bestBase = -1;
    int bestLength = 0;
    for (int i = 0; i < 8; ) {
      int run = 0;
      while (i + run < 8 && words[i + run] == 0) {
        run++;
      }
      if (run > bestLength) {
        bestBase = i;
        bestLength = run;
      }
      i += Math.max(run, 1);
    }
    if (bestLength < 2) {
      bestBase = -1;
    }
    StringBuilder text = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLength) {
        if (i == bestBase) {
          text.append(':');
        }
        continue;
      }
      if (i != 0) {
        text.append(':');
      }
      boolean embeddedIpv4 =
          i == 6 && bestBase == 0 && (bestLength == 6 || (bestLength == 5 && words[5] == 0xFFFF));
      if (embeddedIpv4) {
        return text.append(dotted(bytes, 12)).toString();
      }
      text.append(Integer.toHexString(words[i]));
    }
    if (bestBase >= 0 && bestBase + bestLength == 8) {
      text.append(':');
    }
    return text.toString();
  }
}
