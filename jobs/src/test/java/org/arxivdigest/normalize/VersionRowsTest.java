package org.arxivdigest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.arxivdigest.ingest.KaggleReader;
import org.arxivdigest.ingest.KaggleRecords;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionRowsTest {
  @TempDir Path dir;

  @Test
  void listsEachVersionInTheUtcMonthItWasSubmitted() {
    // 0704.0001: v1 Mon, 2 Apr 2007 19:18:42 GMT; v2 Tue, 24 Jul 2007 20:10:27 GMT
    Path file = TestSpark.writeLines(dir, "one.jsonl", List.of(TestSpark.sampleLine("0704.0001")));
    var papers = KaggleRecords.normalize(KaggleReader.parse(KaggleReader.readLines(TestSpark.session(),
        List.of(file.toString()))));
    List<Row> rows = VersionRows.fromPapers(papers).orderBy("version").collectAsList();
    assertThat(rows).extracting(r -> r.getInt(1)).containsExactly(1, 2);
    assertThat(rows).extracting(r -> r.getDate(3).toString()).containsExactly("2007-04-02", "2007-07-24");
    assertThat(rows).extracting(r -> r.getString(4)).containsExactly("2007_04", "2007_07");
  }
}
