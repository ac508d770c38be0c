package dev.tusk.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;

/**
 * Where embedded data directories live, and a pristine initdb result kept there between JVMs.
 *
 * <p>Both go to {@code /dev/shm} when it is a writable directory (a RAM file system on Linux), else
 * to {@code java.io.tmpdir}: writing a cluster to RAM is many times faster than to disk, and a test
 * cluster need not survive a reboot. Copying the cached initdb result replaces running initdb, most
 * of an embedded server's start-up time. The cache is used only if it belongs to the same OS user
 * as a data directory this JVM just made; one made by other binaries fails to start, and {@link
 * EmbeddedCluster} then discards it and runs initdb.
 */
final class DataDirectories {

  /** Changes whenever what is cached changes meaning, so older caches are simply not found. */
  private static final String TEMPLATE_NAME = "tusk-initdb-1";

  /** zonky's run-time files, not part of the cluster. */
  private static final Set<String> NOT_COPIED = Set.of("epg-lock", "postmaster.pid");

  private final Path base;
  private final Path template;

  DataDirectories(Path base) {
    this(base, null);
  }

  /**
   * Directories in {@code base}, with a cache of their own for the binaries of {@code binariesJar}
   * (null: the class path's), since each major version has its own cluster format.
   */
  DataDirectories(Path base, Path binariesJar) {
    this.base = base;
    this.template =
        base.resolve(
            binariesJar == null
                ? TEMPLATE_NAME
                : TEMPLATE_NAME + "-" + binariesJar.getFileName().toString().replace(".jar", ""));
  }

  /** In {@code /dev/shm} if writable, else in {@code java.io.tmpdir}. */
  static DataDirectories inFastestTemporaryDirectory() {
    return inFastestTemporaryDirectory(null);
  }

  /** Like {@link #inFastestTemporaryDirectory()}, caching for the binaries of {@code jar}. */
  static DataDirectories inFastestTemporaryDirectory(Path jar) {
    Path memory = Path.of("/dev/shm");
    boolean inMemory = Files.isDirectory(memory) && Files.isWritable(memory);
    return new DataDirectories(
        inMemory ? memory : Path.of(System.getProperty("java.io.tmpdir")), jar);
  }

  /** A new, empty data directory. */
  Path create() throws IOException {
    return Files.createTempDirectory(base, "tusk-data-");
  }

  /** Fills the empty {@code dataDirectory} from the cache; false if there is no usable cache. */
  boolean fillFromCache(Path dataDirectory) throws IOException {
    if (!Files.isDirectory(template)
        || !Files.getOwner(template).equals(Files.getOwner(dataDirectory))) {
      return false;
    }
    try {
      FileTrees.copy(template, dataDirectory, NOT_COPIED);
      return true;
    } catch (IOException e) {
      // another JVM discarded the cache mid-copy: start over with initdb
      FileTrees.delete(dataDirectory);
      Files.createDirectory(dataDirectory);
      return false;
    }
  }

  /**
   * Caches a copy of {@code dataDirectory}, just made by initdb and not yet started, unless a cache
   * exists. The cache only saves time, so failing to write it is not an error.
   */
  void cache(Path dataDirectory) {
    if (Files.exists(template)) {
      return;
    }
    Path staging = null;
    try {
      staging = Files.createTempDirectory(base, "tusk-initdb-staging-");
      FileTrees.copy(dataDirectory, staging, NOT_COPIED);
      // atomic, and fails if another JVM got there first: readers never see half a cache
      Files.move(staging, template, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      deleteIgnoringFailure(staging);
    }
  }

  /** Forgets the cache, after a server failed to start from it. */
  void discardCache() {
    deleteIgnoringFailure(template);
  }

  private static void deleteIgnoringFailure(Path directory) {
    if (directory == null) {
      return;
    }
    try {
      FileTrees.delete(directory);
    } catch (IOException e) {
      // what is left is found and replaced, or ignored, by the next JVM: nothing to do here
    }
  }
}
