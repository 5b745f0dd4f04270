package org.arxivdigest.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionInputStream;
import org.apache.hadoop.io.compress.CompressionOutputStream;
import org.apache.hadoop.io.compress.Compressor;
import org.apache.hadoop.io.compress.Decompressor;

/**
 * Hadoop codecs that read a file as it is, for files named {@code .gz} or {@code .bz2} that are not compressed
 * (a harvester saved a plain page under a compressed name). A data source picks its codec by the file's suffix;
 * Hadoop's codec factory lets the codecs of {@code io.compression.codecs} override the built-in ones for their
 * suffix, so a scan of such files only (with {@link #OPTION} set on its reader) reads their bytes unchanged, where
 * the gzip codec would fail the run with "not a gzip file". Only reading is supported.
 */
public abstract class NotCompressed implements CompressionCodec {
  /** The reader option, naming both codecs. */
  public static final String OPTION = "io.compression.codecs";
  public static final String CODECS = Gz.class.getName() + "," + Bz2.class.getName();

  /** For {@code .gz} names. */
  public static final class Gz extends NotCompressed {
    @Override
    public String getDefaultExtension() {
      return ".gz";
    }
  }

  /** For {@code .bz2} names. */
  public static final class Bz2 extends NotCompressed {
    @Override
    public String getDefaultExtension() {
      return ".bz2";
    }
  }

  @Override
  public CompressionInputStream createInputStream(InputStream in) throws IOException {
    return new Plain(in);
  }

  @Override
  public CompressionInputStream createInputStream(InputStream in, Decompressor decompressor) throws IOException {
    return new Plain(in);
  }

  @Override
  public Class<? extends Decompressor> getDecompressorType() {
    return null;
  }

  @Override
  public Decompressor createDecompressor() {
    return null;
  }

  @Override
  public CompressionOutputStream createOutputStream(OutputStream out) {
    throw new UnsupportedOperationException("reading only");
  }

  @Override
  public CompressionOutputStream createOutputStream(OutputStream out, Compressor compressor) {
    throw new UnsupportedOperationException("reading only");
  }

  @Override
  public Class<? extends Compressor> getCompressorType() {
    return null;
  }

  @Override
  public Compressor createCompressor() {
    return null;
  }

  /** The bytes as they are. */
  private static final class Plain extends CompressionInputStream {
    Plain(InputStream in) throws IOException {
      super(in);
    }

    @Override
    public int read() throws IOException {
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return in.read(b, off, len);
    }

    @Override
    public void resetState() {
      // no state
    }
  }
}
