package org.arxivdigest.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import org.arxivdigest.aggregate.AggregateStage;
import org.arxivdigest.classify.ClassifyStage;
import org.arxivdigest.classify.tfidf.ModelStore;
import org.arxivdigest.core.Changes;
import org.arxivdigest.core.TopicMonth;
import org.arxivdigest.extract.ExtractStage;
import org.arxivdigest.ingest.IngestStage;
import org.arxivdigest.ingest.MergedIds;
import org.arxivdigest.ingest.InputFiles.InputFile;
import org.arxivdigest.io.OutputFormat;
import org.arxivdigest.publish.PublishStage;
import org.arxivdigest.publish.SiteLinks;
import org.arxivdigest.run.KeptInMemory;
import org.arxivdigest.run.StageContext;
import org.arxivdigest.run.Stages;
import org.arxivdigest.schema.Catalog;

/**
 * The stages in their order, ingest, classify, aggregate, publish (pages beside extracts), and the choice between
 * a full and an incremental run. Each command runs a stretch of it; the stages read what the ones before wrote.
 */
public final class Pipeline {
  private Pipeline() {}

  public static void ingest(StageContext ctx, List<InputFile> inputs) {
    IngestStage.run(ctx, inputs);
  }

  public static void classify(StageContext ctx, ModelStore models) {
    ClassifyStage.run(ClassifyStage.withAvailableModels(ctx, models), models, false);
  }

  public static void aggregate(StageContext ctx) {
    AggregateStage.run(ctx);
  }

  /** The pages of the context's range and the extracts. */
  public static void publish(StageContext ctx, SiteLinks links) {
    publishAndExtract(ctx, links, Changes.ALL);
  }

  /**
   * The pages ({@code changes}: the topic-months to render again) and the extracts, side by side: both only read
   * the datasets, and write folders of their own.
   */
  private static void publishAndExtract(StageContext ctx, SiteLinks links, Changes changes) {
    Stages.concurrently(() -> PublishStage.run(ctx, links, changes), () -> ExtractStage.run(ctx));
  }

  /**
   * The listings are kept in memory for the stages after classify when their files come to at most this: the topic
   * stats, the trending terms, the pages, their counts and the extracts read them, and they are a file per topic
   * and month (1,864 files of ~40 KB at 300k papers, 75 MB), where each read paid for opening every file. Larger
   * (the full dump's), they are read from disk each time, which costs little against their size.
   */
  static final long KEEP_LISTINGS_BYTES = 256L << 20;

  /** How a run treats the output already there. */
  public enum Mode {
    /** Rebuild everything from the inputs. */
    FULL,
    /** A newer dump of the same output: rewrite only the months that changed. */
    INCREMENTAL,
    /** Records to add to the output (a day's harvest): merged into its papers, then as incremental. */
    MERGE;

    String flag() {
      return "--" + name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * Every stage. {@code INCREMENTAL} and {@code MERGE}: classify moves in only the listing partitions that changed,
   * and the aggregates and pages after it redo only those topic-months and the months whose counts changed; when
   * the output has no manifests to compare with, the run is a full one and says so in the summary. Both need an
   * output of the current format ({@link OutputFormat}); every run that completes writes it.
   */
  @SuppressWarnings("try") // the listings are kept in memory for the block, not referenced in it
  public static void run(StageContext given, List<InputFile> inputs, ModelStore models, SiteLinks links,
                         Mode mode) {
    StageContext ctx = ClassifyStage.withAvailableModels(given, models);
    boolean inPlace = mode != Mode.FULL;
    // An in-place run stopped half-way: its changes are not all known any more, so this one redoes every stage
    // after ingest in full (which repairs it), then the output is whole again.
    boolean repair = OutputFormat.interruptedInPlace(ctx.conf(), ctx.out());
    if (inPlace) {
      OutputFormat.requireCurrent(ctx.conf(), ctx.out(), mode.flag());
      OutputFormat.markInPlace(ctx.conf(), ctx.out(), ctx.runId());
    }
    boolean incremental = inPlace && !repair;
    IngestStage.run(ctx, inputs, mode == Mode.MERGE && OutputFormat.hasOutput(ctx.conf(), ctx.out()));
    Changes listings = ClassifyStage.run(ctx, models, incremental);
    AggregateStage.Touched touched = null;
    try (KeptInMemory kept = KeptInMemory.ifAtMost(ctx, Catalog.LISTINGS, KEEP_LISTINGS_BYTES)) {
      if (listings.isAll()) {
        AggregateStage.run(ctx);
      } else {
        touched = AggregateStage.runIncremental(ctx, listings);
      }
      // Month pages show their month's trending terms: those whose shown terms moved are rendered again too.
      publishAndExtract(ctx, links, touched == null ? Changes.ALL : listings.plus(touched.shownTermsChanged()));
    }
    if (inPlace) {
      var details = new LinkedHashMap<String, Object>();
      details.put("mode", repair ? "full after ingest: the last in-place run on this output stopped before it ended"
          : touched == null ? "full: the output had no manifests to compare with"
          : mode.name().toLowerCase(java.util.Locale.ROOT));
      if (touched != null) {
        ctx.summary().put("months_touched", List.copyOf(touched.months()));
        details.put("listings_changed", listings.topicMonths().stream().map(TopicMonth::toString).toList());
        details.put("trending_months_recomputed", List.copyOf(touched.trendingMonths()));
        details.put("pages_with_new_trending_terms",
            touched.shownTermsChanged().stream().map(TopicMonth::toString).toList());
      }
      ctx.summary().put("incremental", details);
    }
    OutputFormat.write(ctx.conf(), ctx.out());
    MergedIds.clear(ctx);
    OutputFormat.clearInPlace(ctx.conf(), ctx.out());
  }
}
