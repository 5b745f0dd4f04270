package org.arxivdigest.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/** {@link RisingTerms} on one partition's documents, without Spark: the scan's own bookkeeping. */
class RisingTermsTest {

  /** A document whose title is the given words (no abstract): its terms are the words and their 2-grams. */
  private static Row doc(String topic, String month, String id, String... words) {
    return RowFactory.create(topic, month, id, String.join(" ", words), null);
  }

  private static List<Row> scan(Row... docs) throws Exception {
    return scan(100, docs);
  }

  private static List<Row> scan(double maxIdf, Row... docs) throws Exception {
    return scan(new RisingTerms(maxIdf), docs);
  }

  private static List<Row> scan(RisingTerms terms, Row... docs) throws Exception {
    var out = new ArrayList<Row>();
    terms.call(List.of(docs).iterator()).forEachRemaining(out::add);
    return out;
  }

  @Test
  void aTopicsMonthsAreComparedWithItsOwnEarlierMonthsOnlyAndAPaperCountsOncePerMonth() throws Exception {
    List<Row> rows = scan(
        // Topic a: January without "spiking", February with it in 3 of 4 papers.
        doc("a", "2025_01", "1", "graph"), doc("a", "2025_01", "2", "graph"),
        doc("a", "2025_02", "3", "spiking"), doc("a", "2025_02", "4", "spiking"),
        // Two versions of paper 5 in February: the first row (the newest) counts, the second is skipped.
        doc("a", "2025_02", "5", "spiking"), doc("a", "2025_02", "5", "graph"),
        doc("a", "2025_02", "6", "graph"),
        // Topic b follows in the same partition: its first month has no baseline, though a's February is near.
        doc("b", "2025_03", "7", "spiking"), doc("b", "2025_03", "8", "spiking"), doc("b", "2025_03", "9", "spiking"),
        // b's April: "spiking" in 3 of 3 papers again, not below its baseline (rises by 0); "graph" 1 paper only.
        doc("b", "2025_04", "10", "spiking", "graph"), doc("b", "2025_04", "11", "spiking"),
        doc("b", "2025_04", "12", "spiking"));
    assertThat(rows).extracting(r -> r.getString(0) + "/" + r.getString(1) + "/" + r.getString(2))
        .containsExactly("a/2025_02/spiking", "b/2025_04/spiking");
    Row feb = rows.get(0);
    // papers with the term, month papers, baseline months, share, baseline shares.
    assertThat(List.of(feb.get(3), feb.get(4), feb.get(5), feb.get(6), feb.get(7)))
        .containsExactly(3L, 4L, 1, 0.75, 0.0);
    Row apr = rows.get(1);
    assertThat(List.of(apr.get(3), apr.get(4), apr.get(5), apr.get(6), apr.get(7)))
        .containsExactly(3L, 3L, 1, 1.0, 1.0);
  }

  @Test
  void monthsMoreThanTwelveBackAreDroppedFromTheBaseline() throws Exception {
    var docs = new ArrayList<Row>();
    for (String m : List.of("2024_01", "2024_02", "2025_02")) {
      for (int i = 0; i < 3; i++) {
        docs.add(doc("a", m, m + i, m.equals("2024_02") ? "graph" : "spiking"));
      }
    }
    List<Row> rows = scan(docs.toArray(Row[]::new));
    // 2024_02 ("graph", new against 2024_01) is a baseline month of 2025_02 (12 back), 2024_01 is not (13 back):
    // one baseline month, without the term.
    assertThat(rows).extracting(r -> r.getString(1) + "/" + r.getString(2))
        .containsExactly("2024_02/graph", "2025_02/spiking");
    assertThat(rows.get(1).getInt(5)).isEqualTo(1);
    assertThat(rows.get(1).getDouble(7)).isZero();
  }

  @Test
  void aTermThatCannotReachTheTopTermsEvenWithTheHighestIdfIsLeftOut() throws Exception {
    // January: 525 papers with "base". February: 525 papers, k + 3 of them (k = 0..29) with the one word tk, all
    // new: each rises by its share. The 25th highest rise is 8/525; t00's rise (3/525) times an IDF of at most 2
    // stays below it, t01's (4/525) reaches it.
    var docs = new ArrayList<Row>();
    for (int i = 0; i < 525; i++) {
      docs.add(doc("a", "2025_01", String.format("j%03d", i), "base"));
    }
    for (int k = 0; k < 30; k++) {
      for (int i = 0; i < k + 3; i++) {
        docs.add(doc("a", "2025_02", String.format("f%02d-%02d", k, i), String.format("t%02d", k)));
      }
    }
    List<Row> capped = scan(2, docs.toArray(Row[]::new));
    assertThat(capped).extracting(r -> r.getString(2)).hasSize(29).doesNotContain("t00").contains("t01", "t29");
    // With a higher possible IDF, t00 could still score among the top: kept.
    assertThat(scan(100, docs.toArray(Row[]::new))).hasSize(30);
  }

  @Test
  void monthsBeforeTheFirstWantedOneAreBaselinesOnly() throws Exception {
    var docs = new ArrayList<Row>();
    for (String m : List.of("2025_01", "2025_02", "2025_03")) {
      for (int i = 0; i < 3; i++) {
        docs.add(doc("a", m, m + i, m.equals("2025_01") ? "graph" : m.equals("2025_02") ? "spiking" : "neural"));
      }
    }
    assertThat(scan(100, docs.toArray(Row[]::new))).extracting(r -> r.getString(1) + "/" + r.getString(2))
        .containsExactly("2025_02/spiking", "2025_03/neural");
    // From March: February rises no more, yet both earlier months are still its baseline.
    List<Row> march = scan(new RisingTerms(100, "2025_03"), docs.toArray(Row[]::new));
    assertThat(march).extracting(r -> r.getString(1) + "/" + r.getString(2)).containsExactly("2025_03/neural");
    assertThat(march.get(0).getInt(5)).isEqualTo(2);
  }
}
