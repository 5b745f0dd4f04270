package org.arxivdigest.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.arxivdigest.schema.Columns.ID;
import static org.arxivdigest.schema.Columns.MONTH;
import static org.arxivdigest.schema.Columns.RAW_RECORD;
import static org.arxivdigest.schema.Columns.REASON;
import static org.arxivdigest.schema.Columns.SOURCE_FILE;
import static org.arxivdigest.schema.Columns.STAGE;
import static org.arxivdigest.schema.Columns.VERSION;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.arxivdigest.ingest.InputFiles.InputFile;
import org.arxivdigest.io.DatasetWriter;
import org.arxivdigest.io.HadoopFiles;
import org.arxivdigest.normalize.Dedup;
import org.arxivdigest.normalize.VersionRows;
import org.arxivdigest.run.RunSummary;
import org.arxivdigest.run.StageContext;
import org.arxivdigest.run.StampedStage;
import org.arxivdigest.run.StampedStage.Computed;
import org.arxivdigest.schema.Catalog;
import org.arxivdigest.schema.Schemas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the ingest stage: read and parse the dump once into normalized records in a work folder, then write papers
 * (deduplicated), versions (by month) and quarantine from there, and check that every record is accounted for.
 */
public final class IngestStage {
  private static final Logger LOG = LoggerFactory.getLogger(IngestStage.class);

  private IngestStage() {}

  /** Its stamp: the datasets were made from these input files by this build. */
  static final String STAMP = "ingest";

  /** A compressed input cut short, and the lines read up to the cut. */
  public record TruncatedInput(String path, String error, long linesRead) {}

  /**
   * The figures of an ingest, kept in its stamp for a run that skips it; {@code recordsRead = papers + duplicates +
   * quarantined} always holds.
   */
  public record Counts(long recordsRead, long blankLines, long papers, long duplicates, long versions,
                       Map<String, Long> quarantinedByReason, List<TruncatedInput> truncatedInputs) {
    public long quarantined() {
      return quarantinedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    public boolean balanced() {
      return recordsRead == papers + duplicates + quarantined();
    }
  }

  public static Counts run(StageContext ctx, List<InputFile> inputs) {
    ctx.summary().put("input_files", inputs.stream().map(f -> Map.of("path", f.path(), "bytes", f.bytes())).toList());
    return StampedStage.named(STAMP)
        .key(inputs.stream().map(f -> f.path() + " " + f.bytes() + " " + f.modified()).toList())
        .writes(List.of(Catalog.PAPERS, Catalog.VERSIONS, Catalog.QUARANTINE))
        .run(ctx, stamp -> report(stamp.facts(Counts.class), ctx.summary()), () -> {
          try {
            Counts counts = report(ingest(ctx, inputs), ctx.summary());
            if (!counts.balanced()) { // before the stamp: an unbalanced ingest is never reused
              throw new IllegalStateException("ingest accounting does not balance: records read "
                  + counts.recordsRead() + " != papers " + counts.papers() + " + duplicates " + counts.duplicates()
                  + " + quarantined " + counts.quarantined());
            }
            return new Computed<>(counts, counts);
          } finally {
            HadoopFiles.deleteRecursively(ctx.conf(), ctx.work());
            HadoopFiles.deleteIfEmpty(ctx.conf(), ctx.out().workRoot());
          }
        });
  }

  /** The lines parsed, by quarantine reason ("" for usable, and blank lines), and the inputs cut short. */
  private record Parsed(Map<String, Long> byReason, StructType schema, List<TruncatedInput> truncated) {}

  private static Counts ingest(StageContext ctx, List<InputFile> inputs) {
    SparkSession spark = ctx.spark();
    String records = ctx.work() + "/records";
    Parsed parsed = ctx.stages().timed("ingest.parse", () -> {
      List<String> paths = inputs.stream().map(InputFile::path).toList();
      List<CompressedInputs.Truncated> cut = CompressedInputs.findTruncated(spark, paths);
      var lines = KaggleReader.readLines(spark, paths,
          cut.stream().filter(t -> !t.plain()).map(CompressedInputs.Truncated::path).toList(),
          cut.stream().filter(CompressedInputs.Truncated::plain).map(CompressedInputs.Truncated::path).toList());
      Dataset<Row> normalized = KaggleRecords.normalize(KaggleReader.parse(lines));
      DatasetWriter.replaceIntermediate(normalized, records);
      var reasons = new TreeMap<String, Long>();
      for (Row row : spark.read().schema(normalized.schema()).parquet(records).groupBy(REASON).count()
          .collectAsList()) {
        reasons.put(row.isNullAt(0) ? "" : row.getString(0), row.getLong(1));
      }
      return new Parsed(reasons, normalized.schema(), truncated(spark, records, normalized.schema(), cut));
    }, p -> Map.of("lines", p.byReason().values().stream().mapToLong(Long::longValue).sum(),
        "usable", p.byReason().getOrDefault("", 0L)));
    Map<String, Long> byReason = parsed.byReason();
    long usable = byReason.getOrDefault("", 0L);
    long blank = byReason.getOrDefault(KaggleRecords.BLANK_LINE, 0L);
    var quarantined = new TreeMap<>(byReason);
    quarantined.remove("");
    quarantined.remove(KaggleRecords.BLANK_LINE);

    Dataset<Row> staged = spark.read().schema(parsed.schema()).parquet(records);
    long duplicates = ctx.stages().timed("ingest.dedup", () -> {
      Dataset<Row> usableRecords = staged.filter(col(REASON).isNull());
      Dataset<Row> losers = Dedup.losers(usableRecords).persist(StorageLevel.MEMORY_AND_DISK());
      try {
        long n = losers.count();
        DatasetWriter.replace(Dedup.winners(usableRecords, losers).select(Schemas.columns(Schemas.PAPERS)),
            ctx.path(Catalog.PAPERS));
        return n;
      } finally {
        losers.unpersist();
      }
    }, n -> Map.of("usable", usable, "duplicates", n));

    long papers = ctx.read(Catalog.PAPERS).count();
    ctx.stages().run("ingest.versions", () -> {
      Dataset<Row> versions = VersionRows.fromPapers(ctx.read(Catalog.PAPERS))
          .repartition(col(MONTH))
          .sortWithinPartitions(MONTH, ID, VERSION);
      DatasetWriter.replace(versions, ctx.path(Catalog.VERSIONS), MONTH);
      return Map.of("papers", papers);
    });
    long versions = ctx.read(Catalog.VERSIONS).count();

    ctx.stages().run("ingest.quarantine", () -> {
      Dataset<Row> bad = staged
          .filter(col(REASON).isNotNull().and(col(REASON).notEqual(lit(KaggleRecords.BLANK_LINE))))
          .select(col(RAW_RECORD), col(SOURCE_FILE), col(REASON), lit(STAMP).as(STAGE));
      DatasetWriter.replace(bad.coalesce(1), ctx.path(Catalog.QUARANTINE));
      return Map.of("quarantined", quarantined.values().stream().mapToLong(Long::longValue).sum());
    });

    long read = byReason.values().stream().mapToLong(Long::longValue).sum() - blank;
    return new Counts(read, blank, papers, duplicates, versions, quarantined, parsed.truncated());
  }

  /** Each compressed input cut short, with the lines read up to the cut; each is named in the log. */
  private static List<TruncatedInput> truncated(SparkSession spark, String records, StructType schema,
                                                List<CompressedInputs.Truncated> cut) {
    var report = new ArrayList<TruncatedInput>();
    if (!cut.isEmpty()) {
      var linesByFile = new HashMap<String, Long>();
      for (Row r : spark.read().schema(schema).parquet(records).groupBy(SOURCE_FILE).count().collectAsList()) {
        linesByFile.put(new Path(r.getString(0)).toUri().getPath(), r.getLong(1));
      }
      for (CompressedInputs.Truncated t : cut) {
        long lines = linesByFile.getOrDefault(new Path(t.path()).toUri().getPath(), 0L);
        LOG.warn("input {}: {} ({}); lines read: {}", t.plain() ? "misnamed" : "cut short or damaged", t.path(),
            t.error(), lines);
        report.add(new TruncatedInput(t.path(), t.error(), lines));
      }
    }
    return report;
  }

  private static Counts report(Counts result, RunSummary summary) {
    summary.put("truncated_inputs", result.truncatedInputs());
    summary.put("records_read", result.recordsRead());
    summary.put("blank_lines", result.blankLines());
    summary.put("papers", result.papers());
    summary.put("versions", result.versions());
    summary.put("duplicates_dropped", result.duplicates());
    summary.put("quarantined", result.quarantined());
    summary.put("quarantined_by_reason", result.quarantinedByReason());
    summary.put("accounting_balanced", result.balanced());
    return result;
  }
}
