package dev.tusk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoriesTest {

  @TempDir Path base;

  /** Stands in for a data directory that initdb just made. */
  private Path initdbResult(DataDirectories directories, String version) throws IOException {
    Path data = directories.create();
    Files.writeString(data.resolve("PG_VERSION"), version);
    Files.createDirectories(data.resolve("base/1"));
    Files.writeString(data.resolve("base/1/1259"), "catalog");
    Files.writeString(data.resolve("epg-lock"), "");
    Files.setPosixFilePermissions(
        data.resolve("base"), PosixFilePermissions.fromString("rwx------"));
    return data;
  }

  @Test
  void withoutCacheNothingIsFilled() throws IOException {
    DataDirectories directories = new DataDirectories(base);
    Path data = directories.create();
    assertFalse(directories.fillFromCache(data));
    try (var entries = Files.list(data)) {
      assertEquals(0, entries.count());
    }
  }

  @Test
  void cachedClusterFillsNewDataDirectoriesWithoutZonkysLock() throws IOException {
    DataDirectories directories = new DataDirectories(base);
    directories.cache(initdbResult(directories, "17\n"));
    Path data = directories.create();
    assertTrue(directories.fillFromCache(data));
    assertEquals("17\n", Files.readString(data.resolve("PG_VERSION")));
    assertEquals("catalog", Files.readString(data.resolve("base/1/1259")));
    assertEquals(
        "rwx------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("base"))));
    assertFalse(Files.exists(data.resolve("epg-lock")));
  }

  /** Each major version has its own cluster format, so each binaries jar its own cache. */
  @Test
  void otherBinariesHaveACacheOfTheirOwn() throws IOException {
    DataDirectories classPath = new DataDirectories(base);
    DataDirectories other = new DataDirectories(base, Path.of("postgres-14-linux-amd64.jar"));
    classPath.cache(initdbResult(classPath, "17\n"));
    assertFalse(other.fillFromCache(other.create()));
    other.cache(initdbResult(other, "14\n"));
    Path fourteen = other.create();
    assertTrue(other.fillFromCache(fourteen));
    assertEquals("14\n", Files.readString(fourteen.resolve("PG_VERSION")));
    Path seventeen = classPath.create();
    assertTrue(classPath.fillFromCache(seventeen));
    assertEquals("17\n", Files.readString(seventeen.resolve("PG_VERSION")));
  }

  @Test
  void firstCacheStaysUntilDiscarded() throws IOException {
    DataDirectories directories = new DataDirectories(base);
    directories.cache(initdbResult(directories, "16\n"));
    directories.cache(initdbResult(directories, "17\n"));
    Path first = directories.create();
    directories.fillFromCache(first);
    assertEquals("16\n", Files.readString(first.resolve("PG_VERSION")));

    directories.discardCache();
    assertFalse(directories.fillFromCache(directories.create()));
    directories.cache(initdbResult(directories, "17\n"));
    Path second = directories.create();
    directories.fillFromCache(second);
    assertEquals("17\n", Files.readString(second.resolve("PG_VERSION")));
  }

  @Test
  void noStagingDirectoriesAreLeftBehind() throws IOException {
    DataDirectories directories = new DataDirectories(base);
    directories.cache(initdbResult(directories, "17\n"));
    directories.cache(initdbResult(directories, "17\n"));
    try (var entries = Files.list(base)) {
      assertEquals(
          0, entries.filter(path -> path.getFileName().toString().contains("staging")).count());
    }
  }
}
