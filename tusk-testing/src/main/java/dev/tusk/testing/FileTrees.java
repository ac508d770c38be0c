package dev.tusk.testing;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

/** Copying and deleting directory trees (data directories, socket directories). */
final class FileTrees {

  private FileTrees() {}

  /**
   * Copies the tree at {@code source} into the existing directory {@code target}, keeping file
   * permissions (PostgreSQL insists on 0700 data directories), leaving out files named in {@code
   * skipped}.
   */
  static void copy(Path source, Path target, Set<String> skipped) throws IOException {
    Files.walkFileTree(
        source,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes)
              throws IOException {
            Path copy = target.resolve(source.relativize(directory));
            if (!directory.equals(source)) {
              Files.copy(directory, copy, StandardCopyOption.COPY_ATTRIBUTES);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
              throws IOException {
            if (!skipped.contains(file.getFileName().toString())) {
              Files.copy(
                  file,
                  target.resolve(source.relativize(file)),
                  StandardCopyOption.COPY_ATTRIBUTES);
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /** Deletes {@code root} and everything below it; does nothing if it does not exist. */
  static void delete(Path root) throws IOException {
    if (Files.notExists(root)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path directory, IOException failure)
              throws IOException {
            if (failure != null) {
              throw failure;
            }
            Files.delete(directory);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
