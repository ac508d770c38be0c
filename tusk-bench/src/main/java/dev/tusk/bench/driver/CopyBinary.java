package dev.tusk.bench.driver;

import dev.tusk.bench.data.WideRow;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Encodes rows in COPY's binary format: a signature, then per row a field count and each field as a
 * length and the type's binary send form, then -1.
 */
final class CopyBinary {

  private static final byte[] SIGNATURE =
      "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);

  /** 2000-01-01T00:00:00Z, PostgreSQL's timestamp epoch, in Unix seconds. */
  private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;

  private static final short COLUMNS = 7;

  private CopyBinary() {}

  static void write(List<WideRow> rows, OutputStream out) throws IOException {
    DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
    data.write(SIGNATURE);
    data.writeInt(0); // flags
    data.writeInt(0); // header extension length
    for (WideRow row : rows) {
      data.writeShort(COLUMNS);
      data.writeInt(8);
      data.writeLong(row.id());
      byte[] label = row.label().getBytes(StandardCharsets.UTF_8);
      data.writeInt(label.length);
      data.write(label);
      data.writeInt(8);
      data.writeDouble(row.score());
      writeNumeric(data, row.amount());
      data.writeInt(8);
      data.writeLong(micros(row.at()));
      data.writeInt(1);
      data.writeByte(row.flag() ? 1 : 0);
      data.writeInt(16);
      data.writeLong(row.uid().getMostSignificantBits());
      data.writeLong(row.uid().getLeastSignificantBits());
    }
    data.writeShort(-1);
    data.flush();
  }

  private static long micros(OffsetDateTime at) {
    return (at.toEpochSecond() - POSTGRES_EPOCH_SECONDS) * 1_000_000L + at.getNano() / 1_000;
  }

  /**
   * numeric's send form: ndigits, weight (of the first base-10000 digit), sign, display scale, then
   * the base-10000 digits, without leading or trailing zero digits.
   */
  private static void writeNumeric(DataOutputStream data, BigDecimal value) throws IOException {
    int scale = Math.max(value.scale(), 0);
    String plain = value.abs().setScale(scale).toPlainString();
    int point = plain.indexOf('.');
    String whole = point < 0 ? plain : plain.substring(0, point);
    String fraction = point < 0 ? "" : plain.substring(point + 1);
    // align on base-10000 digit boundaries counted from the decimal point
    String wholePadded = "0".repeat((4 - whole.length() % 4) % 4) + whole;
    String fractionPadded = fraction + "0".repeat((4 - fraction.length() % 4) % 4);
    String digits = wholePadded + fractionPadded;
    int count = digits.length() / 4;
    int weight = wholePadded.length() / 4 - 1;
    int first = 0;
    while (first < count && digits.startsWith("0000", first * 4)) {
      first++;
    }
    int last = count;
    while (last > first && digits.startsWith("0000", (last - 1) * 4)) {
      last--;
    }
    int ndigits = last - first;
    data.writeInt(8 + 2 * ndigits);
    data.writeShort(ndigits);
    data.writeShort(ndigits == 0 ? 0 : weight - first);
    data.writeShort(value.signum() < 0 ? 0x4000 : 0);
    data.writeShort(scale);
    for (int i = first; i < last; i++) {
      data.writeShort(Integer.parseInt(digits, i * 4, i * 4 + 4, 10));
    }
  }
}
