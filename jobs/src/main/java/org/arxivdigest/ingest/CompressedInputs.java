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

  /**
   * A compressed input that cannot be read to its end: cut short or damaged (read up to the damage), or not
   * compressed at all whatever its name says ({@code plain}: read as plain text).
   */
  public record Truncated(String path, String error, boolean plain) implements Serializable {}

  /** The first bytes of a gzip stream. */
  private static final byte[] GZIP = {0x1f, (byte) 0x8b};
  /** The first bytes of a bzip2 stream. */
  private static final byte[] BZIP2 = {'B', 'Z', 'h'};

  /**
   * The file system without Hadoop's checksum layer (local files): that layer opens a {@code .crc} side file whose
   * name it cannot build for a file name with a colon. The job never writes checksums, so none is lost.
   */
  static FileSystem raw(FileSystem fs) {
    return fs instanceof org.apache.hadoop.fs.ChecksumFileSystem c ? c.getRawFileSystem() : fs;
  }

  /** The stream decompressed if it starts as gzip or bzip2 does, else as it is. */
  static InputStream decompressed(BufferedInputStream in) throws IOException {
    in.mark(3);
    byte[] head = in.readNBytes(3);
    in.reset();
    if (head.length >= 2 && head[0] == GZIP[0] && head[1] == GZIP[1]) {
      return new java.util.zip.GZIPInputStream(in, 1 << 16);
    }
    if (head.length == 3 && java.util.Arrays.equals(head, BZIP2)) {
      return new org.apache.hadoop.io.compress.BZip2Codec().createInputStream(in);
    }
    return in;
  }

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
    FileSystem fs = raw(p.getFileSystem(conf.value().value()));
    byte[] magic = path.toLowerCase(java.util.Locale.ROOT).endsWith(".gz") ? GZIP : BZIP2;
    try (InputStream raw = fs.open(p)) {
      byte[] head = raw.readNBytes(magic.length);
      if (head.length > 0 && !java.util.Arrays.equals(head, magic)) {
        return new Truncated(path, "not " + (magic == GZIP ? "gzip" : "bzip2") + " despite its name: read as plain "
            + "text", true);
      }
    }
    CompressionCodec codec = new CompressionCodecFactory(conf.value().value()).getCodec(p);
    try (InputStream in = new BufferedInputStream(codec.createInputStream(fs.open(p)), 1 << 16)) {
      byte[] buffer = new byte[1 << 16];
      while (in.read(buffer) > 0) {
        // read to the end: a stream cut short throws
      }
      return null;
    } catch (IOException | RuntimeException e) {
      // Hadoop's bzip2 decoder fails on a damaged block with ArrayIndexOutOfBoundsException and the like, not an
      // IOException: damage anywhere is a cut at that point, read up to it.
      return new Truncated(path, e.getClass().getSimpleName() + ": " + e.getMessage(), false);
    }
  }
}
