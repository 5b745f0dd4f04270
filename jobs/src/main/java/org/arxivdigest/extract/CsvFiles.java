package org.arxivdigest.extract;

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
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;
import org.arxivdigest.io.HadoopFiles;

/**
 * Writes a dataset as CSV files (RFC 4180, header row, UTF-8, CRLF line ends) from the executors, with
 * commons-csv: rows are sent to one task per file, sorted there, and streamed out, so no file passes through the
 * driver. Values are rendered by Spark first: timestamps as ISO-8601 UTC, dates as yyyy-MM-dd, nulls as empty
 * fields.
 */
public final class CsvFiles {
  private CsvFiles() {}

  /** The format of every extract: RFC 4180 (quotes only where needed, "" inside quotes), header row. */
  public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setNullString("").get();

  private static final String FILE = "_file";

  /**
   * Writes {@code rows} (columns as in {@code schema}) to {@code dir/<fileName>.csv}, one file per value of
   * {@code fileName}, each sorted by {@code order}. Every name in {@code expected} gets a file, header only when
   * it has no rows, so a reader never finds a file missing.
   */
  public static void write(Dataset<Row> rows, StructType schema, Column fileName, Column[] order, String dir,
                           List<String> expected) {
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
        .foreachPartition(new WritePartition(dir, schema.fieldNames(), conf));
    var hadoop = spark.sparkContext().hadoopConfiguration();
    for (String name : expected) {
      Path path = new Path(dir, name + ".csv");
      try {
        if (!HadoopFiles.fileSystem(path, hadoop).exists(path)) {
          HadoopFiles.writeString(hadoop, path.toString(), headerOnly(schema.fieldNames()));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("writing " + path, e);
      }
    }
  }

  private static String headerOnly(String[] header) throws IOException {
    var out = new java.io.StringWriter();
    try (var printer = new CSVPrinter(out, FORMAT.builder().setHeader(header).get())) {
      printer.flush();
    }
    return out.toString();
  }

  private static Column asText(StructField f) {
    Column c = col(f.name());
    if (f.dataType().equals(DataTypes.TimestampType)) {
      return date_format(c, "yyyy-MM-dd'T'HH:mm:ss'Z'");
    }
    return c.cast(DataTypes.StringType);
  }

  static final class WritePartition implements ForeachPartitionFunction<Row> {
    private static final long serialVersionUID = 1L;
    private final String dir;
    private final String[] header;
    private final Broadcast<SerializableConfiguration> conf;

    WritePartition(String dir, String[] header, Broadcast<SerializableConfiguration> conf) {
      this.dir = dir;
      this.header = header;
      this.conf = conf;
    }

    @Override
    public void call(Iterator<Row> rows) throws IOException {
      String current = null;
      CSVPrinter printer = null;
      var values = new String[header.length];
      try {
        while (rows.hasNext()) {
          Row row = rows.next();
          String file = row.getString(0);
          if (!file.equals(current)) {
            if (printer != null) {
              printer.close();
            }
            Path path = new Path(dir, file + ".csv");
            FileSystem fs = HadoopFiles.fileSystem(path, conf.value().value());
            Writer out = new OutputStreamWriter(fs.create(path, true), StandardCharsets.UTF_8);
            printer = new CSVPrinter(out, FORMAT.builder().setHeader(header).get());
            current = file;
          }
          for (int i = 0; i < values.length; i++) {
            values[i] = row.getString(i + 1);
          }
          printer.printRecord((Object[]) values);
        }
      } finally {
        if (printer != null) {
          printer.close();
        }
      }
    }
  }
}
