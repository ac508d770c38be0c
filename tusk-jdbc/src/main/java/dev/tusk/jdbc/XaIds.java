package dev.tusk.jdbc;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import javax.transaction.xa.XAException;
import javax.transaction.xa.Xid;

/**
 * XA transaction identifiers as PostgreSQL knows them: a prepared transaction's name is {@code
 * formatId_base64(gtrid)_base64(bqual)} over the raw bytes, the form pgjdbc and Tusk's own {@link
 * dev.tusk.Xid} use, so that each recovers the others' transactions.
 */
final class XaIds {

  private XaIds() {}

  /** The prepared transaction's name for {@code xid}. */
  static String gid(Xid xid) throws XAException {
    if (xid == null || xid.getGlobalTransactionId() == null || xid.getBranchQualifier() == null) {
      throw XaErrors.of(XAException.XAER_INVAL, "an Xid with a global id and a branch qualifier");
    }
    if (xid.getFormatId() < 0) {
      throw XaErrors.of(XAException.XAER_INVAL, "the null Xid (format id -1) names no transaction");
    }
    Base64.Encoder base64 = Base64.getEncoder();
    return xid.getFormatId()
        + "_"
        + base64.encodeToString(xid.getGlobalTransactionId())
        + "_"
        + base64.encodeToString(xid.getBranchQualifier());
  }

  /** The Xid a prepared transaction's name stands for, or null if it is not in that form. */
  static Xid parse(String gid) {
    String[] parts = gid.split("_", -1);
    if (parts.length != 3) {
      return null;
    }
    try {
      int formatId = Integer.parseInt(parts[0]);
      Base64.Decoder base64 = Base64.getDecoder();
      return formatId < 0
          ? null
          : new RecoveredXid(formatId, base64.decode(parts[1]), base64.decode(parts[2]));
    } catch (IllegalArgumentException e) { // not a number, not base64: another tool's name
      return null;
    }
  }

  /** A recovered Xid: equal to any Xid with the same format id and bytes. */
  record RecoveredXid(int formatId, byte[] gtrid, byte[] bqual) implements Xid {

    @Override
    public int getFormatId() {
      return formatId;
    }

    @Override
    public byte[] getGlobalTransactionId() {
      return gtrid.clone();
    }

    @Override
    public byte[] getBranchQualifier() {
      return bqual.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Xid xid
          && xid.getFormatId() == formatId
          && Arrays.equals(xid.getGlobalTransactionId(), gtrid)
          && Arrays.equals(xid.getBranchQualifier(), bqual);
    }

    @Override
    public int hashCode() {
      return formatId * 31 * 31 + Arrays.hashCode(gtrid) * 31 + Arrays.hashCode(bqual);
    }

    @Override
    public String toString() {
      return "Xid["
          + formatId
          + ", "
          + new String(gtrid, StandardCharsets.ISO_8859_1)
          + ", "
          + new String(bqual, StandardCharsets.ISO_8859_1)
          + "]";
    }
  }
}
