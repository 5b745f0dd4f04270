package org.arxivdigest.publish;

import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.format_number;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;
import static org.arxivdigest.schema.Columns.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.arxivdigest.config.Topic;
import org.arxivdigest.config.Topic.Format;
import org.arxivdigest.schema.Schemas;

/** Listing rows to page parts to rendered page files, all on the executors: a part holds at most 100 entries. */
public final class Pages {
  private Pages() {}

  /** Page order within a month: newest date first, then newest submission, then arXiv id and version, desc. */
  public static final WindowSpec PAGE_ORDER = Window.partitionBy(TOPIC, MONTH).orderBy(
      col(DATE).desc(), col(SUBMITTED_AT).desc(), col(ID).desc(), col(VERSION).desc());

  private static final String TOTAL = "_total";

  /**
   * Why a listing row is there, for the topics whose pages say it: the keyword and where it matched, the model
   * score, or both ({@code combined}); null for the other topics.
   */
  public static Column why(List<Topic> topics) {
    Object[] saying = topics.stream().filter(Topic::why).map(Topic::slug).toArray();
    Column keyword = when(col(TERM).isNotNull(), concat(lit("keyword \u201c"), col(TERM), lit("\u201d in "),
        regexp_replace(coalesce(col(FIELD), lit("text")), "\\+", " and ")));
    Column model = when(col(SCORE).isNotNull(), concat(lit("model score "), format_number(col(SCORE), 2)));
    Column both = concat_ws("; ", keyword, model);
    return when(col(TOPIC).isin(saying).and(both.notEqual(lit(""))), both)
        .otherwise(lit(null).cast(DataTypes.StringType));
  }

  /** Listing rows to one row per page part ({@link Schemas#PAGE_PART}), entries sorted in page order. */
  public static Dataset<Row> parts(Dataset<Row> listings, List<Topic> topics) {
    Column rank = col(RANK);
    return listings
        .withColumn(RANK, row_number().over(PAGE_ORDER))
        .withColumn(TOTAL, count(lit(1)).over(Window.partitionBy(TOPIC, MONTH)))
        .withColumn(PART, floor(rank.minus(1).divide(PageRenderer.PART_SIZE)).plus(1).cast("int"))
        .withColumn(PARTS, ceil(col(TOTAL).divide(PageRenderer.PART_SIZE)).cast("int"))
        .groupBy(TOPIC, MONTH, PART, PARTS)
        .agg(sort_array(collect_list(struct(
            rank, col(ID), col(VERSION), date_format(col(DATE), "yyyy-MM-dd").as(DATE), col(LINK), col(TITLE),
            col(ABSTRACT), col(COMMENTS), why(topics).as(WHY), col(PRIMARY_CATEGORY), col(CATEGORIES),
            col(AUTHORS)))).as(ENTRIES));
  }

  /**
   * Parts with their month's top {@link TrendingView#SHOWN} trending terms ({@code trending}: rank, term as shown
   * ({@link TrendingView#shownTerm}), papers_with_term, by rank; null for a month with none), which the HTML month
   * pages show.
   */
  public static Dataset<Row> withTrending(Dataset<Row> parts, Dataset<Row> trendingTerms) {
    Dataset<Row> top = trendingTerms.filter(col(RANK).leq(TrendingView.SHOWN))
        .groupBy(TOPIC, MONTH)
        .agg(sort_array(collect_list(struct(col(RANK), TrendingView.shownTerm(), col(PAPERS_WITH_TERM)))).as(TRENDING));
    return parts.join(top, List.of(TOPIC, MONTH).toArray(String[]::new), "left");
  }

  /**
   * Page parts to files ({@link Schemas#SITE_FILE}): {@code papers/<topic>/<month>/papers_<part>.md} and its HTML
   * twin {@code papers_<part>.html}.
   */
  public static Dataset<Row> render(Dataset<Row> parts, List<Topic> topics, PageRenderer renderer) {
    var shown = new HashMap<String, Style>();
    topics.forEach(t -> shown.put(t.slug(), new Style(t.format(), t.name(), t.authors())));
    return parts.flatMap(new RenderPart(renderer, shown), Encoders.row(Schemas.SITE_FILE));
  }

  public static String partPath(String topic, String month, int part) {
    return "papers/" + topic + "/" + month + "/papers_" + part + ".md";
  }

  public static String partHtmlPath(String topic, String month, int part) {
    return "papers/" + topic + "/" + month + "/papers_" + part + ".html";
  }

  /** What the pages of a topic take from its config: the markdown format, its name, whether authors show. */
  record Style(Format format, String name, boolean authors) implements java.io.Serializable {}

  /** Renders one part; a named class so that Spark ships only the renderer and the topics' styles. */
  static final class RenderPart implements FlatMapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final PageRenderer renderer;
    private final HashMap<String, Style> topics;

    RenderPart(PageRenderer renderer, HashMap<String, Style> topics) {
      this.renderer = renderer;
      this.topics = topics;
    }

    @Override
    public java.util.Iterator<Row> call(Row part) {
      String topic = part.getAs(TOPIC);
      String month = part.getAs(MONTH);
      int n = part.getAs(PART);
      List<Row> rows = part.getList(part.fieldIndex(ENTRIES));
      var entries = new ArrayList<PageRenderer.Entry>(rows.size());
      for (Row e : rows) {
        entries.add(new PageRenderer.Entry(e.getAs(TITLE), e.getAs(LINK), e.getAs(DATE), e.getAs(ABSTRACT),
            e.getAs(COMMENTS), e.getAs(WHY), new PageRenderer.About(e.getAs(ID), e.getAs(VERSION),
            strings(e, AUTHORS), e.getAs(PRIMARY_CATEGORY), strings(e, CATEGORIES))));
      }
      int parts = part.getAs(PARTS);
      Style t = topics.get(topic);
      String markdown = renderer.renderPart(t.format(), topic, month, n, parts, entries, t.authors());
      String html = renderer.renderPartHtml(topic, t.name(), month, n, parts, entries, trending(part));
      return List.of(RowFactory.create(topic, month, partPath(topic, month, n), markdown),
          RowFactory.create(topic, month, partHtmlPath(topic, month, n), html)).iterator();
    }
  }

  /** The part's month's trending terms, when the part has them ({@link #withTrending}). */
  private static List<TrendingView.Term> trending(Row part) {
    int i = java.util.Arrays.asList(part.schema().fieldNames()).indexOf(TRENDING);
    if (i < 0 || part.isNullAt(i)) {
      return List.of();
    }
    return TrendingView.terms(part.getList(i));
  }

  private static List<String> strings(Row row, String field) {
    int i = row.fieldIndex(field);
    return row.isNullAt(i) ? List.of() : row.getList(i);
  }

  /** For tests and READMEs: the number of parts a month of {@code entries} entries has. */
  public static int partCount(long entries) {
    return (int) ((entries + PageRenderer.PART_SIZE - 1) / PageRenderer.PART_SIZE);
  }
}
