package dev.tusk.bench.server;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A server the benchmark does not own, named by {@code TUSK_BENCH_URL} as {@code
 * postgresql://user:password@host:port/database}. Its settings are left alone: the report shows
 * them as read.
 */
record ExternalServer(Endpoint endpoint) implements Server {

  static ExternalServer parse(String url) {
    URI uri = URI.create(url);
    if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
      throw new IllegalArgumentException(URL_VARIABLE + " must be a postgresql:// URI");
    }
    String userInfo = uri.getRawUserInfo() == null ? "postgres" : uri.getRawUserInfo();
    int colon = userInfo.indexOf(':');
    String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
    String password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
    String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    Login login = new Login(user, password);
    return new ExternalServer(
        new Endpoint(
            uri.getHost() == null ? "localhost" : uri.getHost(),
            uri.getPort() < 0 ? 5432 : uri.getPort(),
            path.isEmpty() ? user : decode(path),
            login,
            Map.of(Auth.AS_GIVEN, login)));
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  @Override
  public String origin() {
    return "the server named by " + URL_VARIABLE + " (its settings as read below)";
  }

  @Override
  public void close() {}
}
