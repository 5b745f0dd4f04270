package org.arxivdigest.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a killed run leaves on a real file system, and what the next run makes of it. */
class LeftoversTest {
  @TempDir Path out;

  private Path file(String rel, String text) throws IOException {
    Path p = out.resolve(rel);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, text);
  }

  @Test
  void removesStagingAndOldCopiesButMovesBackAnOldCopyWhoseReplacementNeverArrived() throws IOException {
    file("datasets/.papers.staging/part-0.parquet", "half written");
    // Killed between the two renames of a year of papers: the old copy is the only one.
    file("datasets/papers/.id_year=2025.old/part-0.parquet", "2025 as it was");
    file("datasets/papers/id_year=2026/part-0.parquet", "2026");
    // Killed after the new copy arrived, before the old one was deleted.
    file("datasets/.versions.old/part-0.parquet", "old versions");
    file("datasets/versions/part-0.parquet", "new versions");

    var removed = Leftovers.clean(new Configuration(), new OutputLayout(out.toString()));

    assertThat(removed).containsExactly("datasets/.papers.staging", "datasets/.versions.old",
        "datasets/papers/.id_year=2025.old (moved back: the new copy never arrived)");
    assertThat(out.resolve("datasets/papers/id_year=2025/part-0.parquet")).hasContent("2025 as it was");
    assertThat(out.resolve("datasets/papers/.id_year=2025.old")).doesNotExist();
    assertThat(out.resolve("datasets/versions/part-0.parquet")).hasContent("new versions");
    assertThat(out.resolve("datasets/.versions.old")).doesNotExist();
    assertThat(out.resolve("datasets/.papers.staging")).doesNotExist();
  }
}
