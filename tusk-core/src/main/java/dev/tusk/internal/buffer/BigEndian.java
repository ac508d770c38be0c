package dev.tusk.internal.buffer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Network-order (big-endian) reads and writes on byte arrays. Array view handles compile to single
 * loads and stores, which matters for every DataRow and Bind on the hot path.
 */
public final class BigEndian {

  private static final VarHandle INT16 =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT32 =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT64 =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private BigEndian() {}

  public static short int16(byte[] bytes, int offset) {
    return (short) INT16.get(bytes, offset);
  }

  public static int uint16(byte[] bytes, int offset) {
    return int16(bytes, offset) & 0xFFFF;
  }

  public static int int32(byte[] bytes, int offset) {
    return (int) INT32.get(bytes, offset);
  }

  public static long int64(byte[] bytes, int offset) {
    return (long) INT64.get(bytes, offset);
  }

  public static void putInt16(byte[] bytes, int offset, short value) {
    INT16.set(bytes, offset, value);
  }

  public static void putInt32(byte[] bytes, int offset, int value) {
    INT32.set(bytes, offset, value);
  }

  public static void putInt64(byte[] bytes, int offset, long value) {
    INT64.set(bytes, offset, value);
  }
}
