package org.arxivdigest.classify;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.arxivdigest.config.Topic;
import org.arxivdigest.config.TopicsConfig;
import org.arxivdigest.ingest.KaggleReader;
import org.arxivdigest.ingest.KaggleRecords;
import org.arxivdigest.normalize.VersionRows;
import org.arxivdigest.schema.Columns;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which versions a topic lists: by their number, the date placing each in its month. */
class ListingsTest {
  @TempDir Path dir;

  /** A real record with its versions replaced. */
  private static String withVersions(String id, String v1, String v2) {
    return TestSpark.sampleLine(id).replaceFirst("\"versions\":\\[[^\\]]*\\]",
        "\"versions\":[{\"version\":\"v1\",\"created\":\"" + v1 + "\"},{\"version\":\"v2\",\"created\":\"" + v2
            + "\"}]");
  }

  private List<Row> listed(String listing) {
    Path file = TestSpark.writeLines(dir, "in.jsonl", List.of(
        // v2 in the same second as v1
        withVersions("0704.0001", "Mon, 2 Apr 2007 19:18:42 GMT", "Mon, 2 Apr 2007 19:18:42 GMT"),
        // v2 dated a month before v1
        withVersions("0704.0002", "Tue, 1 May 2007 10:00:00 GMT", "Sat, 31 Mar 2007 10:00:00 GMT")));
    var spark = TestSpark.session();
    Dataset<Row> papers = KaggleRecords.normalize(KaggleReader.parse(KaggleReader.readLines(spark,
        List.of(file.toString())))).filter(col(Columns.REASON).isNull()).cache();
    Dataset<Row> versions = VersionRows.fromPapers(papers);
    Dataset<Row> assignments = papers.select(lit("t").as(Columns.TOPIC), col(Columns.ID),
        lit("keyword").as(Columns.METHOD), lit("x").as(Columns.TERM), lit("title").as(Columns.FIELD),
        lit(null).cast("double").as(Columns.SCORE));
    List<Topic> topics = TopicsConfig.parse("{\"topics\": [{\"slug\": \"t\", \"name\": \"T\", \"include\": [\"x\"], "
        + "\"listing\": \"" + listing + "\"}]}", "test");
    return Listings.build(spark, assignments, papers, versions, topics)
        .orderBy(Columns.ID, Columns.VERSION).collectAsList();
  }

  @Test
  void latestListsEachPaperOnceItsHighestVersionEvenWhenTwoShareATimestamp() {
    assertThat(listed("latest")).extracting(r -> r.getAs(Columns.ID) + "v" + r.getAs(Columns.VERSION) + " "
        + r.getAs(Columns.MONTH)).containsExactly("0704.0001v2 2007_04", "0704.0002v2 2007_03");
  }

  @Test
  void newListsVersionOneInItsOwnMonthEvenWhenALaterVersionIsDatedBeforeIt() {
    assertThat(listed("new")).extracting(r -> r.getAs(Columns.ID) + "v" + r.getAs(Columns.VERSION) + " "
        + r.getAs(Columns.MONTH)).containsExactly("0704.0001v1 2007_04", "0704.0002v1 2007_05");
  }
}
