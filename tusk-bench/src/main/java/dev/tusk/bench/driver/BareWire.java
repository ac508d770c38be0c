package dev.tusk.bench.driver;

import dev.tusk.bench.data.Tables;
import dev.tusk.bench.harness.Sink;
import dev.tusk.bench.harness.Unavailable;
import dev.tusk.bench.server.Endpoint;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * No driver: the point select's messages written by hand on one blocking socket, and its answer
 * read only as far as finding the row and ReadyForQuery. Nothing is decoded, checked or made for
 * the caller, so no Java client on this machine can be faster: what is left is what the kernel and
 * the server cost per query. Not thread-safe; it speaks no authentication, so the login must be
 * trusted.
 */
public final class BareWire implements PointQuery {

  private static final int PROTOCOL_3_0 = 196_608;
  private static final int INT8 = 20;
  private static final short BINARY = 1;
  private static final String STATEMENT = "bare";

  private final SocketChannel channel;
  private final ByteBuffer out = ByteBuffer.allocateDirect(1024);
  private final ByteBuffer in = ByteBuffer.allocateDirect(64 * 1024);

  private BareWire(SocketChannel channel) {
    this.channel = channel;
    in.flip();
  }

  /** Connects over TCP as {@code endpoint}'s owner and prepares the point select. */
  public static BareWire open(Endpoint endpoint) throws Unavailable, IOException {
    if (endpoint.owner().password() != null) {
      throw new Unavailable(
          "the bare wire speaks no authentication: it needs an owner the server trusts, and this one"
              + " has a password");
    }
    SocketChannel channel = SocketChannel.open();
    try {
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      channel.connect(new InetSocketAddress(endpoint.host(), endpoint.port()));
      BareWire wire = new BareWire(channel);
      wire.start(endpoint);
      return wire;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private void start(Endpoint endpoint) throws IOException {
    out.clear();
    out.putInt(0).putInt(PROTOCOL_3_0);
    putString("user");
    putString(endpoint.owner().user());
    putString("database");
    putString(endpoint.database());
    out.put((byte) 0);
    out.putInt(0, out.position());
    send();
    awaitReady();
    out.clear();
    int parse = begin('P');
    putString(STATEMENT);
    putString(Tables.POINT_SELECT);
    out.putShort((short) 1).putInt(INT8);
    end(parse);
    end(begin('S'));
    send();
    awaitReady();
  }

  @Override
  public void select(long id, Sink sink) throws IOException {
    sink.take(rowLength(id));
  }

  /** Runs the point select for {@code id}; returns the length of the row's message, 0 if none. */
  int rowLength(long id) throws IOException {
    out.clear();
    int bind = begin('B');
    out.put((byte) 0);
    putString(STATEMENT);
    out.putShort((short) 1).putShort(BINARY);
    out.putShort((short) 1).putInt(Long.BYTES).putLong(id);
    out.putShort((short) 1).putShort(BINARY);
    end(bind);
    int execute = begin('E');
    out.put((byte) 0).putInt(0);
    end(execute);
    end(begin('S'));
    send();
    return awaitReady();
  }

  /**
   * Reads up to ReadyForQuery and returns the length of the last DataRow (0 if none).
   *
   * @throws IOException after ReadyForQuery if the server answered with an error, whose text is not
   *     decoded
   */
  private int awaitReady() throws IOException {
    int rowLength = 0;
    boolean failed = false;
    while (true) {
      while (in.remaining() >= 5) {
        int at = in.position();
        byte type = in.get(at);
        int length = in.getInt(at + 1);
        if (in.remaining() < 1 + length) {
          break;
        }
        in.position(at + 1 + length);
        switch (type) {
          case 'D' -> rowLength = length;
          case 'E' -> failed = true;
          case 'R' -> {
            if (in.getInt(at + 5) != 0) {
              throw new IOException(
                  "the server asks the bare wire to authenticate: trust the owner in pg_hba.conf");
            }
          }
          case 'Z' -> {
            if (failed) {
              throw new IOException("the server answered the bare wire with an error");
            }
            return rowLength;
          }
          default -> {
            // BindComplete, CommandComplete, ParameterStatus and the like: skipped unread.
          }
        }
      }
      in.compact();
      if (channel.read(in) < 0) {
        throw new EOFException("the server closed the bare wire's connection");
      }
      in.flip();
    }
  }

  private int begin(char type) {
    out.put((byte) type);
    int lengthAt = out.position();
    out.putInt(0);
    return lengthAt;
  }

  private void end(int lengthAt) {
    out.putInt(lengthAt, out.position() - lengthAt);
  }

  private void putString(String value) {
    out.put(value.getBytes(StandardCharsets.UTF_8)).put((byte) 0);
  }

  private void send() throws IOException {
    out.flip();
    while (out.hasRemaining()) {
      channel.write(out);
    }
  }

  @Override
  public void close() throws IOException {
    out.clear();
    end(begin('X'));
    try {
      send();
    } finally {
      channel.close();
    }
  }
}
