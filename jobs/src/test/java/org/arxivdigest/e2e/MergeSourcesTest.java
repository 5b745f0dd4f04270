package org.arxivdigest.e2e;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.arxivdigest.cli.ArxivDigest;
import org.arxivdigest.testing.Outputs;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One paper, 2507.10541, from three formats (resources/merge/README.md): its daily-listing record in the Kaggle
 * format (v1 at the announcement day), the real arXiv API Atom entry (v1 and v2 with their times), and an arXivRaw
 * harvest record made from the first by bench/make_arxivraw_harvest.py (its v1 and a v2 three days later).
 */
class MergeSourcesTest {
  @TempDir Path dir;

  private static final Path MERGE = TestSpark.repo().resolve("jobs/src/test/resources/merge");
  private static final Path KAGGLE = MERGE.resolve("recent-2507.10541.jsonl");
  private static final Path HARVEST = MERGE.resolve("harvest-2507.10541-arXivRaw.xml");
  private static final Path ATOM = TestSpark.sample().resolve("atom/arxivpy2026_q_testing_s40_m10_96dd32eb854c.xml");

  private Row ingest(String name, Path... inputs) throws IOException {
    Path out = dir.resolve(name);
    var args = new ArrayList<>(List.of("ingest"));
    for (Path p : inputs) {
      args.add("--input");
      args.add(p.toString());
    }
    args.addAll(List.of("--output", out.toString(), "--master", "local[2]"));
    assertThat(ArxivDigest.run(args.toArray(String[]::new))).isZero();
    JsonNode s = new ObjectMapper().readTree(out.resolve("run-summary.json").toFile());
    assertThat(s.get("accounting_balanced").asBoolean()).isTrue();
    List<Row> rows = TestSpark.session().read().parquet(out.resolve("datasets/papers").toString())
        .filter(col("id").equalTo("2507.10541")).collectAsList();
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }


  @Test
  void theHarvestsNewerVersionWinsAndTheSourcesAreAllNamed() throws IOException {
    Row p = ingest("three", KAGGLE, ATOM, HARVEST);
    assertThat(p.<String>getAs("source")).isEqualTo("arXivRaw"); // its v2 (07-18) is the newest version
    assertThat(p.getList(p.fieldIndex("sources"))).containsExactly("arXivRaw", "atom", "kaggle");
    // Each version's time from the best-ranked record that knows it: the winner knows both.
    assertThat(Outputs.versions(p)).isEqualTo("v1@2025-07-15T00:00:00Z v2@2025-07-18T00:00:00Z");
    assertThat(p.<Boolean>getAs("versions_complete")).isTrue();
    assertThat(p.get(p.fieldIndex("update_date")).toString()).isEqualTo("2025-07-19"); // the harvest's datestamp
    assertThat(p.<String>getAs("source_file")).endsWith("harvest-2507.10541-arXivRaw.xml");
  }

  @Test
  void withoutTheHarvestTheAtomEntryWinsAndItsTimesReplaceTheListingDay() throws IOException {
    Row p = ingest("two", KAGGLE, ATOM);
    assertThat(p.<String>getAs("source")).isEqualTo("atom");
    assertThat(p.getList(p.fieldIndex("sources"))).containsExactly("atom", "kaggle");
    assertThat(Outputs.versions(p)).isEqualTo("v1@2025-07-14T17:58:47Z v2@2025-07-15T06:16:53Z");
    assertThat(p.<Integer>getAs("version_count")).isEqualTo(2);
    assertThat(p.<String>getAs("comments")).startsWith("REST (Reasoning Evaluation through Simultaneous Testing)");
  }
}
