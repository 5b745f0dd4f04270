package org.arxivdigest.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.arxivdigest.core.UsageException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {
  @TempDir Path dir;

  @BeforeEach
  void files() throws IOException {
    for (String name : List.of("a.json", "b.jsonl", "c.json.gz", "d.jsonl.bz2", "e.txt", ".hidden.json",
        "_SUCCESS", "sub/f.json", "sub/.cache/g.json")) {
      Path p = dir.resolve(name);
      Files.createDirectories(p.getParent());
      Files.writeString(p, "{}\n");
    }
  }

  private List<String> names(String... inputs) {
    return InputFiles.resolve(List.of(inputs), new Configuration()).stream()
        .map(f -> f.path().substring(f.path().indexOf(dir.getFileName().toString()) + dir.getFileName().toString()
            .length() + 1))
        .toList();
  }

  @Test
  void aDirectoryGivesItsDumpFilesRecursivelyInPathOrder() {
    assertThat(names(dir.toString()))
        .containsExactly("a.json", "b.jsonl", "c.json.gz", "d.jsonl.bz2", "sub/f.json");
  }

  @Test
  void globsAndFilesCanBeMixedAndRepeatsCountOnce() {
    assertThat(names(dir + "/*.json*", dir + "/a.json")).containsExactly("a.json", "b.jsonl", "c.json.gz",
        "d.jsonl.bz2");
  }

  @Test
  void aMissingPathIsAUsageError() {
    assertThatThrownBy(() -> names(dir + "/nope.json"))
        .isInstanceOf(UsageException.class).hasMessageContaining("input path not found").hasMessageContaining("nope");
  }

  @Test
  void aFileOfAnotherKindIsAUsageError() {
    assertThatThrownBy(() -> names(dir + "/e.txt"))
        .isInstanceOf(UsageException.class).hasMessageContaining("unsupported input file");
  }

  @Test
  void aDirectoryWithoutDumpFilesIsAUsageError() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertThatThrownBy(() -> names(empty.toString()))
        .isInstanceOf(UsageException.class).hasMessageContaining("no input files");
  }
}
