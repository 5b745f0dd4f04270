package org.arxivdigest.harvest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/** The page files of a harvest folder: {@code page-000001.xml}, ... in request order, each written whole. */
final class Pages {
  private Pages() {}

  static String name(int number) {
    return String.format(Locale.ROOT, "page-%06d.xml", number);
  }

  /**
   * Writes {@code bytes} to a hidden file beside {@code target} (ingest skips names starting with a dot), forces
   * it to disk and renames it over {@code target}: a reader sees the old file or the whole new one, never part.
   */
  static void writeAtomically(Path target, byte[] bytes) throws IOException {
    Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
    try (var channel = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.TRUNCATE_EXISTING, java.nio.file.StandardOpenOption.WRITE)) {
      var buffer = java.nio.ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Whether the folder holds pages of a harvest (or any file a run would read). */
  static boolean any(Path folder) throws IOException {
    try (var files = Files.list(folder)) {
      return files.anyMatch(p -> p.getFileName().toString().startsWith("page-"));
    }
  }
}
