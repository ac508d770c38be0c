package dev.tusk;

import dev.tusk.errors.ProgrammingError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A two-phase commit transaction identifier, as the XA standard and psycopg's {@code xid} define
 * it: a format ID, a global transaction ID and a branch qualifier. The server knows a transaction
 * by one string, its {@link #gid()}: {@code formatId_base64(gtrid)_base64(bqual)}, the form psycopg
 * and pgjdbc use too, so each driver recovers the others' transactions. A transaction prepared
 * under another name (by SQL, by another tool) is recovered as an Xid with a null format ID and
 * that name as its gtrid.
 *
 * @param formatId the format ID (non-negative), or null for a bare transaction name
 * @param gtrid the global transaction ID (at most 64 bytes of UTF-8 with a format ID)
 * @param bqual the branch qualifier (at most 64 bytes), or null with a null format ID
 */
public record Xid(Integer formatId, String gtrid, String bqual) {

  /** The server's limit on a prepared transaction's name: 200 bytes with the terminating NUL. */
  private static final int MAX_GID_BYTES = 199;

  private static final int MAX_PART_BYTES = 64;

  private static final Pattern FORMATTED =
      Pattern.compile("(\\d+)_([A-Za-z0-9+/=]*)_([A-Za-z0-9+/=]*)");

  /** Checks the parts: see the components. */
  public Xid {
    if (gtrid == null) {
      throw new ProgrammingError("an Xid needs a gtrid");
    }
    if (formatId == null) {
      if (bqual != null) {
        throw new ProgrammingError("an Xid without a format ID cannot have a bqual");
      }
      checkBytes(gtrid, MAX_GID_BYTES, "a transaction name");
    } else {
      if (formatId < 0) {
        throw new ProgrammingError("an Xid's format ID cannot be negative: " + formatId);
      }
      if (bqual == null) {
        throw new ProgrammingError("an Xid with a format ID needs a bqual (it may be empty)");
      }
      checkBytes(gtrid, MAX_PART_BYTES, "an Xid's gtrid");
      checkBytes(bqual, MAX_PART_BYTES, "an Xid's bqual");
    }
  }

  /** The XA identifier {@code (formatId, gtrid, bqual)}. */
  public static Xid of(int formatId, String gtrid, String bqual) {
    return new Xid(formatId, gtrid, bqual);
  }

  /** A bare transaction name, with no format ID or branch qualifier. */
  public static Xid of(String name) {
    return new Xid(null, name, null);
  }

  /** The Xid a prepared transaction's name stands for: see the class comment. */
  public static Xid fromGid(String gid) {
    Matcher matcher = FORMATTED.matcher(gid);
    if (matcher.matches()) {
      try {
        return new Xid(
            Integer.valueOf(matcher.group(1)), decode(matcher.group(2)), decode(matcher.group(3)));
      } catch (IllegalArgumentException | ProgrammingError e) {
        // Not base64 after all (or the parts are too long): a bare name that looks formatted.
      }
    }
    return of(gid);
  }

  /** The name the server knows the prepared transaction by. */
  public String gid() {
    if (formatId == null) {
      return gtrid;
    }
    return formatId + "_" + encode(gtrid) + "_" + encode(bqual);
  }

  private static String encode(String part) {
    return Base64.getEncoder().encodeToString(part.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String part) {
    return new String(Base64.getDecoder().decode(part), StandardCharsets.UTF_8);
  }

  private static void checkBytes(String text, int max, String what) {
    int bytes = text.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > max) {
      throw new ProgrammingError(
          what + " may be at most " + max + " bytes of UTF-8; this one is " + bytes);
    }
  }
}
