package org.arxivdigest.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.replace;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.url_decode;
import static org.apache.spark.sql.functions.when;
import static org.arxivdigest.schema.Columns.CORRUPT_RECORD;
import static org.arxivdigest.schema.Columns.LINE;
import static org.arxivdigest.schema.Columns.RAW_ABSTRACT;
import static org.arxivdigest.schema.Columns.RAW_AUTHORS;
import static org.arxivdigest.schema.Columns.RAW_COMMENTS;
import static org.arxivdigest.schema.Columns.RAW_DOI;
import static org.arxivdigest.schema.Columns.RAW_JOURNAL_REF;
import static org.arxivdigest.schema.Columns.RAW_LICENSE;
import static org.arxivdigest.schema.Columns.RAW_REPORT_NO;
import static org.arxivdigest.schema.Columns.RAW_SUBMITTER;
import static org.arxivdigest.schema.Columns.RAW_TITLE;
import static org.arxivdigest.schema.Columns.PARSED;
import static org.arxivdigest.schema.Columns.SOURCE_BLOCK;
import static org.arxivdigest.schema.Columns.SOURCE_FILE;
import static org.arxivdigest.schema.Columns.SOURCE_ROW;

import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.Path;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.arxivdigest.normalize.Text;
import org.arxivdigest.schema.Schemas;

/**
 * Reads the Kaggle snapshot (JSON lines, plain, gzip or bzip2) as text and parses each line with the explicit
 * record schema. Reading text first keeps the raw line for quarantine and the line's origin for tie-breaks.
 */
public final class KaggleReader {
  private KaggleReader() {}

  private static final Map<String, String> PERMISSIVE = Map.of(
      "mode", "PERMISSIVE",
      "columnNameOfCorruptRecord", CORRUPT_RECORD);

  /**
   * One row per line: the line, its file, the start of the split it was read from and an id that increases along
   * the split, so that (file, block start, row) orders the lines of a file as they stand in it.
   */
  public static Dataset<Row> readLines(SparkSession spark, List<String> paths) {
    return readLines(spark, paths, List.of());
  }

  /**
   * As {@link #readLines(SparkSession, List)}; the {@code truncated} ones among the paths (compressed files cut
   * short, see {@link CompressedInputs}) are read up to the cut instead of failing the run.
   */
  public static Dataset<Row> readLines(SparkSession spark, List<String> paths, List<String> truncated) {
    return readLines(spark, paths, truncated, List.of());
  }

  /** As {@link #readLines(SparkSession, List, List)}; {@code plain} ones are read as plain text whatever their name. */
  public static Dataset<Row> readLines(SparkSession spark, List<String> paths, List<String> truncated,
                                       List<String> plain) {
    // A local file whose name holds a colon goes by the raw reader too (PlainLines).
    var byContent = new java.util.ArrayList<>(plain);
    paths.stream().filter(p -> !plain.contains(p) && !truncated.contains(p) && isLocalWithColon(p))
        .forEach(byContent::add);
    List<String> whole = paths.stream().filter(p -> !truncated.contains(p) && !byContent.contains(p)).toList();
    Dataset<Row> lines = whole.isEmpty() ? null : text(spark.read(), whole);
    if (!truncated.isEmpty()) {
      Dataset<Row> cut = text(spark.read().option("ignoreCorruptFiles", "true"), truncated);
      lines = lines == null ? cut : lines.unionByName(cut);
    }
    if (!byContent.isEmpty()) {
      Dataset<Row> misnamed = PlainLines.read(spark, byContent);
      lines = lines == null ? misnamed : lines.unionByName(misnamed);
    }
    // Numbered after the union: the row ids must be unique over every line read (dedup keys on them).
    return lines.withColumn(SOURCE_ROW, monotonically_increasing_id());
  }

  /** No lines, with the columns {@link #readLines} gives. */
  public static Dataset<Row> noLines(SparkSession spark) {
    var schema = new org.apache.spark.sql.types.StructType()
        .add(LINE, "string").add(SOURCE_FILE, "string").add(SOURCE_BLOCK, "long").add(SOURCE_ROW, "long");
    return spark.createDataFrame(List.of(), schema);
  }

  private static Dataset<Row> text(org.apache.spark.sql.DataFrameReader reader, List<String> paths) {
    return reader
        .format("text")
        .load(paths.stream().map(KaggleReader::exact).toArray(String[]::new))
        .select(
            col(LINE),
            sourceFile().as(SOURCE_FILE),
            col("_metadata.file_block_start").as(SOURCE_BLOCK));
  }

  /**
   * The file a row of a file source was read from, named as the input listing names it (Hadoop's path, as
   * {@code run-summary.json} shows it and the raw reader of {@link PlainLines} gives it). Spark's
   * {@code _metadata.file_path} is the file's URI, which escapes a space, a percent sign and the like
   * ({@code dump%202025.jsonl}): taken as it is, a file so named had its records counted against no input and
   * another name in the datasets than a file the raw reader read. A plus is itself in a URI, so it is kept from
   * {@code url_decode}, which reads one as a space.
   */
  static Column sourceFile() {
    return url_decode(replace(col("_metadata.file_path"), lit("+"), lit("%2B")));
  }

  private static boolean isLocalWithColon(String path) {
    Path p = new Path(path);
    String scheme = p.toUri().getScheme();
    return (scheme == null || scheme.equals("file")) && p.getName().contains(":");
  }

  /**
   * A resolved file's path as Spark must be given it to read that file and no other: Spark expands every path it is
   * given as a glob, so a file named {@code a[1].jsonl} or {@code {x}.jsonl} has its glob characters escaped.
   */
  static String exact(String path) {
    var sb = new StringBuilder(path.length());
    for (char c : path.toCharArray()) {
      if ("\\[]{}*?".indexOf(c) >= 0) {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }

  /**
   * Whether the line's record was read by {@link PlainRecordReader}: then the line check has nothing to say of it.
   */
  static final String PLAIN = "_plain";
  private static final String GENERAL = "_general";

  /** The record's text fields, which {@link #parse} gives collapsed ({@link Text#collapse}). */
  static final List<String> COLLAPSED = List.of(RAW_SUBMITTER, RAW_AUTHORS, RAW_TITLE, RAW_ABSTRACT, RAW_COMMENTS,
      RAW_JOURNAL_REF, RAW_DOI, RAW_REPORT_NO, RAW_LICENSE);

  /**
   * Adds the parsed record, its {@link #COLLAPSED} text fields collapsed; a line that is not a valid record gets its
   * text in {@code _corrupt_record}. A line with nothing unusual is read by {@link PlainRecordReader} (nearly every
   * line of a dump); the others by {@code from_json}, evaluated only for them.
   */
  public static Dataset<Row> parse(Dataset<Row> lines) {
    Column plain = udf(new PlainRecordReader(), Schemas.KAGGLE_RECORD).withName("plain_record")
        .apply(col(LINE).cast(DataTypes.BinaryType));
    Column general = col(GENERAL);
    Column collapsed = struct(Arrays.stream(Schemas.KAGGLE_RECORD.fieldNames())
        .map(f -> (COLLAPSED.contains(f) ? Text.collapse(general.getField(f)) : general.getField(f)).as(f))
        .toArray(Column[]::new));
    // Separate projections, so that from_json is evaluated once per line, not once per field it gives.
    return lines
        .withColumn(PLAIN, plain)
        .withColumn(GENERAL, when(col(PLAIN).isNull(),
            from_json(withoutBom(col(LINE)), Schemas.KAGGLE_RECORD, PERMISSIVE)))
        .withColumn(PARSED, coalesce(col(PLAIN), when(general.isNotNull(), collapsed)))
        .withColumn(PLAIN, col(PLAIN).isNotNull())
        .drop(GENERAL);
  }

  /** A byte order mark before the first record is an editor's, not the data's. */
  public static Column withoutBom(Column line) {
    // A byte-prefix test first: a regex over every line would decode and re-encode each one for nothing.
    return when(line.startsWith("\uFEFF"), regexp_replace(line, "^\uFEFF", "")).otherwise(line);
  }
}
