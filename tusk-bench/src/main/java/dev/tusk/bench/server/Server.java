package dev.tusk.bench.server;

/** The PostgreSQL server the benchmark runs against: embedded, or the one in TUSK_BENCH_URL. */
public sealed interface Server extends AutoCloseable permits EmbeddedServer, ExternalServer {

  /** The environment variable naming an existing server to use instead of the embedded one. */
  String URL_VARIABLE = "TUSK_BENCH_URL";

  /** Starts the embedded server, or attaches to {@code TUSK_BENCH_URL} when it is set. */
  static Server start() throws Exception {
    String url = System.getenv(URL_VARIABLE);
    return url == null || url.isBlank() ? EmbeddedServer.start() : ExternalServer.parse(url);
  }

  /** Where to connect and as whom. */
  Endpoint endpoint();

  /** Where the server comes from, for the report. */
  String origin();

  /** Stops the server if the benchmark started it. */
  @Override
  void close() throws Exception;
}
