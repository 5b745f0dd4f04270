package org.arxivdigest.normalize;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_max;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;
import static org.arxivdigest.schema.Columns.FIRST_VERSION_AT;
import static org.arxivdigest.schema.Columns.ID;
import static org.arxivdigest.schema.Columns.LAST_VERSION_AT;
import static org.arxivdigest.schema.Columns.SOURCE;
import static org.arxivdigest.schema.Columns.SOURCES;
import static org.arxivdigest.schema.Columns.SOURCE_BLOCK;
import static org.arxivdigest.schema.Columns.SOURCE_FILE;
import static org.arxivdigest.schema.Columns.SOURCE_ROW;
import static org.arxivdigest.schema.Columns.UPDATE_DATE;
import static org.arxivdigest.schema.Columns.VERSION;
import static org.arxivdigest.schema.Columns.VERSIONS;
import static org.arxivdigest.schema.Columns.VERSIONS_COMPLETE;
import static org.arxivdigest.schema.Columns.VERSION_COUNT;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * One paper per id. The record whose newest version is newest wins, then the later update_date (the OAI
 * datestamp, the Kaggle dump's update_date, the day of Atom's updated), then the later file path and position in
 * the file, so that the same input always gives the same winner. The paper keeps the winner's fields; its
 * versions are the union of its records' versions by number, each version's date from the best-ranked record
 * that knows it, and its sources are every format its records came from.
 */
public final class Dedup {
  private Dedup() {}

  private static final String RANK = "_rank";
  private static final String ORDER = "_order";
  private static final String RECORDS = "_records";
  private static final String MORE_SAID = "_more_said";
  private static final String MERGED = "_merged_";

  private static final WindowSpec NEWEST_FIRST = Window.partitionBy(col(ID)).orderBy(
      col(LAST_VERSION_AT).desc(),
      col(UPDATE_DATE).desc_nulls_last(),
      col(SOURCE_FILE).desc(),
      col(SOURCE_BLOCK).desc(),
      col(SOURCE_ROW).desc());

  /**
   * The {@code source_row} and id of every record that loses to a newer one. Ranking runs on a narrow projection,
   * so only six small columns are shuffled, not whole records.
   */
  public static Dataset<Row> losers(Dataset<Row> usable) {
    return usable
        .select(ID, LAST_VERSION_AT, UPDATE_DATE, SOURCE_FILE, SOURCE_BLOCK, SOURCE_ROW)
        .withColumn(RANK, row_number().over(NEWEST_FIRST))
        .filter(col(RANK).gt(1))
        .select(SOURCE_ROW, ID);
  }

  /** The usable records without the losers: one row per id. Usually few lose, so the anti-join is broadcast. */
  public static Dataset<Row> winners(Dataset<Row> usable, Dataset<Row> losers) {
    return usable.join(losers.select(SOURCE_ROW), SOURCE_ROW, "left_anti");
  }

  /**
   * For each id with more than one record: the union of their versions ({@code versions}), every source
   * ({@code sources}), and whether a record said there are versions beyond its only one ({@code _more_said}: a
   * one-version record that is not complete, as arXiv's v1 with an {@code updated} date). One aggregation: the
   * id's records, best-ranked first, then per version number the first record's version.
   */
  public static Dataset<Row> merged(Dataset<Row> usable, Dataset<Row> losers) {
    Column order = struct(col(LAST_VERSION_AT), col(UPDATE_DATE), col(SOURCE_FILE), col(SOURCE_BLOCK),
        col(SOURCE_ROW));
    Column moreSaid = not(col(VERSIONS_COMPLETE)).and(col(VERSION_COUNT).equalTo(1));
    Dataset<Row> records = usable.join(losers.select(ID).distinct(), ID, "left_semi")
        .groupBy(ID)
        .agg(sort_array(collect_list(struct(order.as(ORDER), col(VERSIONS), sources(usable).as(SOURCES),
            moreSaid.as(MORE_SAID))), false).as(RECORDS));
    Column all = flatten(transform(col(RECORDS), r -> r.getField(VERSIONS)));
    Column numbers = array_distinct(transform(all, v -> v.getField(VERSION)));
    Column versions = sort_array(transform(numbers, n -> element_at(filter(all,
        v -> v.getField(VERSION).equalTo(n)), 1)));
    return records.select(col(ID),
        versions.as(VERSIONS),
        sort_array(array_distinct(flatten(transform(col(RECORDS), r -> r.getField(SOURCES))))).as(SOURCES),
        exists(col(RECORDS), r -> r.getField(MORE_SAID)).as(MORE_SAID));
  }

  /**
   * The winners with the merged versions and sources of their id where it had several records ({@code merged},
   * broadcast when {@code small}); the derived version columns follow the merged versions. Merged versions are
   * complete when they run 1..N without a gap and, if a record said there are more than its v1, N is beyond 1.
   */
  public static Dataset<Row> papers(Dataset<Row> winners, Dataset<Row> merged, boolean small) {
    Dataset<Row> m = merged.select(col(ID).as(MERGED + ID), col(VERSIONS).as(MERGED + VERSIONS),
        col(SOURCES).as(MERGED + SOURCES), col(MORE_SAID).as(MERGED + MORE_SAID));
    Dataset<Row> joined = winners.join(small ? broadcast(m) : m, col(ID).equalTo(col(MERGED + ID)), "left");
    Column isMerged = col(MERGED + ID).isNotNull();
    Column versions = coalesce(col(MERGED + VERSIONS), col(VERSIONS));
    return joined
        .withColumn(VERSIONS, versions)
        .withColumn(SOURCES, coalesce(col(MERGED + SOURCES), sources(winners)))
        .withColumn(VERSION_COUNT, size(col(VERSIONS)))
        .withColumn(FIRST_VERSION_AT, Versions.first(col(VERSIONS)))
        .withColumn(LAST_VERSION_AT, Versions.last(col(VERSIONS)))
        .withColumn(VERSIONS_COMPLETE, when(isMerged,
                array_max(transform(col(VERSIONS), v -> v.getField(VERSION))).equalTo(size(col(VERSIONS)))
                    .and(not(col(MERGED + MORE_SAID)).or(size(col(VERSIONS)).gt(1))))
            .otherwise(col(VERSIONS_COMPLETE)))
        .drop(MERGED + ID, MERGED + VERSIONS, MERGED + SOURCES, MERGED + MORE_SAID);
  }

  /**
   * A record's formats: its own, or for a paper of an output a merge reads as a record ({@code sources} present),
   * every format its records came from.
   */
  private static Column sources(Dataset<Row> records) {
    return java.util.Arrays.asList(records.columns()).contains(SOURCES)
        ? coalesce(col(SOURCES), array(col(SOURCE))) : array(col(SOURCE));
  }

  private static final String DELETED_ON = "_deleted_on";
  private static final String NEWEST_OTHER = "_newest_other";

  /**
   * The ids a deletion takes out of the papers: those whose newest deletion ({@code deletions}: id and
   * update_date, the OAI datestamp) is newer than every usable record of the id (a record without a date is
   * older). A deletion of an id that has no usable record, or an older one, takes nothing out.
   */
  public static Dataset<Row> deletedIds(Dataset<Row> usable, Dataset<Row> deletions) {
    Dataset<Row> newestDeletion = deletions.groupBy(ID).agg(max(col(UPDATE_DATE)).as(DELETED_ON));
    Dataset<Row> newestOther = usable.join(broadcast(newestDeletion.select(ID)), ID, "left_semi")
        .groupBy(ID).agg(max(col(UPDATE_DATE)).as(NEWEST_OTHER));
    return newestDeletion.join(newestOther, ID)
        .filter(col(DELETED_ON).isNotNull()
            .and(col(NEWEST_OTHER).isNull().or(col(DELETED_ON).gt(col(NEWEST_OTHER)))))
        .select(ID);
  }
}
