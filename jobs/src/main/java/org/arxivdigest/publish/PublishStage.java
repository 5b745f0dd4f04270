package org.arxivdigest.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.arxivdigest.schema.Columns.ID;
import static org.arxivdigest.schema.Columns.MONTH;
import static org.arxivdigest.schema.Columns.TOPIC;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.arxivdigest.classify.keyword.KeywordRules;
import org.arxivdigest.config.Topic;
import org.arxivdigest.io.HadoopFiles;
import org.arxivdigest.io.Manifests;
import org.arxivdigest.io.OutputLayout;
import org.arxivdigest.run.StageStamps;
import org.arxivdigest.run.Stages;

/**
 * Wires publishing: listings to page files rendered on the executors into a staging folder, then each month
 * folder swapped into the site whole, stale months removed, and the READMEs rewritten from the counts.
 */
public final class PublishStage {
  private PublishStage() {}

  /**
   * Its stamp ({@link StageStamps}): the site was rendered from these listings, papers (feeds) and topic stats
   * (charts), topics and links, by this build, and its files are as listed then. A run of every month skips
   * publishing when both hold; a bounded one always renders its months (that is how it repairs a page).
   */
  static final String STAMP = "publish";

  private static final java.util.regex.Pattern MONTH_DIR = java.util.regex.Pattern.compile("\\d{4}_\\d{2}");

  /** Papers (distinct ids) and entries of one topic's month. */
  record MonthCount(String month, long papers, long entries) {}

  /**
   * {@code "topic/yyyy_mm"} of each topic's newest months that hold {@link Feeds#LIMIT} entries between them (all
   * of a topic's months when it has fewer): the only months a feed can list, as a listing's month is its date's.
   * {@code counts}: each topic's months, newest first.
   */
  static java.util.SortedSet<String> feedMonths(Map<String, List<MonthCount>> counts) {
    var months = new TreeSet<String>();
    counts.forEach((topic, byMonth) -> {
      long entries = 0;
      for (MonthCount m : byMonth) {
        if (entries >= Feeds.LIMIT) {
          break;
        }
        months.add(topic + "/" + m.month());
        entries += m.entries();
      }
    });
    return months;
  }

  /**
   * The month folders a publish renders: those in the range and, for an incremental run, only the topic months
   * ({@code "topic/yyyy_mm"}) whose listings changed.
   */
  record Scope(MonthRange range, java.util.Set<String> topicMonths) {
    boolean contains(String topic, String month) {
      return range.contains(month) && (topicMonths == null || topicMonths.contains(topic + "/" + month));
    }

    Dataset<Row> filter(Dataset<Row> listings) {
      Dataset<Row> inRange = range.isAll() ? listings : listings.filter(range.filter(col(MONTH)));
      return topicMonths == null ? inRange : inRange.filter(
          concat_ws("/", col(TOPIC), col(MONTH)).isin(topicMonths.toArray()));
    }
  }

  public static void run(SparkSession spark, OutputLayout out, List<Topic> topics, SiteLinks links,
                         MonthRange range, String runId, Stages stages) {
    run(spark, out, topics, links, range, null, runId, stages);
  }

  private static final String PAPERS = "_papers";
  private static final String ENTRIES = "_entries";

  /**
   * Per topic and month: (topic, month, papers (distinct ids), entries), newest month first; and per topic, with
   * month null: its papers and entries over all months. One scan of the listings' (topic, month, id) for both:
   * they aggregate the same shuffle, which Spark reuses, where two queries would open every month folder twice.
   */
  static Dataset<Row> listingCounts(Dataset<Row> listings) {
    Dataset<Row> perPaper = listings.groupBy(TOPIC, MONTH, ID).agg(count(lit(1)).as(ENTRIES));
    Dataset<Row> months = perPaper.groupBy(TOPIC, MONTH).agg(count(lit(1)).as(PAPERS), sum(ENTRIES).as(ENTRIES));
    // The topic's entries too: with them the two branches read the same aggregate of the scan, so the optimizer
    // does not rewrite this one into a second scan of its own.
    Dataset<Row> topics = perPaper.groupBy(TOPIC).agg(countDistinct(col(ID)).as(PAPERS), sum(ENTRIES).as(ENTRIES))
        .select(col(TOPIC), lit(null).cast(DataTypes.StringType).as(MONTH), col(PAPERS), col(ENTRIES));
    return months.unionByName(topics).orderBy(col(TOPIC), col(MONTH).desc());
  }

  /**
   * The stamp of the kept {@link #listingCounts}: keyed by the listings' content (their manifest), so that a
   * publish whose listings did not change (a backfill or rerun of the aggregates and pages) reads them from the
   * stamp instead of opening every month folder of the listings again (~2,000 at 2.9M papers: 7-11 s).
   */
  static final String COUNTS_STAMP = "listing_counts";

  /** The index pages' counts: per topic, its months' papers and entries, and its distinct papers. */
  record ListingCounts(Map<String, List<MonthCount>> months, Map<String, Long> topicPapers) {
    /** From the rows of {@link #listingCounts}. */
    static ListingCounts of(List<Row> rows) {
      var counts = new ListingCounts(new TreeMap<>(), new TreeMap<>());
      for (Row r : rows) {
        if (r.isNullAt(1)) {
          counts.topicPapers().put(r.getString(0), r.getLong(2));
        } else {
          counts.months().computeIfAbsent(r.getString(0), k -> new ArrayList<>())
              .add(new MonthCount(r.getString(1), r.getLong(2), r.getLong(3)));
        }
      }
      return counts;
    }

    /** As stamp facts: {@code topics -> {topic -> {papers, months: [[month, papers, entries], ...]}}}. */
    Map<String, Object> facts() {
      var topics = new TreeMap<String, Object>();
      var slugs = new TreeSet<>(months.keySet());
      slugs.addAll(topicPapers.keySet());
      for (String t : slugs) {
        var rows = new ArrayList<List<Object>>();
        months.getOrDefault(t, List.of()).forEach(m -> rows.add(List.of(m.month(), m.papers(), m.entries())));
        topics.put(t, Map.of("papers", topicPapers.getOrDefault(t, 0L), "months", rows));
      }
      return Map.of("topics", topics);
    }

    /** Back from {@link #facts}; null if the facts are not of that shape. */
    static ListingCounts fromFacts(Map<String, Object> facts) {
      if (!(facts.get("topics") instanceof Map<?, ?> topics)) {
        return null;
      }
      var counts = new ListingCounts(new TreeMap<>(), new TreeMap<>());
      for (Map.Entry<?, ?> e : topics.entrySet()) {
        if (!(e.getValue() instanceof Map<?, ?> topic) || !(topic.get("papers") instanceof Number papers)
            || !(topic.get("months") instanceof List<?> months)) {
          return null;
        }
        String slug = (String) e.getKey();
        counts.topicPapers().put(slug, papers.longValue());
        for (Object m : months) {
          if (!(m instanceof List<?> l) || l.size() != 3 || !(l.get(0) instanceof String month)
              || !(l.get(1) instanceof Number n) || !(l.get(2) instanceof Number entries)) {
            return null;
          }
          counts.months().computeIfAbsent(slug, k -> new ArrayList<>())
              .add(new MonthCount(month, n.longValue(), entries.longValue()));
        }
      }
      return counts;
    }
  }

  /** {@code topicMonths}: the only month folders to render ({@code "topic/yyyy_mm"}), or null for all. */
  public static void run(SparkSession spark, OutputLayout out, List<Topic> topics, SiteLinks links,
                         MonthRange range, java.util.Set<String> topicMonths, String runId, Stages stages) {
    var scope = new Scope(range, topicMonths == null ? null : new TreeSet<>(topicMonths));
    var conf = spark.sparkContext().hadoopConfiguration();
    var site = new SiteWriter(conf);
    var renderer = new PageRenderer(links);
    String staging = out.site() + "/.staging-" + runId;
    HadoopFiles.requireDataset(conf, out.listings(), "classify");
    // The site is all of one key's when this publish renders every month, or when it was before this one.
    String listingsContent = StageStamps.content(conf, out.listings());
    String key = StageStamps.key(STAMP, listingsContent,
        StageStamps.content(conf, out.papers()), StageStamps.content(conf, out.monthlyTopicStats()), topics, links);
    StageStamps.Stamp before = StageStamps.matching(conf, out, STAMP, key, List.of(), List.of(out.site()));
    if (range.isAll() && stages.skip(STAMP, before)) {
      for (String counter : List.of("month_folders_written", "month_folders_removed", "site_files_written")) {
        stages.summary().changed(counter, 0);
      }
      return;
    }
    StageStamps.clear(conf, out, STAMP);
    Dataset<Row> listings = spark.read().parquet(out.listings());

    Map<String, List<MonthCount>> counts = new TreeMap<>();
    Map<String, Long> topicPapers = new TreeMap<>();
    stages.run("publish.count", () -> {
      StageStamps.Kept<ListingCounts> kept = StageStamps.kept(conf, out, stages, COUNTS_STAMP,
          listingsContent.equals(Manifests.INCOMPLETE) ? null : StageStamps.key(COUNTS_STAMP, listingsContent), runId,
          ListingCounts::fromFacts, () -> {
            ListingCounts fresh = ListingCounts.of(listingCounts(listings).collectAsList());
            return new StageStamps.Computed<>(fresh, fresh.facts());
          });
      counts.putAll(kept.value().months());
      topicPapers.putAll(kept.value().topicPapers());
      return Map.of("months", counts.values().stream().mapToInt(List::size).sum(), "kept_counts_read", kept.read());
    });

    try {
      stages.run("publish.pages", () -> {
        HadoopFiles.deleteRecursively(conf, staging);
        SiteFiles.write(Pages.render(Pages.parts(scope.filter(listings), topics), topics, renderer), staging);
        int swapped = swapMonths(conf, out, staging, topics, counts, scope);
        int removed = removeStale(conf, out, topics, counts, scope);
        stages.summary().changed("month_folders_written", swapped);
        stages.summary().changed("month_folders_removed", removed);
        return Map.of("month_folders_written", swapped, "month_folders_removed", removed);
      });
      stages.run("publish.readmes", () -> {
        writeReadmes(site, out, topics, counts, topicPapers, renderer);
        return Map.of("topics", topics.size());
      });
      stages.run("publish.charts", () -> {
        HadoopFiles.requireDataset(conf, out.monthlyTopicStats(), "aggregate");
        writeCharts(site, out, topics, spark.read().schema(org.arxivdigest.schema.Schemas.MONTHLY_TOPIC_STATS)
            .parquet(out.monthlyTopicStats()));
        return Map.of("charts", topics.size());
      });
      stages.run("publish.feeds", () -> {
        // Only the newest months that hold a feed's entries are read (month folders: the rest is never opened).
        Dataset<Row> recent = new Scope(MonthRange.ALL, feedMonths(counts)).filter(listings);
        Map<String, List<Row>> newest = Feeds.byTopic(Feeds.newest(recent, spark.read().parquet(out.papers())));
        for (Topic t : topics) {
          site.write(out.site() + "/feeds/" + t.slug() + ".xml",
              Feeds.render(t.slug(), t.name(), newest.getOrDefault(t.slug(), List.of()), links));
        }
        return Map.of("feeds", topics.size());
      });
      if (range.isAll()) {
        stages.summary().changed("site_files_removed", removeStaleTopicFiles(conf, out, topics));
      }
      stages.summary().changed("site_files_written", site.written);
      if (range.isAll() || before != null) {
        StageStamps.write(conf, out, STAMP, key, runId, List.of(), List.of(out.site()), Map.of());
      }
    } finally {
      HadoopFiles.deleteRecursively(conf, staging);
    }
  }

  /** Writes site files whose content changed, and counts them; a file already holding the text is left alone. */
  static final class SiteWriter {
    private final Configuration conf;
    private long written;

    SiteWriter(Configuration conf) {
      this.conf = conf;
    }

    void write(String target, String text) {
      if (HadoopFiles.writeStringIfChanged(conf, target, text)) {
        written++;
      }
    }
  }

  /**
   * Moves each rendered month folder into the site in one rename, replacing the old one; a month whose files are
   * already exactly there is left alone (bytes and modification times).
   */
  private static int swapMonths(Configuration conf, OutputLayout out, String staging, List<Topic> topics,
                                Map<String, List<MonthCount>> counts, Scope scope) {
    int n = 0;
    for (Topic t : topics) {
      for (MonthCount m : counts.getOrDefault(t.slug(), List.of())) {
        if (scope.contains(t.slug(), m.month())) {
          String rel = "papers/" + t.slug() + "/" + m.month();
          if (!HadoopFiles.sameFiles(conf, staging + "/" + rel, out.site() + "/" + rel)) {
            HadoopFiles.replaceDirectory(conf, staging + "/" + rel, out.site() + "/" + rel);
            n++;
          }
        }
      }
    }
    return n;
  }

  /** Month folders (in range) that no longer have entries, and, on a full publish, topics no longer configured. */
  private static int removeStale(Configuration conf, OutputLayout out, List<Topic> topics,
                                 Map<String, List<MonthCount>> counts, Scope scope) {
    MonthRange range = scope.range();
    Path papers = new Path(out.site() + "/papers");
    int removed = 0;
    try {
      FileSystem fs = papers.getFileSystem(conf);
      if (!fs.exists(papers)) {
        return 0;
      }
      var configured = new TreeSet<String>();
      topics.forEach(t -> configured.add(t.slug()));
      for (FileStatus topicDir : fs.listStatus(papers)) {
        String slug = topicDir.getPath().getName();
        if (!topicDir.isDirectory()) {
          continue;
        }
        if (!configured.contains(slug)) {
          if (range.isAll()) {
            fs.delete(topicDir.getPath(), true);
            removed++;
          }
          continue;
        }
        var live = new TreeSet<String>();
        counts.getOrDefault(slug, List.of()).forEach(m -> live.add(m.month()));
        for (FileStatus monthDir : fs.listStatus(topicDir.getPath())) {
          String month = monthDir.getPath().getName();
          if (monthDir.isDirectory() && MONTH_DIR.matcher(month).matches() && scope.contains(slug, month)
              && !live.contains(month)) {
            fs.delete(monthDir.getPath(), true);
            removed++;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cleaning " + papers, e);
    }
    return removed;
  }

  /** Papers per month (new, updated) of each topic, as {@code monthly_topic_stats} counts them for its method. */
  private static void writeCharts(SiteWriter site, OutputLayout out, List<Topic> topics, Dataset<Row> stats) {
    var methods = new HashMap<String, String>();
    topics.forEach(t -> methods.put(t.slug(), t.method().code()));
    var bars = new TreeMap<String, List<Charts.MonthBar>>();
    for (Row r : stats.select("topic", "month", "method", "new_papers", "updated_papers").collectAsList()) {
      if (r.getString(2).equals(methods.get(r.getString(0)))) {
        bars.computeIfAbsent(r.getString(0), k -> new ArrayList<>())
            .add(new Charts.MonthBar(r.getString(1), r.getLong(3), r.getLong(4)));
      }
    }
    for (Topic t : topics) {
      site.write(out.site() + "/charts/" + t.slug() + ".svg",
          PageRenderer.renderChart(Charts.scope(t.slug(), t.name(), bars.getOrDefault(t.slug(), List.of()))));
    }
  }

  /** Charts and feeds of topics no longer configured (a full publish only). */
  private static int removeStaleTopicFiles(Configuration conf, OutputLayout out, List<Topic> topics) {
    int removed = 0;
    var configured = new TreeSet<String>();
    topics.forEach(t -> configured.add(t.slug()));
    for (String[] kind : new String[][] {{"charts", ".svg"}, {"feeds", ".xml"}}) {
      Path dir = new Path(out.site() + "/" + kind[0]);
      try {
        FileSystem fs = HadoopFiles.fileSystem(dir, conf);
        if (!fs.exists(dir)) {
          continue;
        }
        for (FileStatus f : fs.listStatus(dir)) {
          String name = f.getPath().getName();
          if (name.endsWith(kind[1]) && !configured.contains(name.substring(0, name.length() - kind[1].length()))) {
            fs.delete(f.getPath(), false);
            removed++;
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cleaning " + dir, e);
      }
    }
    return removed;
  }

  private static void writeReadmes(SiteWriter site, OutputLayout out, List<Topic> topics,
                                   Map<String, List<MonthCount>> counts, Map<String, Long> topicPapers,
                                   PageRenderer renderer) {
    var index = new ArrayList<Map<String, Object>>();
    for (Topic t : topics) {
      List<MonthCount> months = counts.getOrDefault(t.slug(), List.of());
      long entries = months.stream().mapToLong(MonthCount::entries).sum();
      long papers = topicPapers.getOrDefault(t.slug(), 0L);
      var monthRows = new ArrayList<Map<String, Object>>();
      for (MonthCount m : months) {
        int parts = Pages.partCount(m.entries());
        var partLinks = new ArrayList<Map<String, Object>>();
        for (int p = 1; p <= parts; p++) {
          partLinks.add(Map.of("n", p, "last", p == parts));
        }
        monthRows.add(Map.of("month", m.month(), "papers", m.papers(), "entries", m.entries(), "parts", partLinks));
      }
      var scope = new HashMap<String, Object>();
      scope.put("topic", t.slug());
      scope.put("name", t.name());
      scope.put("papers", papers);
      scope.put("entries", entries);
      scope.put("monthCount", months.size());
      scope.put("hasMonths", !months.isEmpty());
      scope.put("months", monthRows);
      scope.put("listingNote", listingNote(t.listing()));
      scope.put("rule", KeywordRules.describe(t));
      site.write(out.site() + "/papers/" + t.slug() + "/README.md",
          renderer.renderTopicReadme(scope));
      site.write(out.site() + "/papers/" + t.slug() + "/index.html",
          renderer.renderTopicHtml(scope));

      var row = new LinkedHashMap<String, Object>();
      row.put("topic", t.slug());
      row.put("name", t.name());
      row.put("papers", papers);
      row.put("entries", entries);
      row.put("monthCount", months.size());
      row.put("latest", months.isEmpty() ? null : months.get(0).month());
      index.add(row);
    }
    site.write(out.site() + "/README.md",
        renderer.renderIndex(Map.of("topics", index, "prefix", "papers/"), 0));
    site.write(out.site() + "/papers/README.md",
        renderer.renderIndex(Map.of("topics", index, "prefix", ""), 1));
    site.write(out.site() + "/index.html",
        renderer.renderIndexHtml(Map.of("topics", index, "prefix", "papers/"), 0));
    site.write(out.site() + "/papers/index.html",
        renderer.renderIndexHtml(Map.of("topics", index, "prefix", ""), 1));
  }

  private static String listingNote(Topic.Listing listing) {
    return switch (listing) {
      case VERSIONS -> "every version of a paper, in the month it was submitted";
      case LATEST -> "each paper once, in the month of its newest version";
      case NEW -> "each paper once, in the month of its first version";
    };
  }
}
