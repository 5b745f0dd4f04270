package org.arxivdigest.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/** {@link TermCounts} on one partition's documents, without Spark: the scan's own bookkeeping. */
class TermCountsTest {

  /** A document whose title is the given words (no abstract): its terms are the words and their 2-grams. */
  private static Row doc(String topic, String month, String id, String... words) {
    return RowFactory.create(topic, month, id, String.join(" ", words), null);
  }

  /** {@code n} papers of a topic's month, the first {@code withTerm} of them with "mamba", all with "graph". */
  private static void month(List<Row> docs, String topic, String month, int n, int withTerm) {
    for (int i = 0; i < n; i++) {
      docs.add(i < withTerm ? doc(topic, month, month + "." + i, "graph", "mamba")
          : doc(topic, month, month + "." + i, "graph"));
    }
  }

  private static List<Row> scan(List<Row> docs) throws Exception {
    return scan(new TermCounts(null, Map.of()), docs);
  }

  private static List<Row> scan(TermCounts counts, List<Row> docs) throws Exception {
    var out = new ArrayList<Row>();
    counts.call(docs.iterator()).forEachRemaining(out::add);
    return out;
  }

  private static List<String> keys(List<Row> rows) {
    return rows.stream().map(r -> r.getString(0) + "/" + r.getString(1) + "/" + r.getString(2)).toList();
  }

  @Test
  void aTopicsMonthIsCountedAgainstItsOwnEarlierMonthsAndAPaperCountsOncePerMonth() throws Exception {
    var docs = new ArrayList<Row>();
    month(docs, "a", "2025_01", 30, 0);
    month(docs, "a", "2025_02", 30, 2);
    // March: 20 papers, 10 with "mamba"; paper 2025_03.0 is listed twice: the first row (its newest version)
    // counts, the older one after it does not (the stable sort keeps it second).
    month(docs, "a", "2025_03", 20, 10);
    docs.add(doc("a", "2025_03", "2025_03.0", "graph", "mamba", "older"));
    docs.sort((x, y) -> (x.getString(1) + x.getString(2)).compareTo(y.getString(1) + y.getString(2)));
    // Topic b follows in the same partition: its first month has no baseline, though a's months are near.
    month(docs, "b", "2025_04", 30, 30);
    List<Row> rows = scan(docs);
    assertThat(keys(rows)).containsExactlyInAnyOrder("a/2025_03/mamba", "a/2025_03/graph mamba");
    Row mamba = rows.stream().filter(r -> r.getString(2).equals("mamba")).findFirst().orElseThrow();
    // papers with the term, month papers, month occurrences (20 papers: "graph" each, "mamba" and the 2-gram in
    // 10), baseline papers with it, baseline papers, baseline occurrences (60 + 2 + 2), baseline months.
    assertThat(List.of(mamba.get(3), mamba.get(4), mamba.get(5), mamba.get(6), mamba.get(7),
        mamba.get(8), mamba.get(9))).containsExactly(10L, 20L, 40L, 2L, 60L, 64L, 2);
  }

  @Test
  void monthsMoreThanTwelveBackAreDroppedFromTheBaseline() throws Exception {
    var docs = new ArrayList<Row>();
    month(docs, "a", "2024_01", 60, 60);
    month(docs, "a", "2024_02", 60, 0);
    month(docs, "a", "2025_02", 30, 10);
    List<Row> rows = scan(docs);
    // 2024_02 is 12 months before 2025_02, inside its baseline; 2024_01 (with "mamba" everywhere) is 13 back.
    Row feb = rows.stream().filter(r -> r.getString(1).equals("2025_02") && r.getString(2).equals("mamba"))
        .findFirst().orElseThrow();
    assertThat(feb.getLong(6)).isZero();
    assertThat(feb.getLong(7)).isEqualTo(60L);
    assertThat(feb.getInt(9)).isEqualTo(1);
    // 2024_02 itself: "graph" is 60 of its 60 term occurrences against 60 of 180 in 2024_01 (a larger share);
    // "mamba" fell to none.
    assertThat(keys(rows)).filteredOn(k -> k.contains("2024_02")).containsExactly("a/2024_02/graph");
  }

  @Test
  void tooFewPapersInTheMonthTheBaselineOrWithTheTermGiveNoRows() throws Exception {
    var small = new ArrayList<Row>();
    month(small, "a", "2025_01", 60, 0);
    month(small, "a", "2025_02", TrendingTerms.MIN_MONTH_PAPERS - 1, 10);
    assertThat(scan(small)).as("a month of 19 papers").isEmpty();
    var thinBaseline = new ArrayList<Row>();
    month(thinBaseline, "a", "2025_01", TrendingTerms.MIN_BASELINE_PAPERS - 1, 0);
    month(thinBaseline, "a", "2025_02", 30, 10);
    assertThat(scan(thinBaseline)).as("a baseline of 49 papers").isEmpty();
    var fewWithTerm = new ArrayList<Row>();
    month(fewWithTerm, "a", "2025_01", 60, 0);
    month(fewWithTerm, "a", "2025_02", 30, TrendingTerms.MIN_TERM_PAPERS - 1);
    assertThat(scan(fewWithTerm)).as("a term in 4 papers").isEmpty();
    month(fewWithTerm, "a", "2025_03", 30, TrendingTerms.MIN_TERM_PAPERS);
    assertThat(keys(scan(fewWithTerm))).contains("a/2025_03/mamba");
  }

  @Test
  void aTopicsKeywordsAreNotCountedAsCandidatesAndMonthsBeforeTheFirstWantedAreBaselinesOnly() throws Exception {
    var docs = new ArrayList<Row>();
    month(docs, "a", "2025_01", 60, 0);
    month(docs, "a", "2025_02", 30, 10);
    month(docs, "a", "2025_03", 30, 20);
    var counts = new TermCounts("2025_03", Map.of("a", TopicTerms.of(List.of("mamba"))));
    // "mamba" is a's keyword: neither it nor a 2-gram with it; February is a baseline only.
    assertThat(scan(counts, docs)).isEmpty();
    assertThat(keys(scan(new TermCounts("2025_03", Map.of()), docs)))
        .containsExactlyInAnyOrder("a/2025_03/mamba", "a/2025_03/graph mamba");
  }

  @Test
  void aTermNotShapedLikeANounPhraseIsNoCandidate() throws Exception {
    // The same papers with "mamba" (a noun) and "reliably" (an adverb): only the noun and its 2-gram rise.
    var docs = new ArrayList<Row>();
    month(docs, "a", "2025_01", 60, 0);
    for (int i = 0; i < 30; i++) {
      docs.add(i < 10 ? doc("a", "2025_02", "2025_02." + i, "graph", "mamba", "reliably")
          : doc("a", "2025_02", "2025_02." + i, "graph"));
    }
    assertThat(keys(scan(docs))).containsExactlyInAnyOrder("a/2025_02/mamba", "a/2025_02/graph mamba");
  }
}
