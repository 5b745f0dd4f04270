package org.arxivdigest.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.arxivdigest.cli.ArxivDigest;
import org.arxivdigest.cli.ExitCodes;
import org.arxivdigest.testing.SampleRun;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evaluate --test-labels}: thresholds from the dev half of the labels the models may have seen, figures from
 * the labels kept apart, and a paper in both is refused (on the sample output: keyword figures only).
 */
class EvaluateLabelsTest {
  @TempDir Path dir;

  private static List<String> ids(String filter, int n) {
    var out = new ArrayList<String>();
    for (Row r : TestSpark.session().read().parquet(SampleRun.output().resolve("datasets/papers").toString())
        .filter(filter).select("id").orderBy("id").limit(n).collectAsList()) {
      out.add(r.getString(0));
    }
    return out;
  }

  private static void write(Path file, List<String> ids, List<String> labels) throws IOException {
    Files.createDirectories(file.getParent());
    var lines = new ArrayList<>(List.of("id,label,reason"));
    for (int i = 0; i < ids.size(); i++) {
      lines.add(ids.get(i) + "," + labels.get(i) + ",made up for the test");
    }
    Files.write(file, lines);
  }

  @Test
  void figuresComeFromTheLabelsKeptApartAndNoPaperMayBeInBoth() throws IOException {
    Path out = SampleRun.copy(dir.resolve("out"));
    // The sites' llm rule: "llm" as a word in title and abstract.
    String hit = "title rlike '(?i)\\\\bllms?\\\\b' and abstract rlike '(?i)\\\\bllms?\\\\b'";
    List<String> hits = ids(hit, 18);
    List<String> others = ids("not (" + hit + ") and array_contains(categories, 'cs.CL')", 22);
    // Kept apart: 8 hits (6 yes, 2 no), 12 others (4 yes, 8 no). Keyword precision 6/8, recall 6/10.
    var test = new ArrayList<String>();
    test.addAll(hits.subList(0, 8));
    test.addAll(others.subList(0, 12));
    var testLabels = new ArrayList<String>();
    for (int i = 0; i < 8; i++) {
      testLabels.add(i < 6 ? "yes" : "no");
    }
    for (int i = 0; i < 12; i++) {
      testLabels.add(i < 4 ? "yes" : "no");
    }
    write(dir.resolve("fresh/llm.csv"), test, testLabels);
    var seen = new ArrayList<String>();
    seen.addAll(hits.subList(8, 18));
    seen.addAll(others.subList(12, 22));
    write(dir.resolve("labels/llm.csv"), seen, java.util.Collections.nCopies(seen.size(), "yes"));
    long devHalf = TestSpark.session().createDataset(seen, org.apache.spark.sql.Encoders.STRING()).toDF("id")
        .filter(org.arxivdigest.classify.tfidf.Labels.isDev()).count();

    String[] evaluate = SampleRun.withCommonOptions(out, "evaluate", "--labels", dir.resolve("labels").toString(),
        "--test-labels", dir.resolve("fresh").toString(), "--models", dir.resolve("no-models").toString());
    assertThat(ArxivDigest.run(evaluate)).isZero();
    JsonNode report = new ObjectMapper().readTree(out.resolve("reports/evaluation.json").toFile());
    JsonNode llm = null;
    for (JsonNode t : report.get("topics")) {
      if (t.get("topic").asText().equals("llm")) {
        llm = t;
      }
    }
    assertThat(llm).isNotNull();
    assertThat(llm.get("test_size").asLong()).isEqualTo(20);
    assertThat(llm.get("dev_size").asLong()).isEqualTo(devHalf).isPositive();
    JsonNode keyword = llm.get("methods").get("keyword");
    assertThat(keyword.get("tp").asLong()).isEqualTo(6);
    assertThat(keyword.get("fp").asLong()).isEqualTo(2);
    assertThat(keyword.get("fn").asLong()).isEqualTo(4);
    assertThat(llm.get("test_labels_file").asText()).endsWith("fresh/llm.csv");
    assertThat(llm.get("figures_from").asText()).endsWith("fresh/llm.csv");

    // A mistyped folder of test labels is an error, not figures on the halves the models may have trained on.
    String[] typo = evaluate.clone();
    typo[java.util.Arrays.asList(typo).indexOf(dir.resolve("fresh").toString())] = dir.resolve("frsh").toString();
    assertThat(ArxivDigest.run(typo)).isEqualTo(ExitCodes.USAGE);

    // A paper in both files: the test labels would not be apart.
    write(dir.resolve("labels/llm.csv"), test.subList(0, 1), List.of("yes"));
    assertThat(ArxivDigest.run(evaluate)).isEqualTo(ExitCodes.USAGE);
  }
}
