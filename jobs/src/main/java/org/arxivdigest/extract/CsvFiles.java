package org.arxivdigest.extract;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.SerializableConfiguration;
import org.arxivdigest.core.ControlCharacters;
import org.arxivdigest.io.HadoopFiles;

/**
 * Writes a dataset as CSV files (RFC 4180, header row, UTF-8, CRLF line ends) from the executors, with commons-csv:
 * rows are sent to one task per file, sorted there, and streamed out, so no file passes through the driver. Values are
 * rendered by Spark first: timestamps as ISO-8601 UTC, dates as yyyy-MM-dd, lists of strings joined by {@value
 * #LIST_SEPARATOR}, nulls as empty fields; control characters (C0 but tab, newline, carriage return; DEL; C1) are
 * dropped. Each file is written twice in the same pass: exact, for pandas, DuckDB and other readers, and under {@value
 * #SPREADSHEET}/ with every text field that a spreadsheet would take for a formula prefixed with {@code '} (OWASP's CSV
 * injection advice).
 */
public final class CsvFiles {
  private CsvFiles() {}

  /** The format of every extract: RFC 4180 (quotes only where needed, "" inside quotes), header row. */
  public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setNullString("").get();

  private static final String FILE = "_file";

  /** The folder of the spreadsheet-safe copies, beside the exact files. */
  public static final String SPREADSHEET = "spreadsheet";

  /**
   * Writes {@code rows} (columns as in {@code schema}) to {@code dir/<fileName>.csv}, one file per value of
   * {@code fileName}, each sorted by {@code order}. Every name in {@code expected} gets a file, header only when
   * it has no rows, so a reader never finds a file missing.
   */
  public static void write(Dataset<Row> rows, StructType schema, Column fileName, Column[] order, String dir,
                           List<String> expected) {
    write(rows, schema, fileName, order, dir, true, null);
    writeMissing(rows.sparkSession(), schema, dir, expected);
  }

  /**
   * As {@link #write}, and returns where each run of rows with the same value of the column {@code segment} lies
   * in its files (as sorted by {@code order}, the segment's runs are contiguous).
   */
  static List<Segment> writeWithSegments(Dataset<Row> rows, StructType schema, Column fileName, Column[] order,
                                         String dir, List<String> expected, String segment) {
    var segments = rows.sparkSession().sparkContext().<Segment>collectionAccumulator("csv segments");
    write(rows, schema, fileName, order, dir, true, new Segments(List.of(schema.fieldNames()).indexOf(segment),
        segments));
    writeMissing(rows.sparkSession(), schema, dir, expected);
    return List.copyOf(segments.value());
  }

  /**
   * Writes rows as {@link #write} does but without a header: parts of files that are put together later
   * ({@link ListingExtracts}). No file for a name without rows.
   */
  static void writeParts(Dataset<Row> rows, StructType schema, Column fileName, Column[] order, String dir) {
    write(rows, schema, fileName, order, dir, false, null);
  }

  /**
   * A run of rows with one value ({@code segment}) of a file ({@code file}, its name without .csv): its bytes
   * from {@code start} to {@code end} in the exact file, from {@code safeStart} to {@code safeEnd} in the
   * spreadsheet copy.
   */
  record Segment(String file, String segment, long start, long end, long safeStart, long safeEnd)
      implements java.io.Serializable {}

  /** The column whose runs are recorded (its index in the schema), and where they go. */
  private record Segments(int column, CollectionAccumulator<Segment> into) implements java.io.Serializable {}

  private static void write(Dataset<Row> rows, StructType schema, Column fileName, Column[] order, String dir,
                            boolean header, Segments segments) {
    var text = new ArrayList<Column>();
    text.add(col(FILE));
    for (StructField f : schema.fields()) {
      text.add(asText(f).as(f.name()));
    }
    var sort = new ArrayList<Column>();
    sort.add(col(FILE));
    sort.addAll(List.of(order));
    var spark = rows.sparkSession();
    Broadcast<SerializableConfiguration> conf = SerializableConfiguration.broadcast(spark.sparkContext(),
        spark.sparkContext().hadoopConfiguration());
    rows.withColumn(FILE, fileName).repartition(col(FILE)).sortWithinPartitions(sort.toArray(Column[]::new))
        .select(text.toArray(Column[]::new))
        .foreachPartition(new WritePartition(dir, schema.fieldNames(), header, textColumns(schema), segments,
            conf));
  }

  /** A header-only file (and its spreadsheet copy) for each name in {@code expected} that has none. */
  private static void writeMissing(SparkSession spark, StructType schema, String dir, List<String> expected) {
    var hadoop = spark.sparkContext().hadoopConfiguration();
    for (String name : expected) {
      for (String folder : List.of(dir, dir + "/" + SPREADSHEET)) {
        Path path = new Path(folder, name + ".csv");
        try {
          if (!HadoopFiles.fileSystem(path, hadoop).exists(path)) {
            HadoopFiles.writeString(hadoop, path.toString(), header(schema.fieldNames()));
          }
        } catch (IOException e) {
          throw new UncheckedIOException("writing " + path, e);
        }
      }
    }
  }

  /** How a list of strings (authors, categories) is one field: its items joined by this. */
  public static final String LIST_SEPARATOR = "; ";

  private static boolean isStrings(StructField f) {
    return f.dataType() instanceof ArrayType a && a.elementType().equals(DataTypes.StringType);
  }

  private static boolean[] textColumns(StructType schema) {
    StructField[] fields = schema.fields();
    var text = new boolean[fields.length];
    for (int i = 0; i < fields.length; i++) {
      text[i] = fields[i].dataType().equals(DataTypes.StringType) || isStrings(fields[i]);
    }
    return text;
  }

  /**
   * A text field as a spreadsheet may open it safely: one starting with {@code =}, {@code +}, {@code -},
   * {@code @}, tab or carriage return gets a leading {@code '}, so that it shows as text instead of running as a
   * formula.
   */
  static String spreadsheetSafe(String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    return switch (value.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
      default -> value;
    };
  }

  /** A file's header line, as {@link #write} begins each file. */
  static String header(String[] header) {
    var out = new java.io.StringWriter();
    try (var printer = new CSVPrinter(out, FORMAT.builder().setHeader(header).get())) {
      printer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }

  private static Column asText(StructField f) {
    Column c = col(f.name());
    if (f.dataType().equals(DataTypes.TimestampType)) {
      return date_format(c, "yyyy-MM-dd'T'HH:mm:ss'Z'");
    }
    if (isStrings(f)) {
      return array_join(c, LIST_SEPARATOR);
    }
    return c.cast(DataTypes.StringType);
  }

  /** An open file: its printer, and the stream under it, whose position says how many bytes were written. */
  private record Out(CSVPrinter printer, FSDataOutputStream stream) {
    long position() throws IOException {
      printer.flush();
      return stream.getPos();
    }
  }

  static final class WritePartition implements ForeachPartitionFunction<Row> {
    private static final long serialVersionUID = 1L;
    private final String dir;
    private final String[] header;
    private final boolean withHeader;
    private final boolean[] text;
    private final Segments segments;
    private final Broadcast<SerializableConfiguration> conf;

    WritePartition(String dir, String[] header, boolean withHeader, boolean[] text, Segments segments,
                   Broadcast<SerializableConfiguration> conf) {
      this.dir = dir;
      this.header = header;
      this.withHeader = withHeader;
      this.text = text;
      this.segments = segments;
      this.conf = conf;
    }

    private Out open(String folder, String file) throws IOException {
      Path path = new Path(folder, file + ".csv");
      FileSystem fs = HadoopFiles.fileSystem(path, conf.value().value());
      FSDataOutputStream stream = fs.create(path, true);
      Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
      return new Out(new CSVPrinter(out, withHeader ? FORMAT.builder().setHeader(header).get() : FORMAT), stream);
    }

    @Override
    public void call(Iterator<Row> rows) throws IOException {
      String current = null;
      Out exact = null;
      Out safe = null;
      String segment = null;
      long start = 0;
      long safeStart = 0;
      var values = new String[header.length];
      var safeValues = new String[header.length];
      try {
        while (rows.hasNext()) {
          Row row = rows.next();
          String file = row.getString(0);
          for (int i = 0; i < values.length; i++) {
            values[i] = ControlCharacters.strip(row.getString(i + 1));
            safeValues[i] = text[i] ? spreadsheetSafe(values[i]) : values[i];
          }
          if (!file.equals(current)) {
            if (segment != null) {
              segments.into().add(new Segment(current, segment, start, exact.position(), safeStart,
                  safe.position()));
              segment = null;
            }
            close(exact, safe);
            exact = open(dir, file);
            safe = open(dir + "/" + SPREADSHEET, file);
            current = file;
          }
          if (segments != null && !values[segments.column()].equals(segment)) {
            long end = exact.position();
            long safeEnd = safe.position();
            if (segment != null) {
              segments.into().add(new Segment(current, segment, start, end, safeStart, safeEnd));
            }
            segment = values[segments.column()];
            start = end;
            safeStart = safeEnd;
          }
          exact.printer().printRecord((Object[]) values);
          safe.printer().printRecord((Object[]) safeValues);
        }
        if (segment != null) {
          segments.into().add(new Segment(current, segment, start, exact.position(), safeStart, safe.position()));
        }
      } finally {
        close(exact, safe);
      }
    }

    private static void close(Out... outs) throws IOException {
      for (Out o : outs) {
        if (o != null) {
          o.printer().close();
        }
      }
    }
  }
}
