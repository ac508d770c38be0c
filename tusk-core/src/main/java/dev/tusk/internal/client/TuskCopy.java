package dev.tusk.internal.client;

import dev.tusk.Copy;
import dev.tusk.Query;
import dev.tusk.errors.DataError;
import dev.tusk.errors.OperationalError;
import dev.tusk.internal.codec.TypeScope;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The {@link Copy} of both faces: raw data through its {@link CopyChannel}, typed rows through
 * {@link CopyRows}.
 */
final class TuskCopy implements Copy {

  /** Aborts COPYs whose owner dropped them unclosed, so that nobody waits for them forever. */
  private static final Cleaner ABANDONED =
      Cleaner.create(Thread.ofPlatform().daemon().name("tusk-abandoned-copies").factory());

  private final CopyChannel channel;
  private final CopyRows rows;
  private final Cleaner.Cleanable abandonment;

  /**
   * Starts {@code sql} for a cursor whose codecs are {@code types}; see {@link Statements#copy}.
   */
  static TuskCopy start(Statements statements, String sql, TypeScope types) {
    // Queued ahead of the COPY, when it is a binary COPY FROM STDIN: see CopyColumnTypes.
    CopyColumnTypes columnTypes = CopyColumnTypes.ask(statements.session(), sql);
    return new TuskCopy(statements.copy(Query.of(sql)), new CopyRows(sql, types, columnTypes));
  }

  private TuskCopy(CopyChannel channel, CopyRows rows) {
    this.channel = channel;
    this.rows = rows;
    // The action holds the session and the request, never this object.
    this.abandonment = ABANDONED.register(this, channel.abandonment());
  }

  @Override
  public boolean isWritable() {
    return channel.copiesIn();
  }

  @Override
  public boolean isBinary() {
    return channel.format() == 1;
  }

  // ---- writing

  @Override
  public Copy write(byte[] data) {
    return write(data, 0, data.length);
  }

  @Override
  public Copy write(byte[] data, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, data.length);
    channel.write(data, offset, length);
    return this;
  }

  @Override
  public Copy write(ByteBuffer data) {
    if (data.hasArray()) {
      write(data.array(), data.arrayOffset() + data.position(), data.remaining());
      data.position(data.limit());
      return this;
    }
    byte[] chunk = new byte[Math.min(data.remaining(), CopyChannel.CHUNK)];
    while (data.hasRemaining()) {
      int length = Math.min(chunk.length, data.remaining());
      data.get(chunk, 0, length);
      channel.write(chunk, 0, length);
    }
    return this;
  }

  @Override
  public Copy write(CharSequence text) {
    return write(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public Copy setTypes(String... typeNames) {
    rows.setTypes(channel, typeNames);
    return this;
  }

  @Override
  public Copy writeRow(Object... values) {
    rows.write(channel, values == null ? new Object[] {null} : values);
    return this;
  }

  @Override
  public Copy writeRows(Iterable<Object[]> values) {
    for (Object[] row : values) {
      writeRow(row);
    }
    return this;
  }

  @Override
  public Copy writeRows(Stream<Object[]> values) {
    values.sequential().forEachOrdered(this::writeRow);
    return this;
  }

  @Override
  public long writeAll(InputStream in) {
    byte[] chunk = new byte[CopyChannel.CHUNK];
    long total = 0;
    try {
      for (int n; (n = in.read(chunk)) >= 0; ) {
        channel.write(chunk, 0, n);
        total += n;
      }
    } catch (IOException e) {
      throw sourceFailed(e);
    }
    return total;
  }

  @Override
  public long writeAll(Reader in) {
    CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder();
    CharBuffer chars = CharBuffer.allocate(CopyChannel.CHUNK / 4);
    ByteBuffer bytes = ByteBuffer.allocate(CopyChannel.CHUNK);
    long total = 0;
    try {
      boolean end = false;
      while (!end) {
        int n = in.read(chars);
        end = n < 0;
        total += Math.max(n, 0);
        chars.flip();
        // A surrogate pair split between two reads stays in chars until its second half comes.
        encode(encoder, chars, bytes, end);
        chars.compact();
      }
      while (encoder.flush(bytes).isOverflow()) {
        drain(bytes);
      }
      drain(bytes);
    } catch (IOException e) {
      throw sourceFailed(e);
    }
    return total;
  }

  private void encode(CharsetEncoder encoder, CharBuffer chars, ByteBuffer bytes, boolean end) {
    while (true) {
      CoderResult result = encoder.encode(chars, bytes, end);
      if (result.isError()) {
        throw new DataError(
            "the text to copy holds a lone surrogate character, which UTF-8 cannot encode");
      }
      if (!result.isOverflow()) {
        return;
      }
      drain(bytes);
    }
  }

  private void drain(ByteBuffer bytes) {
    channel.write(bytes.array(), 0, bytes.position());
    bytes.clear();
  }

  private static OperationalError sourceFailed(IOException e) {
    return new OperationalError("reading the data to copy failed: " + e.getMessage(), e);
  }

  @Override
  public long finish() {
    if (channel.copiesIn() && !channel.ended()) {
      rows.end(channel);
    }
    try {
      return channel.finish();
    } finally {
      abandonment.clean();
    }
  }

  @Override
  public long rowCount() {
    return channel.rowCount();
  }

  // ---- reading

  @Override
  public byte[] read() {
    return channel.read();
  }

  @Override
  public Iterator<byte[]> iterator() {
    return untilNull(channel::read);
  }

  @Override
  public Object[] readRow() {
    return rows.read(channel);
  }

  @Override
  public Stream<Object[]> rows() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(
            untilNull(this::readRow), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /** The items {@code next} gives until it gives null. */
  private static <T> Iterator<T> untilNull(Supplier<T> next) {
    return new Iterator<>() {
      private T ahead;

      @Override
      public boolean hasNext() {
        if (ahead == null) {
          ahead = next.get();
        }
        return ahead != null;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        T item = ahead;
        ahead = null;
        return item;
      }
    };
  }

  @Override
  public long transferTo(OutputStream out) {
    long total = 0;
    try {
      for (byte[] chunk; (chunk = channel.read()) != null; ) {
        out.write(chunk);
        total += chunk.length;
      }
    } catch (IOException e) {
      close();
      throw new OperationalError("writing the copied data failed: " + e.getMessage(), e);
    }
    return total;
  }

  @Override
  public void close() {
    try {
      channel.abort();
    } finally {
      abandonment.clean();
    }
  }
}
