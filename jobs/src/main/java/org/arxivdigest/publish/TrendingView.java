package org.arxivdigest.publish;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.arxivdigest.schema.Columns.LABEL;
import static org.arxivdigest.schema.Columns.MONTH;
import static org.arxivdigest.schema.Columns.PAPERS_WITH_TERM;
import static org.arxivdigest.schema.Columns.RANK;
import static org.arxivdigest.schema.Columns.TERM;
import static org.arxivdigest.schema.Columns.TOPIC;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * What a topic's pages show of its trending terms: the top {@link #SHOWN} of its newest month that has any, with
 * the papers using each ({@code trending_terms}; a month with too few papers has none, so this may be an older
 * month, or nothing).
 *
 * @param month {@code yyyy_MM}
 * @param monthName the month in words ("May 2026")
 * @param terms the terms by rank
 */
record TrendingView(String month, String monthName, List<TrendingView.Term> terms) {

  /** Terms a topic page shows. */
  static final int SHOWN = org.arxivdigest.aggregate.AggregateStage.SHOWN_TERMS;

  private static final String LATEST = "_latest";

  /**
   * A trending term as the pages show it, named {@code term}: its label (how its papers write it), or the term in a
   * month written by a build before labels.
   */
  static Column shownTerm() {
    return coalesce(col(LABEL), col(TERM)).as(TERM);
  }

  /** A term and the month's papers with it; {@code last}: no comma after it. */
  record Term(String term, long papers, boolean last) {}

  /** Per topic slug, its newest month's top terms (at most {@link #SHOWN} rows per topic are collected). */
  static Map<String, TrendingView> latest(Dataset<Row> trendingTerms) {
    var rows = trendingTerms.filter(col(RANK).leq(SHOWN))
        .withColumn(LATEST, max(col(MONTH)).over(Window.partitionBy(TOPIC)))
        .filter(col(MONTH).equalTo(col(LATEST)))
        .select(col(TOPIC), col(MONTH), shownTerm(), col(PAPERS_WITH_TERM))
        .orderBy(col(TOPIC), col(RANK))
        .collectAsList();
    var terms = new TreeMap<String, List<Row>>();
    for (Row r : rows) {
      terms.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r);
    }
    var out = new TreeMap<String, TrendingView>();
    terms.forEach((topic, list) -> {
      String month = list.get(0).getString(1);
      out.put(topic, new TrendingView(month, PageRenderer.readableMonth(month), terms(list)));
    });
    return out;
  }

  /** Rows with a {@code term} and its {@code papers_with_term}, by rank, as the pages list them. */
  static List<Term> terms(List<Row> rows) {
    var shown = new ArrayList<Term>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      shown.add(new Term(r.getAs(TERM), r.<Long>getAs(PAPERS_WITH_TERM), i == rows.size() - 1));
    }
    return shown;
  }
}
