package org.arxivdigest.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.not;
import static org.arxivdigest.schema.Columns.DATESTAMP;
import static org.arxivdigest.schema.Columns.ID;
import static org.arxivdigest.schema.Columns.ID_YEAR;
import static org.arxivdigest.schema.Columns.MONTH;
import static org.arxivdigest.schema.Columns.RAW_RECORD;
import static org.arxivdigest.schema.Columns.REASON;
import static org.arxivdigest.schema.Columns.SOURCE;
import static org.arxivdigest.schema.Columns.SOURCE_FILE;
import static org.arxivdigest.schema.Columns.SOURCE_ROW;
import static org.arxivdigest.schema.Columns.STAGE;
import static org.arxivdigest.schema.Columns.UPDATE_DATE;
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
import org.arxivdigest.normalize.Ids;
import org.arxivdigest.normalize.VersionRows;
import org.arxivdigest.run.RunSummary;
import org.arxivdigest.run.StageContext;
import org.arxivdigest.run.StampedStage;
import org.arxivdigest.run.StampedStage.Computed;
import org.arxivdigest.run.StageStamps;
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

  /** One input file: what it holds, the records read from it and why some or all could not be read. */
  public record FileReport(String path, long bytes, String kind, long records, String error) {}

  /** The records of one format: read, quarantined, deleted, and the papers whose winning record is of it. */
  public record SourceCounts(long recordsRead, long papers, long quarantined, long deleted) {
    /** Records that lost to another of the same id (of any format), or whose paper a deletion took out. */
    public long duplicates() {
      return recordsRead - papers - quarantined - deleted;
    }
  }

  /**
   * The figures of an ingest, kept in its stamp for a run that skips it; {@code recordsRead = papers + duplicates +
   * quarantined + deleted} always holds. {@code papersDeleted}: papers a deletion newer than every record of their
   * id took out (their records are among the duplicates).
   */
  public record Counts(long recordsRead, long blankLines, long papers, long duplicates, long versions,
                       Map<String, Long> quarantinedByReason, List<TruncatedInput> truncatedInputs,
                       long deleted, long papersDeleted, Map<String, SourceCounts> bySource,
                       List<FileReport> files, long priorPapers, Map<String, Long> merge) {
    public long quarantined() {
      return quarantinedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Of a merge, the papers whose winning record is the output's own are not records read now. */
    public boolean balanced() {
      return recordsRead == papers - priorPapers + duplicates + quarantined() + deleted
          && bySource.values().stream().allMatch(c -> c.duplicates() >= 0);
    }
  }

  public static Counts run(StageContext ctx, List<InputFile> inputs) {
    return run(ctx, inputs, false);
  }

  /**
   * {@code merge}: the records are merged into the papers the output holds (see {@link PriorOutput}) instead of
   * replacing them; the accounting is of the records read now.
   */
  public static Counts run(StageContext ctx, List<InputFile> inputs, boolean merge) {
    var key = new ArrayList<>(inputs.stream().map(f -> f.path() + " " + f.bytes() + " " + f.modified()).toList());
    if (merge) {
      key.add("merge into " + StageStamps.content(ctx.conf(), ctx.path(Catalog.PAPERS)));
    }
    return StampedStage.named(STAMP)
        .key(key)
        .writes(List.of(Catalog.PAPERS, Catalog.VERSIONS, Catalog.QUARANTINE, Catalog.DELETED))
        .run(ctx, stamp -> report(stamp.facts(Counts.class), ctx.summary()), () -> {
          try {
            Counts counts = report(ingest(ctx, inputs, merge), ctx.summary());
            if (!counts.balanced()) { // before the stamp: an unbalanced ingest is never reused
              throw new IllegalStateException("ingest accounting does not balance: records read "
                  + counts.recordsRead() + " != papers " + counts.papers() + " + duplicates " + counts.duplicates()
                  + " + quarantined " + counts.quarantined() + " + deleted " + counts.deleted());
            }
            return new Computed<>(counts, counts);
          } finally {
            HadoopFiles.deleteRecursively(ctx.conf(), ctx.work());
            HadoopFiles.deleteIfEmpty(ctx.conf(), ctx.out().workRoot());
          }
        });
  }

  /** Records parsed from one file, of one format, with one reason ("" for usable; blank lines and deletions too). */
  private record Count(String file, String source, String reason, long records) {
    static Count of(Row r) {
      return new Count(pathOnly(r.getString(0)), r.getString(1), r.isNullAt(2) ? "" : r.getString(2), r.getLong(3));
    }
  }

  /** The records parsed, counted by file, format and reason. */
  private record Parsed(List<Count> counts, StructType schema, List<InputKinds.Kind> kinds,
                        List<CompressedInputs.Truncated> cut) {
    Map<String, Long> byReason() {
      var out = new TreeMap<String, Long>();
      counts.forEach(c -> out.merge(c.reason(), c.records(), Long::sum));
      return out;
    }
  }

  private static Counts ingest(StageContext ctx, List<InputFile> inputs, boolean merge) {
    SparkSession spark = ctx.spark();
    String records = ctx.work() + "/records";
    Parsed parsed = ctx.stages().timed("ingest.parse", () -> {
      List<String> paths = inputs.stream().map(InputFile::path).toList();
      List<InputKinds.Kind> kinds = InputKinds.detect(spark, paths);
      List<CompressedInputs.Truncated> cut = CompressedInputs.findTruncated(spark, paths);
      Dataset<Row> normalized = normalized(spark, kinds, cut);
      DatasetWriter.replaceIntermediate(normalized, records);
      List<Count> counts = spark.read().schema(normalized.schema()).parquet(records)
          .groupBy(SOURCE_FILE, SOURCE, REASON).count().collectAsList().stream().map(Count::of).toList();
      return new Parsed(counts, normalized.schema(), kinds, cut);
    }, p -> Map.of("lines", p.byReason().values().stream().mapToLong(Long::longValue).sum(),
        "usable", p.byReason().getOrDefault("", 0L)));
    Map<String, Long> byReason = parsed.byReason();
    long usable = byReason.getOrDefault("", 0L);
    long blank = byReason.getOrDefault(Records.BLANK_LINE, 0L);
    long deletions = byReason.getOrDefault(Records.DELETED, 0L);
    var quarantined = new TreeMap<>(byReason);
    quarantined.remove("");
    quarantined.remove(Records.BLANK_LINE);
    quarantined.remove(Records.DELETED);

    Dataset<Row> staged = spark.read().schema(parsed.schema()).parquet(records);
    Deduped dropped = ctx.stages().timed("ingest.dedup", () -> dedup(ctx, staged, deletions, merge),
        n -> Map.of("usable", usable, "duplicates", n.duplicates(), "papers_deleted", n.papersDeleted()));

    long papers = ctx.read(Catalog.PAPERS).count();
    ctx.stages().run("ingest.versions", () -> {
      if (dropped.years() == null) {
        DatasetWriter.replace(byMonth(VersionRows.fromPapers(ctx.read(Catalog.PAPERS))), ctx.path(Catalog.VERSIONS),
            MONTH);
        return Map.of("papers", papers);
      }
      int months = mergeVersions(ctx, dropped.years());
      return Map.of("papers", papers, "months_rewritten", months);
    });
    long versions = ctx.read(Catalog.VERSIONS).count();

    ctx.stages().run("ingest.quarantine", () -> {
      Dataset<Row> bad = staged
          .filter(col(REASON).isNotNull().and(not(col(REASON).isin(Records.BLANK_LINE, Records.DELETED))))
          .select(col(RAW_RECORD), col(SOURCE_FILE), col(REASON), lit(STAMP).as(STAGE));
      Dataset<Row> gone = staged.filter(col(REASON).equalTo(lit(Records.DELETED)))
          .select(col(ID), col(UPDATE_DATE).as(DATESTAMP), col(SOURCE_FILE), col(SOURCE_ROW));
      if (merge) { // a merge adds to what the output kept, less what it kept of these files (read again now)
        Dataset<Row> files = staged.select(SOURCE_FILE).distinct();
        bad = bad.unionByName(ctx.read(Catalog.QUARANTINE).join(files, SOURCE_FILE, "left_anti"));
        gone = gone.unionByName(ctx.read(Catalog.DELETED).join(files, SOURCE_FILE, "left_anti"));
      }
      DatasetWriter.replace(bad.coalesce(1), ctx.path(Catalog.QUARANTINE));
      DatasetWriter.replace(gone.coalesce(1), ctx.path(Catalog.DELETED));
      return Map.of("quarantined", quarantined.values().stream().mapToLong(Long::longValue).sum(),
          "deleted", deletions);
    });

    long read = byReason.values().stream().mapToLong(Long::longValue).sum() - blank;
    Map<String, SourceCounts> bySource = bySource(parsed, dropped.newWinnersBySource() != null
        ? dropped.newWinnersBySource() : winnersBySource(ctx.read(Catalog.PAPERS)));
    return new Counts(read, blank, papers, dropped.duplicates(), versions, quarantined, truncated(parsed.counts(),
        parsed.cut()), deletions, dropped.papersDeleted(), bySource, files(inputs, parsed), dropped.priorPapers(),
        dropped.merge());
  }

  /** Every reader's records, in one frame, each numbered once over all of them (dedup keys on the number). */
  static Dataset<Row> normalized(SparkSession spark, List<InputKinds.Kind> kinds,
                                 List<CompressedInputs.Truncated> cut) {
    List<String> truncated = cut.stream().filter(t -> !t.plain()).map(CompressedInputs.Truncated::path).toList();
    List<String> plain = cut.stream().filter(CompressedInputs.Truncated::plain).map(CompressedInputs.Truncated::path)
        .toList();
    List<String> kaggle = kinds.stream().filter(InputKinds.Kind::kaggle).map(InputKinds.Kind::path).toList();
    List<String> oai = kinds.stream().filter(InputKinds.Kind::oai).map(InputKinds.Kind::path).toList();
    List<String> atom = kinds.stream().filter(InputKinds.Kind::atom).map(InputKinds.Kind::path).toList();
    var frames = new ArrayList<Dataset<Row>>();
    if (!kaggle.isEmpty()) {
      var lines = KaggleReader.readLines(spark, kaggle, truncated.stream().filter(kaggle::contains).toList(),
          plain.stream().filter(kaggle::contains).toList());
      frames.add(KaggleRecords.normalize(KaggleReader.parse(lines)).drop(SOURCE_ROW));
    }
    if (!oai.isEmpty()) {
      frames.add(OaiRecords.normalize(OaiRecords.read(spark, XmlReader.Files.of(oai, truncated, plain))));
    }
    if (!atom.isEmpty()) {
      frames.add(AtomRecords.normalize(AtomRecords.read(spark, XmlReader.Files.of(atom, truncated, plain))));
    }
    Dataset<Row> all = frames.stream().reduce(Dataset::unionByName) // no file holds records: no rows, same columns
        .orElseGet(() -> KaggleRecords.normalize(KaggleReader.parse(KaggleReader.noLines(spark))).drop(SOURCE_ROW));
    return all.withColumn(SOURCE_ROW, monotonically_increasing_id());
  }

  private static Dataset<Row> byMonth(Dataset<Row> versions) {
    return versions.repartition(col(MONTH)).sortWithinPartitions(MONTH, ID, VERSION);
  }

  /**
   * A merge's versions: only the months where a merged paper had or has a version are written again (from the
   * versions there of the other papers and the merged papers' own), the others stay. Returns the months written.
   */
  private static int mergeVersions(StageContext ctx, java.util.Set<Integer> years) {
    Dataset<Row> ids = MergedIds.read(ctx);
    Dataset<Row> fresh = VersionRows.fromPapers(PriorOutput.inYears(ctx, years).join(ids, ID, "left_semi"))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      var months = new java.util.TreeSet<String>();
      ctx.read(Catalog.VERSIONS).join(ids, ID, "left_semi").select(MONTH).unionByName(fresh.select(MONTH))
          .distinct().collectAsList().forEach(r -> months.add(r.getString(0)));
      MergedIds.writeMonths(ctx, months);
      if (months.isEmpty()) {
        return 0;
      }
      Dataset<Row> kept = ctx.read(Catalog.VERSIONS).filter(col(MONTH).isin(months.toArray()))
          .join(ids, ID, "left_anti");
      var keys = months.stream().map(m -> MONTH + "=" + m).collect(java.util.stream.Collectors.toSet());
      DatasetWriter.replaceChangedPartitions(byMonth(kept.unionByName(fresh)), ctx.path(Catalog.VERSIONS),
          keys::contains, MONTH);
      return months.size();
    } finally {
      fresh.unpersist();
    }
  }

  /** Papers as the dataset holds them: with the year of the id, their partition. */
  private static Dataset<Row> asPapers(Dataset<Row> papers) {
    return papers.withColumn(ID_YEAR, Ids.year(col(ID))).select(Schemas.columns(Schemas.PAPERS));
  }

  /**
   * What dedup did: records read now dropped as duplicates (with a deleted paper's winning record), papers a
   * deletion took out; of a merge, the papers whose winning record is the output's own, the papers whose winning
   * record was read now by format, the merge's report and the years of the ids it touched (the partitions of
   * {@code papers} it wrote; null: all, not a merge).
   */
  private record Deduped(long duplicates, long papersDeleted, long priorPapers,
                         Map<String, Long> newWinnersBySource, Map<String, Long> merge,
                         java.util.Set<Integer> years) {}

  /** Writes the papers; {@code merge}: the records are merged into the output's papers (see {@link PriorOutput}). */
  private static Deduped dedup(StageContext ctx, Dataset<Row> staged, long deletions, boolean merge) {
    Dataset<Row> usableRecords = staged.filter(col(REASON).isNull());
    Dataset<Row> deletionRecords = staged.filter(col(REASON).equalTo(lit(Records.DELETED)));
    Dataset<Row> untouched = null;
    Dataset<Row> touched = null;
    java.util.Set<Integer> years = null;
    boolean anyDeletion = deletions > 0;
    if (merge) {
      Dataset<Row> ids = PriorOutput.ids(staged);
      years = Ids.years(ids);
      touched = PriorOutput.touched(ctx, ids, years).persist(StorageLevel.MEMORY_AND_DISK());
      untouched = PriorOutput.untouched(ctx, ids, years);
      usableRecords = PriorOutput.withTouched(usableRecords, touched);
      Dataset<Row> priorDeletions = PriorOutput.deletions(ctx, ids);
      anyDeletion = anyDeletion || !priorDeletions.isEmpty();
      deletionRecords = deletionRecords.select(ID, UPDATE_DATE).unionByName(priorDeletions);
    }
    Dataset<Row> losers = Dedup.losers(usableRecords).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> gone = !anyDeletion ? null : Dedup.deletedIds(usableRecords, deletionRecords)
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> papers = null;
    try {
      long n = losers.count();
      papers = Dedup.papers(Dedup.winners(usableRecords, losers),
          Dedup.merged(usableRecords, losers), n <= BROADCAST_MERGED_BELOW);
      long deletedPapers = 0;
      if (gone != null) {
        deletedPapers = gone.count();
        papers = papers.join(broadcast(gone), ID, "left_anti");
      }
      if (!merge) {
        DatasetWriter.replace(asPapers(papers), ctx.path(Catalog.PAPERS), ID_YEAR);
        return new Deduped(n + deletedPapers, deletedPapers, 0, null, null, null);
      }
      papers = papers.persist(StorageLevel.MEMORY_AND_DISK());
      var report = new java.util.LinkedHashMap<String, Long>();
      long touchedCount = touched.count();
      // The papers in place from their manifest: counting them would read the whole dataset once more.
      var manifest = org.arxivdigest.io.Manifests.read(ctx.conf(), ctx.path(Catalog.PAPERS));
      long untouchedCount = (manifest != null ? manifest.rows() : ctx.read(Catalog.PAPERS).count()) - touchedCount;
      report.put("papers_before", touchedCount + untouchedCount);
      report.put("papers_touched", touchedCount);
      PriorOutput.Report merged = PriorOutput.report(papers, touched);
      report.putAll(merged.counts());
      Map<String, Long> newWinners = merged.newWinners();
      // The papers the merge changed (new, with new versions, edited) and those it deleted: what is done again.
      Dataset<Row> changed = PriorOutput.changedIds(papers, touched);
      MergedIds.write(ctx, gone == null ? changed : changed.unionByName(gone.select(ID)));
      long touchedWinners = merged.priorWinners();
      // Only the years of the ids read are written again: the touched papers' years, the rest of them as they were.
      // The merged papers go in one new file per year beside the files the untouched ones are read from.
      var keys = years.stream().map(y -> ID_YEAR + "=" + y).collect(java.util.stream.Collectors.toSet());
      Dataset<Row> rewritten = asPapers(papers).coalesce(1).unionByName(untouched.select(Schemas.columns(
          Schemas.PAPERS)));
      if (PriorOutput.filesPerYear(ctx, keys) > PriorOutput.MAX_FILES_PER_YEAR) {
        rewritten = rewritten.repartition(col(ID_YEAR)); // compacted: one file a year
      }
      DatasetWriter.replaceChangedPartitions(rewritten, ctx.path(Catalog.PAPERS), keys::contains, ID_YEAR);
      long priorLost = touchedCount - touchedWinners; // touched papers that lost to a record or were deleted
      report.put("papers_from_output", untouchedCount + touchedWinners);
      return new Deduped(n + deletedPapers - priorLost, deletedPapers, untouchedCount + touchedWinners,
          newWinners, report, years);
    } finally {
      losers.unpersist();
      if (gone != null) {
        gone.unpersist();
      }
      if (touched != null) {
        touched.unpersist();
        papers.unpersist();
      }
    }
  }

  /** Papers by the format of their winning record. */
  private static Map<String, Long> winnersBySource(Dataset<Row> papers) {
    var out = new TreeMap<String, Long>();
    for (Row r : papers.groupBy(SOURCE).count().collectAsList()) {
      out.put(r.getString(0), r.getLong(1));
    }
    return out;
  }

  /**
   * Ids with several records up to this many losers: their merged versions are broadcast to the winners instead
   * of shuffling every paper (a dump plus a harvest of all of it merges by a shuffle join).
   */
  private static final long BROADCAST_MERGED_BELOW = 2_000_000;

  private static Map<String, SourceCounts> bySource(Parsed parsed, Map<String, Long> winners) {
    var read = new TreeMap<String, long[]>();
    for (Count n : parsed.counts()) {
      if (n.reason().equals(Records.BLANK_LINE)) {
        continue;
      }
      long[] c = read.computeIfAbsent(n.source(), k -> new long[4]);
      c[0] += n.records();
      c[2] += n.reason().isEmpty() || n.reason().equals(Records.DELETED) ? 0 : n.records();
      c[3] += n.reason().equals(Records.DELETED) ? n.records() : 0;
    }
    winners.forEach((source, n) -> read.computeIfAbsent(source, k -> new long[4])[1] += n);
    var out = new TreeMap<String, SourceCounts>();
    read.forEach((k, c) -> out.put(k, new SourceCounts(c[0], c[1], c[2], c[3])));
    return out;
  }

  /** Each input with its kind, the records read from it (blank lines aside) and its error. */
  private static List<FileReport> files(List<InputFile> inputs, Parsed parsed) {
    var records = new HashMap<String, Long>();
    for (Count n : parsed.counts()) {
      if (!n.reason().equals(Records.BLANK_LINE)) {
        records.merge(n.file(), n.records(), Long::sum);
      }
    }
    var kinds = new HashMap<String, InputKinds.Kind>();
    parsed.kinds().forEach(k -> kinds.put(pathOnly(k.path()), k));
    var errors = new HashMap<String, String>();
    parsed.cut().forEach(t -> errors.put(pathOnly(t.path()), t.error()));
    var out = new ArrayList<FileReport>();
    for (InputFile f : inputs) {
      String key = pathOnly(f.path());
      InputKinds.Kind kind = kinds.get(key);
      String error = errors.containsKey(key) ? errors.get(key) : kind == null ? null : kind.error();
      out.add(new FileReport(f.path(), f.bytes(), kind == null ? InputKinds.KAGGLE : kind.kind(),
          records.getOrDefault(key, 0L), error));
    }
    return out;
  }

  private static String pathOnly(String path) {
    return new Path(path).toUri().getPath();
  }

  /** Each compressed input cut short, with the records read up to the cut; each is named in the log. */
  private static List<TruncatedInput> truncated(List<Count> counts, List<CompressedInputs.Truncated> cut) {
    var report = new ArrayList<TruncatedInput>();
    var linesByFile = new HashMap<String, Long>();
    counts.forEach(n -> linesByFile.merge(n.file(), n.records(), Long::sum));
    for (CompressedInputs.Truncated t : cut) {
      long lines = linesByFile.getOrDefault(pathOnly(t.path()), 0L);
      LOG.warn("input {}: {} ({}); lines read: {}", t.plain() ? "misnamed" : "cut short or damaged", t.path(),
          t.error(), lines);
      report.add(new TruncatedInput(t.path(), t.error(), lines));
    }
    return report;
  }

  private static Counts report(Counts result, RunSummary summary) {
    summary.put("input_files", result.files());
    summary.put("truncated_inputs", result.truncatedInputs());
    summary.put("records_read", result.recordsRead());
    summary.put("blank_lines", result.blankLines());
    summary.put("papers", result.papers());
    summary.put("versions", result.versions());
    summary.put("duplicates_dropped", result.duplicates());
    summary.put("quarantined", result.quarantined());
    summary.put("quarantined_by_reason", result.quarantinedByReason());
    summary.put("deleted", result.deleted());
    summary.put("papers_deleted", result.papersDeleted());
    summary.put("by_source", result.bySource());
    summary.put("accounting_balanced", result.balanced());
    if (result.merge() != null) {
      summary.put("merge", result.merge());
    }
    return result;
  }
}
