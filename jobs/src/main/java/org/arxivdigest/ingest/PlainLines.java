package org.arxivdigest.ingest;

import static org.apache.spark.sql.functions.col;
import static org.arxivdigest.schema.Columns.LINE;
import static org.arxivdigest.schema.Columns.SOURCE_BLOCK;
import static org.arxivdigest.schema.Columns.SOURCE_FILE;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Reads files by what they hold rather than by what their names say, with the file system's raw reader:
 * <ul>
 *   <li>a file named {@code .gz} or {@code .bz2} that is not compressed ({@link CompressedInputs}) is read as plain
 *   text, where the codec its name picks would fail;</li>
 *   <li>a local file whose name holds a colon ({@code 2025-05-01T10:00:00.jsonl}): Hadoop's checksumming local
 *   file system takes the name of its {@code .crc} side file for a URI and fails to open it; the raw one opens
 *   it, and a gzip or bzip2 stream (by its first bytes) is decompressed.</li>
 * </ul>
 * One task per file; lines end at LF, CR LF or CR as in Spark's text source, and keep their bytes (invalid UTF-8
 * included, so that it is quarantined as such), in the columns {@link KaggleReader#readLines} gives.
 */
final class PlainLines {
  private PlainLines() {}

  private static final StructType BYTES = new StructType()
      .add(LINE, DataTypes.BinaryType, false)
      .add(SOURCE_FILE, DataTypes.StringType, false)
      .add(SOURCE_BLOCK, DataTypes.LongType, false);

  static Dataset<Row> read(SparkSession spark, List<String> paths) {
    var jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<SerializableConfiguration> conf = SerializableConfiguration.broadcast(spark.sparkContext(),
        spark.sparkContext().hadoopConfiguration());
    return spark.createDataFrame(jsc.parallelize(paths, paths.size()).flatMap(new Lines(conf)), BYTES)
        .select(col(LINE).cast(DataTypes.StringType).as(LINE), col(SOURCE_FILE), col(SOURCE_BLOCK));
  }

  /** A file's lines, streamed. */
  static final class Lines implements FlatMapFunction<String, Row> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<SerializableConfiguration> conf;

    Lines(Broadcast<SerializableConfiguration> conf) {
      this.conf = conf;
    }

    @Override
    public Iterator<Row> call(String path) throws IOException {
      Path p = new Path(path);
      FileSystem fs = CompressedInputs.raw(p.getFileSystem(conf.value().value()));
      String file = fs.makeQualified(p).toString();
      InputStream in = CompressedInputs.decompressed(new BufferedInputStream(fs.open(p), 1 << 16));
      return new Iterator<>() {
        private byte[] next = readLine();

        private byte[] readLine() {
          try {
            var line = new ByteArrayOutputStream();
            int b = in.read();
            if (b < 0) {
              in.close();
              return null;
            }
            while (b >= 0 && b != '\n' && b != '\r') {
              line.write(b);
              b = in.read();
            }
            if (b == '\r') {
              in.mark(1);
              if (in.read() != '\n') {
                in.reset();
              }
            }
            return line.toByteArray();
          } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
          }
        }

        @Override
        public boolean hasNext() {
          return next != null;
        }

        @Override
        public Row next() {
          if (next == null) {
            throw new NoSuchElementException();
          }
          Row row = RowFactory.create(next, file, 0L);
          next = readLine();
          return row;
        }
      };
    }
  }
}
