package org.arxivdigest.ingest;

import static org.apache.spark.sql.functions.col;
import static org.arxivdigest.schema.Columns.ID;

import java.io.IOException;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.arxivdigest.io.DatasetWriter;
import org.arxivdigest.io.HadoopFiles;
import org.arxivdigest.run.StageContext;

/**
 * The ids of the papers a merge changed (new ones, ones with new versions or other fields, and the papers it
 * deleted; not those its records name but leave as they were), kept under {@code _state/merged-ids/<run id>} for
 * the stages after ingest of the same run: classify assigns topics to those papers only and keeps the other
 * assignments, listings and counts are redone where they have versions. Another run's ids (a merge that stopped)
 * are never read.
 */
public final class MergedIds {
  private MergedIds() {}

  private static String root(StageContext ctx) {
    return ctx.out().root() + "/_state/merged-ids";
  }

  static void write(StageContext ctx, Dataset<Row> ids) {
    HadoopFiles.deleteRecursively(ctx.conf(), root(ctx));
    DatasetWriter.replaceIntermediate(ids.select(col(ID)).distinct().coalesce(1), root(ctx) + "/" + ctx.runId());
  }

  /** The ids this run's merge wrote, or null when it wrote none (not a merge, or ingest was skipped). */
  public static Dataset<Row> read(StageContext ctx) {
    Path p = new Path(root(ctx) + "/" + ctx.runId());
    try {
      if (!p.getFileSystem(ctx.conf()).exists(p)) {
        return null;
      }
    } catch (IOException e) {
      return null;
    }
    return ctx.spark().read().parquet(p.toString());
  }

  private static String monthsFile(StageContext ctx) {
    return root(ctx) + "/" + ctx.runId() + ".months";
  }

  /** Records the months where a merged paper had or has a version: the only months whose figures can change. */
  static void writeMonths(StageContext ctx, java.util.SortedSet<String> months) {
    HadoopFiles.writeString(ctx.conf(), monthsFile(ctx), String.join("\n", months) + "\n");
  }

  /**
   * The months this run's merge rewrote the versions of (where a merged paper had or has a version), or null when
   * it wrote none (not a merge, or ingest was skipped).
   */
  public static java.util.SortedSet<String> months(StageContext ctx) {
    String text = HadoopFiles.readString(ctx.conf(), monthsFile(ctx));
    return text == null ? null : new java.util.TreeSet<>(text.lines().filter(l -> !l.isBlank()).toList());
  }

  public static void clear(StageContext ctx) {
    HadoopFiles.deleteRecursively(ctx.conf(), root(ctx));
  }
}
