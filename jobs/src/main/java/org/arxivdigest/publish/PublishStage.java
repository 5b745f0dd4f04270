package org.arxivdigest.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.arxivdigest.config.Topic;
import org.arxivdigest.core.Changes;
import org.arxivdigest.core.MonthRange;
import org.arxivdigest.io.HadoopFiles;
import org.arxivdigest.run.StageContext;
import org.arxivdigest.run.StampedStage;
import org.arxivdigest.run.StampedStage.Computed;
import org.arxivdigest.run.StampedStage.Coverage;
import org.arxivdigest.schema.Catalog;

/**
 * Wires publishing: listings to page files rendered on the executors into a staging folder, then each month
 * folder swapped into the site whole ({@link SiteWriter}), stale months removed, and the READMEs, index pages,
 * charts and feeds rewritten from the counts where their bytes change.
 */
public final class PublishStage {
  private PublishStage() {}

  /**
   * Its stamp: the site was rendered from these listings, papers (feeds) and topic stats (charts), topics and
   * links, by this build, and its files are as listed then. A run of every month skips publishing when both hold;
   * a bounded one always renders its months (that is how it repairs a page).
   */
  static final String STAMP = "publish";

  private static final List<String> COUNTERS =
      List.of("month_folders_written", "month_folders_removed", "site_files_written");

  /**
   * Renders the pages of the context's range and, when not {@link Changes#isAll()}, only the topic-months of
   * {@code changed}; the READMEs, index pages, charts and feeds from every month.
   */
  public static void run(StageContext ctx, SiteLinks links, Changes changed) {
    MonthRange range = ctx.range();
    StampedStage.named(STAMP)
        .reads(Catalog.LISTINGS, Catalog.TRENDING_TERMS)
        .key(ctx.topics(), links)
        .files(ctx.out().site())
        .covering(range.isAll() ? Coverage.WHOLE : Coverage.RANGE)
        .run(ctx, stamp -> {
          COUNTERS.forEach(c -> ctx.summary().changed(c, 0));
          return null;
        }, () -> Computed.of(publish(ctx, links, new PageScope(range, changed))));
  }

  private static Void publish(StageContext ctx, SiteLinks links, PageScope scope) {
    var site = new SiteWriter(ctx.conf(), ctx.out().site());
    var renderer = new PageRenderer(links);
    String staging = ctx.out().site() + "/.staging-" + ctx.runId();
    Dataset<Row> listings = ctx.read(Catalog.LISTINGS);
    ListingCounts counts = count(ctx, listings);
    List<Topic> topics = ctx.topics();
    try {
      ctx.stages().run("publish.pages", () -> {
        HadoopFiles.deleteRecursively(ctx.conf(), staging);
        Dataset<Row> parts = Pages.withTrending(Pages.parts(scope.filter(listings), topics),
            scope.filter(ctx.read(Catalog.TRENDING_TERMS)));
        SiteFiles.write(Pages.render(parts, topics, renderer), staging);
        int swapped = site.swapMonths(staging, topics, counts, scope);
        int removed = site.removeStaleMonths(topics, counts, scope);
        ctx.summary().changed("month_folders_written", swapped);
        ctx.summary().changed("month_folders_removed", removed);
        return Map.of("month_folders_written", swapped, "month_folders_removed", removed);
      });
      ctx.stages().run("publish.charts", () -> {
        writeCharts(site, topics, counts);
        MathAssets.write(site);
        return Map.of("charts", topics.size());
      });
      // The feeds first: their newest entries give the index pages each topic's last update.
      var updated = new java.util.HashMap<String, String>();
      ctx.stages().run("publish.feeds", () -> {
        // Only the newest months that hold a feed's entries are read (month folders: the rest is never opened).
        Dataset<Row> recent = new PageScope(MonthRange.ALL, Changes.of(counts.feedMonths())).filter(listings);
        Map<String, List<Row>> newest = Feeds.byTopic(Feeds.newest(recent));
        for (Topic t : topics) {
          List<Row> rows = newest.getOrDefault(t.slug(), List.of());
          site.write("feeds/" + t.slug() + ".xml", Feeds.render(t.slug(), t.name(), rows, links));
          if (!rows.isEmpty()) {
            updated.put(t.slug(), Feeds.updated(rows).substring(0, 10));
          }
        }
        return Map.of("feeds", topics.size());
      });
      ctx.stages().run("publish.readmes", () -> {
        writeIndexes(site, topics, counts, updated, TrendingView.latest(ctx.read(Catalog.TRENDING_TERMS)),
            renderer);
        return Map.of("topics", topics.size());
      });
      if (scope.range().isAll()) {
        ctx.summary().changed("site_files_removed", site.removeStaleTopicFiles(topics));
      }
      ctx.summary().changed("site_files_written", site.written());
    } finally {
      HadoopFiles.deleteRecursively(ctx.conf(), staging);
    }
    return null;
  }

  /**
   * The index pages' counts, kept under the listings' content ({@link ListingCounts#STAMP}): a publish whose
   * listings did not change reads them instead of opening every month folder.
   */
  private static ListingCounts count(StageContext ctx, Dataset<Row> listings) {
    return ctx.stages().timed("publish.count", () -> StampedStage.kept(ctx, ListingCounts.STAMP,
        StampedStage.keyOf(ctx, ListingCounts.STAMP, Catalog.LISTINGS),
        stamp -> ListingCounts.fromFacts(stamp.facts(ListingCounts.Facts.class)), () -> {
          ListingCounts fresh = ListingCounts.of(ListingCounts.query(listings).collectAsList());
          return new Computed<>(fresh, fresh.facts());
        }), kept -> Map.of("months", kept.value().months().values().stream().mapToInt(List::size).sum(),
        "kept_counts_read", kept.read())).value();
  }

  /** Charts of the papers listed per month: the counts of the topic pages' tables, so the two always agree. */
  private static void writeCharts(SiteWriter site, List<Topic> topics, ListingCounts counts) {
    for (Topic t : topics) {
      var bars = new ArrayList<Charts.MonthBar>();
      counts.of(t.slug()).forEach(m -> bars.add(new Charts.MonthBar(m.month(), m.papers())));
      site.write("charts/" + t.slug() + ".svg", PageRenderer.renderChart(Charts.scope(t.slug(), t.name(), bars)));
    }
  }


  /** Each topic's README and HTML page, and the two indexes (the site's and the papers folder's). */
  private static void writeIndexes(SiteWriter site, List<Topic> topics, ListingCounts counts,
                                   Map<String, String> updated, Map<String, TrendingView> trending,
                                   PageRenderer renderer) {
    var views = new ArrayList<IndexViews.TopicView>();
    for (Topic t : topics) {
      IndexViews.TopicView view = IndexViews.topic(t, counts, updated.get(t.slug()), trending.get(t.slug()));
      site.write("papers/" + t.slug() + "/README.md", renderer.renderTopicReadme(view));
      site.write("papers/" + t.slug() + "/index.html", renderer.renderTopicHtml(view));
      views.add(view);
    }
    var top = new IndexViews.IndexView(views, "papers/");
    var papers = new IndexViews.IndexView(views, "");
    site.write("README.md", renderer.renderIndex(top, 0));
    site.write("papers/README.md", renderer.renderIndex(papers, 1));
    site.write("index.html", renderer.renderIndexHtml(top, 0));
    site.write("papers/index.html", renderer.renderIndexHtml(papers, 1));
  }
}
