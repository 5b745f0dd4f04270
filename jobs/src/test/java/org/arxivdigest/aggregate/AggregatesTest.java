package org.arxivdigest.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.arxivdigest.config.TopicsConfig;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.Test;

class AggregatesTest {
  private static final StructType VERSIONS = new StructType()
      .add("id", DataTypes.StringType).add("submitted_at", DataTypes.TimestampType).add("month", DataTypes.StringType);
  private static final StructType PAPERS = new StructType()
      .add("id", DataTypes.StringType).add("first_version_at", DataTypes.TimestampType)
      .add("categories", DataTypes.createArrayType(DataTypes.StringType))
      .add("primary_category", DataTypes.StringType)
      .add("title", DataTypes.StringType).add("abstract", DataTypes.StringType);
  private static final StructType TOPIC_ID_METHOD = new StructType()
      .add("topic", DataTypes.StringType).add("id", DataTypes.StringType).add("method", DataTypes.StringType);
  private static final StructType TOPIC_MONTH_ID = new StructType()
      .add("topic", DataTypes.StringType).add("month", DataTypes.StringType).add("id", DataTypes.StringType);

  private static Timestamp at(String day) {
    return Timestamp.valueOf(day + " 12:00:00");
  }

  private static Dataset<Row> frame(StructType schema, Object[]... rows) {
    var list = new ArrayList<Row>();
    for (Object[] r : rows) {
      list.add(RowFactory.create(r));
    }
    return TestSpark.session().createDataFrame(list, schema);
  }

  // A: v1 in January, v2 and v3 in February. B: v1 in February. C: v1 in January, not in the topic.
  private static final Dataset<Row> VERSIONS_DF = frame(VERSIONS,
      new Object[] {"A", at("2025-01-10"), "2025_01"}, new Object[] {"A", at("2025-02-03"), "2025_02"},
      new Object[] {"A", at("2025-02-20"), "2025_02"}, new Object[] {"B", at("2025-02-05"), "2025_02"},
      new Object[] {"C", at("2025-01-11"), "2025_01"});
  private static final Dataset<Row> PAPERS_DF = frame(PAPERS,
      new Object[] {"A", at("2025-01-10"), List.of("cs.CL", "cs.AI"), "cs.CL", "a", "a"},
      new Object[] {"B", at("2025-02-05"), List.of("cs.AI"), "cs.AI", "b", "b"},
      new Object[] {"C", at("2025-01-11"), List.of("math.CO", "cs.AI"), "math.CO", "c", "c"});

  @Test
  void topicStatsCountNewAndUpdatedPapersPerMethodAndTheListedEntriesOfThePagesMethod() {
    var topics = TopicsConfig.parse("{\"topics\": [{\"slug\": \"llm\", \"include\": [\"llm\"]}]}", "t");
    Dataset<Row> assignments = frame(TOPIC_ID_METHOD, new Object[] {"llm", "A", "keyword"},
        new Object[] {"llm", "B", "keyword"}, new Object[] {"llm", "B", "tfidf"});
    // The pages list every version: A in January and twice in February, B in February.
    Dataset<Row> listings = frame(TOPIC_MONTH_ID, new Object[] {"llm", "2025_01", "A"},
        new Object[] {"llm", "2025_02", "A"}, new Object[] {"llm", "2025_02", "A"},
        new Object[] {"llm", "2025_02", "B"});
    var stats = new HashMap<String, Row>();
    for (Row r : Aggregates.monthlyTopicStats(TestSpark.session(), assignments, PAPERS_DF, VERSIONS_DF, listings,
        topics).collectAsList()) {
      stats.put(r.getAs("month") + "/" + r.getAs("method"), r);
    }
    assertThat(stats).containsOnlyKeys("2025_01/keyword", "2025_02/keyword", "2025_02/tfidf");
    Row feb = stats.get("2025_02/keyword");
    assertThat(List.of(feb.getAs("new_papers"), feb.getAs("updated_papers"), feb.getAs("versions"),
        feb.getAs("distinct_papers"), feb.getAs("listed_entries"), feb.getAs("listed_papers")))
        .containsExactly(1L, 1L, 3L, 2L, 3L, 2L);
    Row jan = stats.get("2025_01/keyword");
    assertThat(List.of(jan.getAs("new_papers"), jan.getAs("updated_papers"), jan.getAs("listed_entries")))
        .containsExactly(1L, 0L, 1L);
    Row tfidf = stats.get("2025_02/tfidf");
    assertThat(tfidf.<Long>getAs("new_papers")).isEqualTo(1L);
    assertThat(tfidf.<Object>getAs("listed_entries")).as("the pages do not list tfidf").isNull();
  }

  @Test
  void aPaperFirstSubmittedAndRevisedInOneMonthIsNewAndUpdatedOnceEachWhateverItsAssignmentRepeats() {
    var topics = TopicsConfig.parse("{\"topics\": [{\"slug\": \"llm\", \"include\": [\"llm\"]}]}", "t");
    // D: v1, v2 and v3 in March; assigned twice by the same method (the stats count it once).
    Dataset<Row> versions = frame(VERSIONS, new Object[] {"D", at("2025-03-02"), "2025_03"},
        new Object[] {"D", at("2025-03-09"), "2025_03"}, new Object[] {"D", at("2025-03-20"), "2025_03"});
    Dataset<Row> papers = frame(PAPERS, new Object[] {"D", at("2025-03-02"), List.of("cs.CL"), "cs.CL", "d", "d"});
    Dataset<Row> assignments = frame(TOPIC_ID_METHOD, new Object[] {"llm", "D", "keyword"},
        new Object[] {"llm", "D", "keyword"});
    Dataset<Row> listings = frame(TOPIC_MONTH_ID, new Object[] {"llm", "2025_03", "D"});
    List<Row> rows = Aggregates.monthlyTopicStats(TestSpark.session(), assignments, papers, versions, listings,
        topics).collectAsList();
    assertThat(rows).hasSize(1);
    Row march = rows.get(0);
    assertThat(List.of(march.getAs("new_papers"), march.getAs("updated_papers"), march.getAs("versions"),
        march.getAs("distinct_papers"))).containsExactly(1L, 1L, 3L, 1L);
  }

  @Test
  void categoryStatsCountCrossListsAndPrimaries() {
    var stats = new HashMap<String, Row>();
    for (Row r : Aggregates.monthlyCategoryStats(PAPERS_DF, VERSIONS_DF).collectAsList()) {
      stats.put(r.getAs("category") + "/" + r.getAs("month"), r);
    }
    Row aiJan = stats.get("cs.AI/2025_01");
    // January: A (cs.CL primary, cross-listed cs.AI) and C (math.CO primary, cs.AI) are new.
    assertThat(List.of(aiJan.getAs("new_papers"), aiJan.getAs("new_primary_papers"), aiJan.getAs("versions")))
        .containsExactly(2L, 0L, 2L);
    Row aiFeb = stats.get("cs.AI/2025_02");
    assertThat(List.of(aiFeb.getAs("new_papers"), aiFeb.getAs("new_primary_papers"), aiFeb.getAs("versions")))
        .containsExactly(1L, 1L, 3L);
    assertThat(stats.get("math.CO/2025_01").<String>getAs("archive")).isEqualTo("math");
    assertThat(stats.get("cs.CL/2025_02").<String>getAs("archive")).isEqualTo("cs");
  }

  @Test
  void aShortBoundedRangeReadsOnlyItsOwnPapersForItsStatsAndALongOrOpenOneDoesNot() {
    assertThat(AggregateInputs.shortRange(new org.arxivdigest.core.MonthRange("2026_05", "2026_05"))).isTrue();
    assertThat(AggregateInputs.shortRange(new org.arxivdigest.core.MonthRange("2024_06", "2026_05"))).isTrue();
    assertThat(AggregateInputs.shortRange(new org.arxivdigest.core.MonthRange("2024_05", "2026_05"))).isFalse();
    assertThat(AggregateInputs.shortRange(new org.arxivdigest.core.MonthRange("2024_05", null))).isFalse();
    assertThat(AggregateInputs.shortRange(org.arxivdigest.core.MonthRange.ALL)).isFalse();
    assertThat(AggregateInputs.shortRange(org.arxivdigest.core.MonthRange.ALL.restrictedTo(
        List.of("2001_01", "2026_05")))).isTrue();
    // The first month a range can hold: trending terms give rows from it on.
    assertThat(new org.arxivdigest.core.MonthRange("2024_06", "2026_05").first()).isEqualTo("2024_06");
    assertThat(new org.arxivdigest.core.MonthRange("2024_06", null).restrictedTo(List.of("2025_03", "2001_01",
        "2024_09")).first()).isEqualTo("2024_09");
    assertThat(new org.arxivdigest.core.MonthRange(null, null, new java.util.TreeSet<>()).first()).isNull();
    assertThat(org.arxivdigest.core.MonthRange.ALL.first()).isNull();
  }

  @Test
  void aBackfillsTrendingTermsReadItsMonthsAndTheTwelveBeforeItsFirstOnly() {
    var rows = new ArrayList<Object[]>();
    for (String m : List.of("2024_01", "2024_02", "2024_03", "2025_02", "2025_03", "2025_04", "2025_05")) {
      rows.add(new Object[] {"llm", m, "id-" + m});
    }
    Dataset<Row> listings = frame(TOPIC_MONTH_ID, rows.toArray(Object[][]::new));
    var kept = new ArrayList<String>();
    AggregateStage.withBaselines(listings, new org.arxivdigest.core.MonthRange("2025_03", "2025_04"))
        .orderBy("month").collectAsList().forEach(r -> kept.add(r.getAs("month")));
    assertThat(kept).containsExactly("2024_03", "2025_02", "2025_03", "2025_04");
    assertThat(AggregateStage.withBaselines(listings, org.arxivdigest.core.MonthRange.ALL).count())
        .isEqualTo(rows.size());
  }

  @Test
  void changedMonthsAreThoseWithARowOnOneSideOnlyCountingRepeats() {
    var schema = new StructType().add("category", DataTypes.StringType).add("month", DataTypes.StringType)
        .add("n", DataTypes.LongType);
    Dataset<Row> old = frame(schema, new Object[] {"cs.AI", "2025_01", 3L}, new Object[] {"cs.AI", "2025_02", 1L},
        new Object[] {"cs.LG", "2025_03", 2L}, new Object[] {"cs.LG", "2025_04", 2L},
        new Object[] {"cs.LG", "2025_05", 1L});
    Dataset<Row> fresh = frame(schema, new Object[] {"cs.AI", "2025_01", 3L}, new Object[] {"cs.AI", "2025_02", 2L},
        new Object[] {"cs.LG", "2025_04", 2L}, new Object[] {"cs.LG", "2025_04", 2L},
        new Object[] {"cs.LG", "2025_05", 1L}, new Object[] {"cs.CV", "2025_06", 1L});
    var months = new java.util.TreeSet<String>();
    // Columns in another order on the old side: compared by name.
    Aggregates.changedMonths(fresh, old.select("n", "month", "category")).collectAsList()
        .forEach(r -> months.add(r.getString(0)));
    // 02: value changed; 03: gone; 04: a repeated row; 06: new. 01 and 05 unchanged.
    assertThat(months).containsExactly("2025_02", "2025_03", "2025_04", "2025_06");
  }
}
