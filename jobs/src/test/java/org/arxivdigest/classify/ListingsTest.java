package org.arxivdigest.classify;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.arxivdigest.classify.keyword.KeywordRules;
import org.arxivdigest.schema.Schemas;
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

  /**
   * The listings of assignments that carry their papers' columns (one scan of the papers) are those built from the
   * assignments and the papers read again: the real sample's papers, the real topics (all three listing modes).
   */
  @Test
  void listingsFromAssignedPapersEqualThoseBuiltFromTheAssignmentsAndThePapers() throws Exception {
    var spark = TestSpark.session();
    var files = new java.util.ArrayList<String>();
    for (String folder : List.of("kaggle", "recent")) {
      try (var list = java.nio.file.Files.list(TestSpark.sample().resolve(folder))) {
        list.sorted().map(Path::toString).forEach(files::add);
      }
    }
    // One record per id, as ingest keeps (the sample's files share a few papers).
    Dataset<Row> papers = KaggleRecords.normalize(KaggleReader.parse(KaggleReader.readLines(spark, files)))
        .filter(col(Columns.REASON).isNull()).dropDuplicates(Columns.ID).cache();
    Dataset<Row> versions = VersionRows.fromPapers(papers).cache();
    List<Topic> topics = TopicsConfig.load(TestSpark.repo().resolve("data/topics.json").toString(),
        spark.sparkContext().hadoopConfiguration());
    Dataset<Row> carried = KeywordRules.assign(papers, topics, Listings.PAPER_COLUMNS).cache();
    Dataset<Row> assignments = KeywordRules.assign(papers, topics);

    assertThat(carried.select(Schemas.columns(Schemas.ASSIGNMENTS)).exceptAll(assignments).count()).isZero();
    assertThat(carried.count()).isEqualTo(assignments.count());
    Dataset<Row> built = Listings.build(spark, assignments, papers, versions, topics);
    Dataset<Row> fromCarried = Listings.ofAssignedPapers(spark, carried, versions, topics);
    long rows = built.count();
    assertThat(fromCarried.count()).isEqualTo(rows);
    assertThat(fromCarried.exceptAll(built).count()).isZero();
    assertThat(fromCarried.schema()).isEqualTo(built.schema());
    // Every listing mode and several topics are in the comparison, and authors (computed from the carried
    // authors_parsed) are there.
    assertThat(fromCarried.select(Columns.TOPIC).distinct().count()).isGreaterThanOrEqualTo(4);
    assertThat(fromCarried.filter(col(Columns.TOPIC).isin("llm", "quantum_computing", "black_holes"))
        .select(Columns.TOPIC).distinct().count()).isEqualTo(3);
    assertThat(fromCarried.filter(functions.size(col(Columns.AUTHORS)).gt(0)).count()).isEqualTo(rows);
    papers.unpersist();
    versions.unpersist();
    carried.unpersist();
  }

  @Test
  void newListsVersionOneInItsOwnMonthEvenWhenALaterVersionIsDatedBeforeIt() {
    assertThat(listed("new")).extracting(r -> r.getAs(Columns.ID) + "v" + r.getAs(Columns.VERSION) + " "
        + r.getAs(Columns.MONTH)).containsExactly("0704.0001v1 2007_04", "0704.0002v1 2007_05");
  }
}
