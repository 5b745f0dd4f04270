package org.arxivdigest.publish;

import static org.arxivdigest.schema.Columns.CONTENT;
import static org.arxivdigest.schema.Columns.PATH;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.util.SerializableConfiguration;
import org.arxivdigest.io.HadoopFiles;
import org.arxivdigest.schema.Schemas;

/** Writes rendered site files from the executors, through Hadoop's FileSystem API, under a staging root. */
public final class SiteFiles {
  private SiteFiles() {}

  public static void write(Dataset<Row> files, String stagingRoot) {
    var spark = files.sparkSession();
    Broadcast<SerializableConfiguration> conf = SerializableConfiguration.broadcast(spark.sparkContext(),
        spark.sparkContext().hadoopConfiguration());
    files.foreachPartition(new WritePartition(stagingRoot, conf));
  }

  // Rows made by a map function carry no schema: read them by position.
  private static final int PATH_INDEX = Schemas.SITE_FILE.fieldIndex(PATH);
  private static final int CONTENT_INDEX = Schemas.SITE_FILE.fieldIndex(CONTENT);

  static final class WritePartition implements ForeachPartitionFunction<Row> {
    private static final long serialVersionUID = 1L;
    private final String root;
    private final Broadcast<SerializableConfiguration> conf;

    WritePartition(String root, Broadcast<SerializableConfiguration> conf) {
      this.root = root;
      this.conf = conf;
    }

    @Override
    public void call(Iterator<Row> rows) throws IOException {
      FileSystem fs = null;
      while (rows.hasNext()) {
        Row row = rows.next();
        Path path = new Path(root, row.getString(PATH_INDEX));
        if (fs == null) {
          fs = HadoopFiles.fileSystem(path, conf.value().value());
        }
        try (FSDataOutputStream out = fs.create(path, true)) {
          out.write(row.getString(CONTENT_INDEX).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new UncheckedIOException("writing " + path, e);
        }
      }
    }
  }
}
