package org.arxivdigest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.arxivdigest.config.Topic;
import org.arxivdigest.config.TopicsConfig;
import org.arxivdigest.schema.Schemas;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.Test;

class PagesTest {
  private static final List<Topic> TOPICS = TopicsConfig.parse("{\"topics\": ["
      + "{\"slug\": \"llm\", \"include\": [\"llm\"], \"method\": \"combined\"},"
      + "{\"slug\": \"quiet\", \"include\": [\"llm\"], \"method\": \"combined\", \"why\": false}]}",
      "t.json");

  /** 250 entries of one month: paper i submitted on day 1 + i % 28, at i minutes past midnight. */
  private static List<Row> month() {
    var rows = new ArrayList<Row>();
    for (int i = 0; i < 250; i++) {
      String id = String.format("2502.%05d", i + 1);
      int day = 1 + i % 28;
      rows.add(RowFactory.create("llm", "2025_02", id, 1,
          Timestamp.valueOf(String.format("2025-02-%02d 00:%02d:00", day, i % 60)),
          Date.valueOf(String.format("2025-02-%02d", day)), "http://arxiv.org/abs/" + id + "v1", "Title " + i,
          "Abstract " + i, null, "cs.CL", List.of("cs.CL", "cs.AI"), List.of("A. One", "B. Two"), "keyword", "llm",
          "title+abstract", null));
    }
    return rows;
  }

  @Test
  void aMonthIsSplitIntoPartsOfAHundredNewestFirst() {
    var listings = TestSpark.session().createDataFrame(month(), Schemas.LISTINGS);
    var parts = Pages.parts(listings, TOPICS).orderBy("part").collectAsList();
    assertThat(parts).extracting(r -> r.<Integer>getAs("part")).containsExactly(1, 2, 3);
    assertThat(parts).extracting(r -> r.<Integer>getAs("parts")).containsOnly(3);
    assertThat(parts).extracting(r -> r.getList(r.fieldIndex("entries")).size()).containsExactly(100, 100, 50);
    var dates = new ArrayList<String>();
    var ranks = new ArrayList<Integer>();
    for (Row part : parts) {
      for (Row e : part.<Row>getList(part.fieldIndex("entries"))) {
        dates.add(e.getAs("date"));
        ranks.add(e.getAs("rank"));
      }
    }
    assertThat(ranks).isSorted().doesNotHaveDuplicates().hasSize(250);
    assertThat(dates).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(dates.get(0)).isEqualTo("2025-02-28");
    assertThat(Pages.partCount(250)).isEqualTo(3);
    assertThat(Pages.partCount(100)).isEqualTo(1);
  }

  @Test
  void partsHaveTheDocumentedSchema() {
    var listings = TestSpark.session().createDataFrame(month().subList(0, 3), Schemas.LISTINGS);
    var schema = Pages.parts(listings, TOPICS).schema();
    assertThat(schema.fieldNames()).containsExactly(Schemas.PAGE_PART.fieldNames());
    for (var f : Schemas.PAGE_PART.fields()) {
      assertThat(schema.apply(f.name()).dataType().sameType(f.dataType())).as(f.name()).isTrue();
    }
  }

  @Test
  void anEntrySaysWhyItIsListedWhenItsTopicAsks() {
    var rows = new ArrayList<Row>();
    var template = month().get(0);
    Object[][] reasons = {
        {"llm", "2502.00001", "llm", "title+abstract", null},
        {"llm", "2502.00002", null, null, 0.8765},
        {"llm", "2502.00003", "large language model", "abstract", 0.5},
        {"quiet", "2502.00004", "llm", "title", 0.9}};
    for (Object[] r : reasons) {
      Object[] v = new Object[template.length()];
      for (int i = 0; i < v.length; i++) {
        v[i] = template.get(i);
      }
      v[0] = r[0];
      v[2] = r[1];
      v[14] = r[2];
      v[15] = r[3];
      v[16] = r[4];
      rows.add(RowFactory.create(v));
    }
    var listings = TestSpark.session().createDataFrame(rows, Schemas.LISTINGS);
    var why = new java.util.HashMap<String, String>();
    for (Row part : Pages.parts(listings, TOPICS).collectAsList()) {
      for (Row e : part.<Row>getList(part.fieldIndex("entries"))) {
        why.put(e.getAs("id"), e.getAs("why"));
      }
    }
    assertThat(why).containsEntry("2502.00001", "keyword \u201cllm\u201d in title and abstract")
        .containsEntry("2502.00002", "model score 0.88")
        .containsEntry("2502.00003", "keyword \u201clarge language model\u201d in abstract; model score 0.50")
        .containsEntry("2502.00004", null);
  }

  @Test
  void eachPartShowsItsOwnMonthsTopTenTrendingTermsByRank() {
    var rows = new ArrayList<Row>(month().subList(0, 120));
    for (Row r : month().subList(0, 3)) {
      Object[] v = new Object[r.length()];
      for (int i = 0; i < v.length; i++) {
        v[i] = r.get(i);
      }
      v[1] = "2025_03"; // a month with no trending terms
      v[2] = "2503." + ((String) v[2]).substring(5);
      rows.add(RowFactory.create(v));
    }
    var listings = TestSpark.session().createDataFrame(rows, Schemas.LISTINGS);
    var terms = new ArrayList<Row>();
    // Out of order, and more than a page shows. A term is shown by its label (how its papers write it), or as the
    // term when the label is null (a month written by a build before labels).
    for (int rank = 12; rank >= 1; rank--) {
      terms.add(RowFactory.create("llm", "2025_02", rank, "term" + rank, rank % 2 == 1 ? "Term-" + rank : null,
          9.0 - rank, 1.0, 40L - rank, 120L, 3L, 900L, 12));
    }
    terms.add(RowFactory.create("quiet", "2025_02", 1, "other topic", "other topic", 9.0, 1.0, 40L, 120L, 3L, 900L,
        12));
    var trending = TestSpark.session().createDataFrame(terms, Schemas.TRENDING_TERMS);
    var html = new java.util.TreeMap<String, String>();
    for (Row f : Pages.render(Pages.withTrending(Pages.parts(listings, TOPICS), trending), TOPICS,
        new PageRenderer("https://example.org/site")).collectAsList()) {
      html.put(f.getAs("path"), f.getAs("content"));
    }
    var expected = new ArrayList<String>();
    for (int rank = 1; rank <= 10; rank++) {
      expected.add((rank % 2 == 1 ? "Term-" : "term") + rank + " (" + (40 - rank) + ")");
    }
    for (String page : List.of("papers/llm/2025_02/papers_1.html", "papers/llm/2025_02/papers_2.html")) {
      var section = org.jsoup.Jsoup.parse(html.get(page)).select("section.trending");
      assertThat(section.text()).as(page).isEqualTo("Trending this month: " + String.join(", ", expected));
    }
    assertThat(html.get("papers/llm/2025_03/papers_1.html")).doesNotContain("class=\"trending\"");
    assertThat(html.get("papers/llm/2025_02/papers_1.md")).doesNotContain("term1").doesNotContain("Term-1");
  }
}
