package dev.tusk.internal.copy;

import static dev.tusk.internal.copy.CopyRows.decoder;
import static dev.tusk.internal.copy.CopyRows.encoder;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.errors.BadCopyFileFormat;
import dev.tusk.errors.DataError;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.buffer.WriteBuffer;
import dev.tusk.types.Codec;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class BinaryFormatTest {

  private static final String FROM = "COPY t FROM STDIN (FORMAT binary)";
  private static final String TO = "COPY t TO STDOUT (FORMAT binary)";
  private static final String HEADER = "5047434f50590aff0d0a00" + "00000000" + "00000000";

  @Test
  void headerRowAndTrailerBytes() {
    CopyRowEncoder encoder = encoder(FROM, "int4", "text", "int8", "bool");
    WriteBuffer out = new WriteBuffer();
    encoder.header(out);
    encoder.row(new Object[] {42, "hé", null, true}, out);
    encoder.trailer(out);
    assertEquals(
        HEADER
            + "0004"
            + "00000004"
            + "0000002a"
            + "00000003"
            + "68c3a9"
            + "ffffffff"
            + "00000001"
            + "01"
            + "ffff",
        hex(out));
  }

  @Test
  void aRowWithoutTypesNamesSetTypesBothWays() {
    CopyRowEncoder encoder = encoder(FROM);
    WriteBuffer out = new WriteBuffer();
    encoder.header(out);
    ProgrammingError write =
        assertThrows(ProgrammingError.class, () -> encoder.row(new Object[] {1}, out));
    assertTrue(write.getMessage().contains("setTypes"), write.getMessage());
    CopyRowDecoder decoder = decoder(TO);
    assertNull(decoder.row(bytes(HEADER), 0, bytes(HEADER).length));
    byte[] row = bytes("0001" + "00000004" + "00000001");
    ProgrammingError read =
        assertThrows(ProgrammingError.class, () -> decoder.row(row, 0, row.length));
    assertTrue(read.getMessage().contains("setTypes"), read.getMessage());
  }

  @Test
  void headerAloneThenRowsThenTrailerAlone() {
    CopyRowDecoder decoder = decoder(TO, "int4", "text");
    assertNull(read(decoder, HEADER));
    assertArrayEquals(
        new Object[] {7, "x"}, read(decoder, "0002" + "00000004" + "00000007" + "00000001" + "78"));
    assertArrayEquals(new Object[] {null, null}, read(decoder, "0002" + "ffffffff" + "ffffffff"));
    assertNull(read(decoder, "ffff"));
    assertThrows(BadCopyFileFormat.class, () -> read(decoder, "0002"));
  }

  @Test
  void headerGluedToTheFirstRowOrToTheTrailer() {
    CopyRowDecoder decoder = decoder(TO, "int2");
    assertArrayEquals(
        new Object[] {(short) 5}, read(decoder, HEADER + "0001" + "00000002" + "0005"));
    assertNull(read(decoder, "ffff"));
    CopyRowDecoder empty = decoder(TO, "int2");
    assertNull(read(empty, HEADER + "ffff"));
  }

  @Test
  void headerExtensionIsSkipped() {
    String header = "5047434f50590aff0d0a00" + "00000000" + "00000003" + "abcdef";
    assertArrayEquals(
        new Object[] {(short) 1}, read(decoder(TO, "int2"), header + "0001" + "00000002" + "0001"));
  }

  @Test
  void malformedDataIsBadCopyFileFormat() {
    assertThrows(BadCopyFileFormat.class, () -> read(decoder(TO, "int4"), "5047434f5059"));
    assertThrows(
        BadCopyFileFormat.class, () -> read(decoder(TO, "int4"), HEADER.replace("5047", "5048")));
    assertThrows(
        BadCopyFileFormat.class,
        () -> read(decoder(TO, "int4"), HEADER.replace("0d0a0000000000", "0d0a0000010000")));
    assertThrows(
        BadCopyFileFormat.class,
        () -> read(decoder(TO, "int4"), HEADER + "0001" + "00000004" + "0000"));
    assertThrows(
        BadCopyFileFormat.class,
        () -> read(decoder(TO, "int4"), HEADER + "0001" + "00000004" + "00000001" + "00"));
    assertThrows(
        BadCopyFileFormat.class, () -> read(decoder(TO, "int4"), HEADER + "0001" + "fffffff0"));
    assertThrows(BadCopyFileFormat.class, () -> read(decoder(TO, "int4"), HEADER + "ffff00"));
  }

  @Test
  void flagBitsBelowSixteenAreIgnored() {
    String header = "5047434f50590aff0d0a00" + "00000001" + "00000000";
    assertNull(read(decoder(TO, "int4"), header));
  }

  @Test
  void countMismatchAndUndecodableValues() {
    assertThrows(
        ProgrammingError.class,
        () -> read(decoder(TO, "int4", "int4"), HEADER + "0001" + "00000004" + "00000001"));
    DataError error =
        assertThrows(
            DataError.class,
            () -> read(decoder(TO, "int4"), HEADER + "0001" + "00000002" + "0001"));
    assertTrue(error.getMessage().contains("column index 0 (int4)"), error.getMessage());
  }

  @Test
  void failedRowLeavesNothingAndNamesColumnAndClass() {
    CopyRowEncoder encoder = encoder(FROM, "int4", "date");
    WriteBuffer out = new WriteBuffer();
    encoder.header(out);
    int size = out.size();
    DataError error =
        assertThrows(DataError.class, () -> encoder.row(new Object[] {1, "2024-01-01"}, out));
    assertTrue(error.getMessage().contains("column index 1 (date)"), error.getMessage());
    assertTrue(error.getMessage().contains("java.lang.String"), error.getMessage());
    assertEquals(size, out.size());
  }

  @Test
  void typesWithoutABinaryCodecAreRefused() {
    CopyOptions options = CopyOptions.parse(FROM);
    assertThrows(
        ProgrammingError.class,
        () ->
            CopyFormats.encoder(
                1,
                options,
                new Codec<?>[] {CopyRows.scope().registry().forOid(999_999)},
                CopyRows.scope()));
  }

  @Test
  void theServersFormatHasTheLastWord() {
    CopyRowEncoder encoder =
        CopyFormats.encoder(
            1, CopyOptions.parse("COPY t FROM STDIN"), CopyRows.types("int4"), CopyRows.scope());
    WriteBuffer out = new WriteBuffer();
    encoder.header(out);
    assertEquals(HEADER, hex(out));
    assertThrows(
        ProgrammingError.class,
        () -> CopyFormats.decoder(0, CopyOptions.parse(TO), CopyRows.types("int4")));
  }

  private static Object[] read(CopyRowDecoder decoder, String hex) {
    byte[] bytes = bytes(hex);
    byte[] framed = Arrays.copyOf(bytes, bytes.length + 3);
    return decoder.row(framed, 0, bytes.length);
  }

  private static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  private static String hex(WriteBuffer out) {
    return HexFormat.of().formatHex(out.toByteArray());
  }
}
