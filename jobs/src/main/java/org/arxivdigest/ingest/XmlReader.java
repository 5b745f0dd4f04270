package org.arxivdigest.ingest;

import static org.apache.spark.sql.functions.col;
import static org.arxivdigest.schema.Columns.CORRUPT_RECORD;
import static org.arxivdigest.schema.Columns.SOURCE_BLOCK;
import static org.arxivdigest.schema.Columns.SOURCE_FILE;

import java.util.List;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Reads XML records with Spark's own XML data source: one row per {@code rowTag} element, an explicit schema, a
 * record that is not well-formed kept whole in {@code _corrupt_record}. Spark's record tokenizer (the "legacy"
 * XML parser, {@link #LEGACY_PARSER}) is used: it cuts the file into records first and parses each alone, so a bad
 * record costs only itself, where the streaming parser gives up the rest of the file at the first error.
 */
final class XmlReader {
  private XmlReader() {}

  /** The session setting that picks the record tokenizer. */
  static final String LEGACY_PARSER = "spark.sql.legacy.useLegacyXMLParser";

  /**
   * XML files to read: {@code cut} (compressed files cut short, read up to the cut) and {@code plain} (named
   * {@code .gz} or {@code .bz2} but not compressed, read as plain text) are among {@code paths}.
   */
  public record Files(List<String> paths, List<String> cut, List<String> plain) {
    /** {@code paths}, with those of {@code cut} and {@code plain} (lists of any inputs) that are among them. */
    public static Files of(List<String> paths, List<String> cut, List<String> plain) {
      return new Files(paths, cut.stream().filter(paths::contains).toList(),
          plain.stream().filter(paths::contains).toList());
    }
  }

  /** The {@code rowTag} elements of the files, with their file and split start. */
  static Dataset<Row> read(SparkSession spark, String rowTag, StructType schema, Files files) {
    spark.conf().set(LEGACY_PARSER, "true"); // read when the scan is planned, at the action
    List<String> whole = files.paths().stream()
        .filter(p -> !files.cut().contains(p) && !files.plain().contains(p)).toList();
    var frames = new java.util.ArrayList<Dataset<Row>>();
    if (!whole.isEmpty()) {
      frames.add(load(reader(spark, rowTag, schema), whole));
    }
    if (!files.cut().isEmpty()) {
      frames.add(load(reader(spark, rowTag, schema).option("ignoreCorruptFiles", "true"), files.cut()));
    }
    if (!files.plain().isEmpty()) {
      frames.add(load(reader(spark, rowTag, schema)
          .option(NotCompressed.OPTION, NotCompressed.CODECS), files.plain()));
    }
    return frames.stream().reduce(Dataset::unionByName).orElseThrow();
  }

  private static DataFrameReader reader(SparkSession spark, String rowTag, StructType schema) {
    return spark.read()
        .format("xml")
        .schema(schema)
        .option("rowTag", rowTag)
        .option("mode", "PERMISSIVE")
        .option("columnNameOfCorruptRecord", CORRUPT_RECORD);
  }

  private static Dataset<Row> load(DataFrameReader reader, List<String> paths) {
    return reader.load(paths.stream().map(KaggleReader::exact).toArray(String[]::new))
        .select(col("*"), KaggleReader.sourceFile().as(SOURCE_FILE),
            col("_metadata.file_block_start").as(SOURCE_BLOCK));
  }
}
