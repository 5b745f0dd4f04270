package org.arxivdigest.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;
import static org.arxivdigest.schema.Columns.DATESTAMP;
import static org.arxivdigest.schema.Columns.ID;
import static org.arxivdigest.schema.Columns.ID_YEAR;
import static org.arxivdigest.schema.Columns.REASON;
import static org.arxivdigest.schema.Columns.SOURCE;
import static org.arxivdigest.schema.Columns.SOURCE_BLOCK;
import static org.arxivdigest.schema.Columns.SOURCE_ROW;
import static org.arxivdigest.schema.Columns.UPDATE_DATE;
import static org.arxivdigest.schema.Columns.VERSION_COUNT;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.arxivdigest.run.StageContext;
import org.arxivdigest.schema.Catalog;
import org.arxivdigest.schema.Schemas;

/**
 * What an output already holds, for {@code run --merge}: its papers whose ids the new records name take part in
 * the dedup as records (the paper's fields, versions and sources; ranked by its own newest version, update_date
 * and file, as its winning record was), the rest pass through unchanged; its deletions of those ids count again,
 * so that a deletion newer than every record still removes the paper; its quarantine and deletions are kept.
 * The result is the full run's over all inputs merged so far (one exception, in the README: a version's time
 * where two sources disagree on it comes from the better-ranked of the paper and the new record).
 */
final class PriorOutput {
  private PriorOutput() {}

  /** Marks a record that is a paper of the output (true) or a record read now (false). */
  static final String PRIOR = "_prior";

  /** The ids the records read now name: usable ones and deletions. */
  static Dataset<Row> ids(Dataset<Row> staged) {
    return staged.filter(col(REASON).isNull().or(col(REASON).equalTo(lit(Records.DELETED)))).select(ID).distinct();
  }

  /** The output's papers of {@code ids} (whose years are {@code years}), as records. */
  static Dataset<Row> touched(StageContext ctx, Dataset<Row> ids, java.util.Set<Integer> years) {
    return inYears(ctx, years).join(ids, ID, "left_semi");
  }

  /** The output's papers of {@code years} that no record read now names: written back as they are. */
  static Dataset<Row> untouched(StageContext ctx, Dataset<Row> ids, java.util.Set<Integer> years) {
    return inYears(ctx, years).join(ids, ID, "left_anti");
  }

  /**
   * A merge adds one file to each year it rewrites (the merged papers, beside the files the others are read
   * from): a year with more files than this is compacted into one file by the merge that touches it.
   */
  static final int MAX_FILES_PER_YEAR = 12;

  /** The most data files a partition of {@code papers} among {@code keys} ({@code id_year=2026}) holds. */
  static int filesPerYear(StageContext ctx, java.util.Set<String> keys) {
    int most = 0;
    for (String key : keys) {
      String dir = ctx.path(Catalog.PAPERS) + "/" + key;
      most = Math.max(most, org.arxivdigest.io.HadoopFiles.dataFiles(ctx.conf(), dir).size());
    }
    return most;
  }

  /** The output's papers of {@code years} (partitions of {@code papers}, the others not read). */
  static Dataset<Row> inYears(StageContext ctx, java.util.Set<Integer> years) {
    return ctx.read(Catalog.PAPERS).filter(col(ID_YEAR).isin(years.toArray()));
  }

  /**
   * The records read now and the touched papers, in one frame with {@link #PRIOR}; a paper's record number is
   * negative (unique, and below every record read now where all else ties: those come from the same file).
   */
  static Dataset<Row> withTouched(Dataset<Row> usable, Dataset<Row> touched) {
    return usable.withColumn(PRIOR, lit(false))
        .unionByName(touched
            .withColumn(SOURCE_BLOCK, lit(-1L))
            .withColumn(SOURCE_ROW, lit(-1L).minus(monotonically_increasing_id()))
            .withColumn(PRIOR, lit(true)), true);
  }

  /** The output's deletions of {@code ids}, as deletion records (id and update_date). */
  static Dataset<Row> deletions(StageContext ctx, Dataset<Row> ids) {
    return ctx.read(Catalog.DELETED).join(ids, ID, "left_semi").select(col(ID), col(DATESTAMP).as(UPDATE_DATE));
  }

  /**
   * What the merge did to the papers it touched ({@code counts}: new ones, ones with new versions, ones edited
   * otherwise, ones left as they were, every field equal), the merged papers whose winning record was read now by
   * its format ({@code newWinners}), and how many kept the output's own ({@code priorWinners}).
   */
  record Report(Map<String, Long> counts, Map<String, Long> newWinners, long priorWinners) {}

  /**
   * The merged papers (with {@link #PRIOR}) beside what the touched ones were: {@code _b_id} (null for a new
   * paper), {@code _b_n} and {@code _n} (versions before and after), {@code _b_h} and {@code _h} (a hash of every
   * field before and after).
   */
  private static Dataset<Row> beside(Dataset<Row> merged, Dataset<Row> touched) {
    Column[] fields = Arrays.stream(Schemas.PAPERS.fieldNames()).filter(n -> !n.equals(ID_YEAR)) // set on writing
        .map(n -> col("`" + n + "`")).toArray(Column[]::new);
    Dataset<Row> before = touched.select(col(ID).as("_b_id"), col(VERSION_COUNT).as("_b_n"),
        xxhash64(fields).as("_b_h"));
    Dataset<Row> after = merged.select(col(ID), col(VERSION_COUNT), col(SOURCE), col(PRIOR),
        xxhash64(fields).as("_h"));
    return after.join(before, col(ID).equalTo(col("_b_id")), "left");
  }

  /**
   * The ids of the merged papers that changed: new ones, and those with any field other than before. The papers
   * a merge's records name but leave as they were (a day harvested twice) change nothing downstream.
   */
  static Dataset<Row> changedIds(Dataset<Row> merged, Dataset<Row> touched) {
    return beside(merged, touched).filter(col("_b_id").isNull().or(col("_h").notEqual(col("_b_h")))).select(ID);
  }

  /** The {@link Report} of the merged papers (with {@link #PRIOR}) and the touched ones as they were, in one job. */
  static Report report(Dataset<Row> merged, Dataset<Row> touched) {
    var counts = new LinkedHashMap<String, Long>();
    for (String k : List.of("new_papers", "papers_with_new_versions", "papers_edited", "papers_unchanged")) {
      counts.put(k, 0L);
    }
    var newWinners = new TreeMap<String, Long>();
    long priorWinners = 0;
    for (Row r : beside(merged, touched).groupBy(SOURCE, PRIOR).agg(
        count(when(col("_b_id").isNull(), 1)).as("new"),
        count(when(col(VERSION_COUNT).gt(col("_b_n")), 1)).as("versions"),
        count(when(col(VERSION_COUNT).equalTo(col("_b_n")).and(col("_h").notEqual(col("_b_h"))), 1)).as("edited"),
        count(when(col("_h").equalTo(col("_b_h")), 1)).as("same"),
        count(lit(1)).as("papers")).collectAsList()) {
      counts.merge("new_papers", r.getLong(2), Long::sum);
      counts.merge("papers_with_new_versions", r.getLong(3), Long::sum);
      counts.merge("papers_edited", r.getLong(4), Long::sum);
      counts.merge("papers_unchanged", r.getLong(5), Long::sum);
      if (r.getBoolean(1)) {
        priorWinners += r.getLong(6);
      } else {
        newWinners.merge(r.getString(0), r.getLong(6), Long::sum);
      }
    }
    return new Report(counts, newWinners, priorWinners);
  }
}
