package org.arxivdigest.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Finds compressed inputs that are cut short (a download or copy that stopped): each gzip or bzip2 file is read
 * to its end once, on the executors, one task per file. Spark would otherwise fail the whole run on such a file
 * or, told to ignore corrupt files, drop its tail without a word; ingest instead reads what the file holds up to
 * the cut and names the file in the run summary.
 */
public final class CompressedInputs {
  private CompressedInputs() {}

  /** A compressed file whose stream ends before its end, and the error reading it gave. */
  public record Truncated(String path, String error) implements Serializable {}

  public static boolean isCompressed(String path) {
    String p = path.toLowerCase(java.util.Locale.ROOT);
    return p.endsWith(".gz") || p.endsWith(".bz2");
  }

  /** The truncated ones among {@code paths} (other paths are not read). */
  public static List<Truncated> findTruncated(SparkSession spark, List<String> paths) {
    List<String> compressed = paths.stream().filter(CompressedInputs::isCompressed).toList();
    if (compressed.isEmpty()) {
      return List.of();
    }
    var jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<SerializableConfiguration> conf = SerializableConfiguration.broadcast(spark.sparkContext(),
        spark.sparkContext().hadoopConfiguration());
    var out = new ArrayList<Truncated>();
    for (Truncated t : jsc.parallelize(compressed, compressed.size()).map(path -> check(path, conf)).collect()) {
      if (t != null) {
        out.add(t);
      }
    }
    out.sort(java.util.Comparator.comparing(Truncated::path));
    return out;
  }

  private static Truncated check(String path, Broadcast<SerializableConfiguration> conf) throws IOException {
    Path p = new Path(path);
    FileSystem fs = p.getFileSystem(conf.value().value());
    CompressionCodec codec = new CompressionCodecFactory(conf.value().value()).getCodec(p);
    try (InputStream in = new BufferedInputStream(codec.createInputStream(fs.open(p)), 1 << 16)) {
      byte[] buffer = new byte[1 << 16];
      while (in.read(buffer) > 0) {
        // read to the end: a stream cut short throws
      }
      return null;
    } catch (IOException e) {
      return new Truncated(path, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }
}
