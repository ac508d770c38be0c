package dev.tusk.internal.codec.builtin;

import dev.tusk.errors.DataError;
import dev.tusk.internal.buffer.BigEndian;
import dev.tusk.internal.codec.text.DecodeErrors;
import dev.tusk.types.BinaryOutput;
import dev.tusk.types.Oids;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * {@code money} as a BigDecimal with scale 2.
 *
 * <p>The binary format (cash_send) is an int64 count of the currency's smallest unit; how many
 * fraction digits that unit has depends on the server's {@code lc_monetary}. This codec assumes
 * two, as in the C and en_US locales: under a locale with another number of fraction digits (say
 * ja_JP, with none) binary values are off by a power of ten, so read such columns as text ({@code
 * ::numeric}) instead.
 *
 * <p>The text format also depends on {@code lc_monetary}; this codec reads and writes the C and
 * en_US form, {@code $1,234.56} and {@code -$1.00}, and refuses other forms with a DataError.
 *
 * <p>A BigDecimal parameter is sent as {@code numeric}, not money; cast it ({@code $1::money}).
 */
final class MoneyCodec extends BaseCodec<BigDecimal> {

  static final MoneyCodec INSTANCE = new MoneyCodec();

  private static final int SCALE = 2;

  private MoneyCodec() {
    super(Oids.MONEY, "money", BigDecimal.class);
  }

  @Override
  public BigDecimal decodeText(byte[] bytes, int offset, int length) {
    String text = new String(bytes, offset, length, StandardCharsets.UTF_8);
    boolean negative = text.startsWith("-");
    int i = negative ? 1 : 0;
    if (!text.startsWith("$", i)) {
      throw DecodeErrors.badText("money", text);
    }
    StringBuilder digits = new StringBuilder(text.length());
    int point = -1;
    for (i++; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (c == '.' && point < 0) {
        point = digits.length();
      } else if (c != ',' || point >= 0) {
        throw DecodeErrors.badText("money", text);
      }
    }
    if (digits.isEmpty() || (point >= 0 && digits.length() - point != SCALE)) {
      throw DecodeErrors.badText("money", text);
    }
    BigInteger unscaled = new BigInteger(digits.toString());
    int scale = point < 0 ? 0 : SCALE;
    return new BigDecimal(negative ? unscaled.negate() : unscaled, scale).setScale(SCALE);
  }

  @Override
  public BigDecimal decodeBinary(byte[] bytes, int offset, int length) {
    DecodeErrors.requireLength("money", 8, length);
    return BigDecimal.valueOf(BigEndian.int64(bytes, offset), SCALE);
  }

  @Override
  public void encodeBinary(BigDecimal value, BinaryOutput out) {
    out.writeInt64(cents(value));
  }

  /** The C locale's form: {@code $} and thousands separators, {@code -} in front. */
  @Override
  public String encodeText(BigDecimal value) {
    long cents = cents(value);
    String digits = BigInteger.valueOf(cents).abs().toString();
    if (digits.length() <= SCALE) {
      digits = "0".repeat(SCALE + 1 - digits.length()) + digits;
    }
    int integerDigits = digits.length() - SCALE;
    StringBuilder text = new StringBuilder(cents < 0 ? "-$" : "$");
    for (int i = 0; i < integerDigits; i++) {
      if (i > 0 && (integerDigits - i) % 3 == 0) {
        text.append(',');
      }
      text.append(digits.charAt(i));
    }
    return text.append('.').append(digits, integerDigits, digits.length()).toString();
  }

  private static long cents(BigDecimal value) {
    try {
      return value.setScale(SCALE).unscaledValue().longValueExact();
    } catch (ArithmeticException e) {
      throw new DataError(
          "money value "
              + value.toPlainString()
              + " is out of range or has more than "
              + SCALE
              + " fraction digits",
          e);
    }
  }
}
