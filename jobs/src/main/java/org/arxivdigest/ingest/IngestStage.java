package org.arxivdigest.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.arxivdigest.schema.Columns.MONTH;
import static org.arxivdigest.schema.Columns.RAW_RECORD;
import static org.arxivdigest.schema.Columns.REASON;
import static org.arxivdigest.schema.Columns.SOURCE_FILE;
import static org.arxivdigest.schema.Columns.STAGE;
import static org.arxivdigest.schema.Columns.ID;
import static org.arxivdigest.schema.Columns.VERSION;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.arxivdigest.ingest.InputFiles.InputFile;
import org.arxivdigest.io.DatasetWriter;
import org.arxivdigest.io.HadoopFiles;
import org.arxivdigest.io.OutputLayout;
import org.arxivdigest.normalize.Dedup;
import org.arxivdigest.normalize.Records;
import org.arxivdigest.normalize.VersionRows;
import org.arxivdigest.run.RunSummary;
import org.arxivdigest.run.StageStamps;
import org.arxivdigest.run.Stages;
import org.arxivdigest.schema.Schemas;

/**
 * Wires the ingest stage: read and parse the dump once into normalized records in a work folder, then write papers
 * (deduplicated), versions (by month) and quarantine from there, and check that every record is accounted for.
 */
public final class IngestStage {
  private static final Logger LOG = LoggerFactory.getLogger(IngestStage.class);
  private IngestStage() {}

  /** Its stamp ({@link StageStamps}): the datasets were made from these input files by this build. */
  static final String STAMP = "ingest";

  /** The figures of an ingest; {@code recordsRead = papers + duplicates + quarantined} always holds. */
  public record Counts(long recordsRead, long blankLines, long papers, long duplicates, long versions,
                       Map<String, Long> quarantinedByReason) {
    public long quarantined() {
      return quarantinedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    public boolean balanced() {
      return recordsRead == papers + duplicates + quarantined();
    }

    /** For the stage stamp: restated by a run that skips ingest. */
    Map<String, Object> facts() {
      var f = new LinkedHashMap<String, Object>();
      f.put("records_read", recordsRead);
      f.put("blank_lines", blankLines);
      f.put("papers", papers);
      f.put("duplicates", duplicates);
      f.put("versions", versions);
      f.put("quarantined_by_reason", quarantinedByReason);
      return f;
    }

    static Counts of(Map<String, Object> f) {
      var byReason = new TreeMap<String, Long>();
      if (f.get("quarantined_by_reason") instanceof Map<?, ?> m) {
        m.forEach((k, v) -> byReason.put((String) k, ((Number) v).longValue()));
      }
      return new Counts(number(f, "records_read"), number(f, "blank_lines"), number(f, "papers"),
          number(f, "duplicates"), number(f, "versions"), byReason);
    }

    private static long number(Map<String, Object> f, String key) {
      return ((Number) f.get(key)).longValue();
    }
  }

  /** Names each compressed input cut short in the summary and the log, with the lines read up to the cut. */
  private static void reportTruncated(SparkSession spark, String records, List<CompressedInputs.Truncated> truncated,
                                      RunSummary summary) {
    var report = new ArrayList<Map<String, Object>>();
    if (!truncated.isEmpty()) {
      var linesByFile = new HashMap<String, Long>();
      for (Row r : spark.read().parquet(records).groupBy(SOURCE_FILE).count().collectAsList()) {
        linesByFile.put(new org.apache.hadoop.fs.Path(r.getString(0)).toUri().getPath(), r.getLong(1));
      }
      for (CompressedInputs.Truncated t : truncated) {
        long lines = linesByFile.getOrDefault(new org.apache.hadoop.fs.Path(t.path()).toUri().getPath(), 0L);
        LOG.warn("input cut short: {} ({}); read up to the cut: {} lines", t.path(), t.error(), lines);
        report.add(Map.of("path", t.path(), "error", t.error(), "lines_read", lines));
      }
    }
    summary.put("truncated_inputs", report);
  }

  public static Counts run(List<InputFile> inputs, OutputLayout out, String runId, Stages stages) {
    SparkSession spark = stages.spark();
    RunSummary summary = stages.summary();
    var conf = spark.sparkContext().hadoopConfiguration();
    String records = out.work(runId) + "/records";
    summary.put("input_files", inputs.stream().map(f -> Map.of("path", f.path(), "bytes", f.bytes())).toList());
    List<String> outputs = List.of(out.papers(), out.versions(), out.quarantine());
    String key = StageStamps.key(STAMP, inputs.stream().map(f -> f.path() + " " + f.bytes() + " " + f.modified())
        .toList());
    StageStamps.Stamp stamp = StageStamps.matching(conf, out, STAMP, key, outputs);
    if (stages.skip(STAMP, stamp)) {
      Counts result = Counts.of(stamp.facts());
      summary.put("truncated_inputs", stamp.facts().getOrDefault("truncated_inputs", List.of()));
      report(result, summary);
      return result;
    }
    StageStamps.clear(conf, out, STAMP);
    try {
      Map<String, Long> byReason = new TreeMap<>();
      stages.run("ingest.parse", () -> {
        List<String> paths = inputs.stream().map(InputFile::path).toList();
        List<CompressedInputs.Truncated> truncated = CompressedInputs.findTruncated(spark, paths);
        var lines = KaggleReader.readLines(spark, paths,
            truncated.stream().map(CompressedInputs.Truncated::path).toList());
        DatasetWriter.replaceIntermediate(Records.normalize(KaggleReader.parse(lines)), records);
        for (Row row : spark.read().parquet(records).groupBy(REASON).count().collectAsList()) {
          byReason.put(row.isNullAt(0) ? "" : row.getString(0), row.getLong(1));
        }
        reportTruncated(spark, records, truncated, summary);
        long usable = byReason.getOrDefault("", 0L);
        return counts("lines", byReason.values().stream().mapToLong(Long::longValue).sum(), "usable", usable);
      });
      long usable = byReason.getOrDefault("", 0L);
      long blank = byReason.getOrDefault(Records.BLANK_LINE, 0L);
      var quarantined = new TreeMap<>(byReason);
      quarantined.remove("");
      quarantined.remove(Records.BLANK_LINE);

      Dataset<Row> staged = spark.read().parquet(records);
      long[] duplicates = new long[1];
      stages.run("ingest.dedup", () -> {
        Dataset<Row> usableRecords = staged.filter(col(REASON).isNull());
        Dataset<Row> losers = Dedup.losers(usableRecords).persist(StorageLevel.MEMORY_AND_DISK());
        try {
          duplicates[0] = losers.count();
          DatasetWriter.replace(Dedup.winners(usableRecords, losers).select(Schemas.columns(Schemas.PAPERS)), out.papers());
        } finally {
          losers.unpersist();
        }
        return counts("usable", usable, "duplicates", duplicates[0]);
      });

      long papers = spark.read().parquet(out.papers()).count();
      stages.run("ingest.versions", () -> {
        Dataset<Row> versions = VersionRows.fromPapers(spark.read().parquet(out.papers()))
            .repartition(col(MONTH))
            .sortWithinPartitions(MONTH, ID, VERSION);
        DatasetWriter.replace(versions, out.versions(), MONTH);
        return counts("papers", papers);
      });
      long versions = spark.read().parquet(out.versions()).count();

      stages.run("ingest.quarantine", () -> {
        Dataset<Row> bad = staged
            .filter(col(REASON).isNotNull().and(col(REASON).notEqual(lit(Records.BLANK_LINE))))
            .select(col(RAW_RECORD), col(SOURCE_FILE), col(REASON), lit("ingest").as(STAGE));
        DatasetWriter.replace(bad.coalesce(1), out.quarantine());
        return counts("quarantined", quarantined.values().stream().mapToLong(Long::longValue).sum());
      });

      long read = byReason.values().stream().mapToLong(Long::longValue).sum() - blank;
      var result = new Counts(read, blank, papers, duplicates[0], versions, quarantined);
      report(result, summary);
      if (!result.balanced()) {
        throw new IllegalStateException("ingest accounting does not balance: records read " + read + " != papers "
            + papers + " + duplicates " + duplicates[0] + " + quarantined " + result.quarantined());
      }
      var facts = result.facts();
      facts.put("truncated_inputs", summary.get("truncated_inputs"));
      StageStamps.write(conf, out, STAMP, key, runId, outputs, facts);
      return result;
    } finally {
      HadoopFiles.deleteRecursively(conf, out.work(runId));
      HadoopFiles.deleteIfEmpty(conf, out.workRoot());
    }
  }

  private static void report(Counts result, RunSummary summary) {
    summary.put("records_read", result.recordsRead());
    summary.put("blank_lines", result.blankLines());
    summary.put("papers", result.papers());
    summary.put("versions", result.versions());
    summary.put("duplicates_dropped", result.duplicates());
    summary.put("quarantined", result.quarantined());
    summary.put("quarantined_by_reason", result.quarantinedByReason());
    summary.put("accounting_balanced", result.balanced());
  }

  private static Map<String, Object> counts(Object... keyValues) {
    var map = new LinkedHashMap<String, Object>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return map;
  }
}
