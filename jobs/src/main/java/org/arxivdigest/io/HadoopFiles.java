package org.arxivdigest.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Everything the job writes outside Spark's writers goes through Hadoop's FileSystem API, so that the output root
 * may be local, HDFS or S3. Files are written beside their target and renamed into place.
 */
public final class HadoopFiles {
  private HadoopFiles() {}

  /**
   * The file system of a path, without Hadoop's {@code .crc} side files on local disks: the site and the summary
   * are read by people and browsers, not by Hadoop.
   */
  public static FileSystem fileSystem(Path path, Configuration conf) throws IOException {
    FileSystem fs = path.getFileSystem(conf);
    fs.setWriteChecksum(false);
    return fs;
  }

  /**
   * As {@link #writeString}, but leaves the file alone (its bytes and its modification time) when it already holds
   * exactly {@code text}. Returns whether it wrote.
   */
  public static boolean writeStringIfChanged(Configuration conf, String target, String text) {
    Path dest = new Path(target);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    try {
      FileSystem fs = fileSystem(dest, conf);
      if (fs.exists(dest) && fs.getFileStatus(dest).getLen() == bytes.length) {
        try (var in = fs.open(dest)) {
          if (java.util.Arrays.equals(in.readAllBytes(), bytes)) {
            return false;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + target, e);
    }
    writeString(conf, target, text);
    return true;
  }

  /** Whether two directories hold the same file names with the same bytes (recursively). */
  public static boolean sameFiles(Configuration conf, String a, String b) {
    try {
      FileSystem fs = fileSystem(new Path(a), conf);
      if (!fs.exists(new Path(a)) || !fs.exists(new Path(b))) {
        return false;
      }
      java.util.Map<String, FileStatus> left = listFiles(fs, new Path(a));
      java.util.Map<String, FileStatus> right = listFiles(fs, new Path(b));
      if (!left.keySet().equals(right.keySet())) {
        return false;
      }
      for (var e : left.entrySet()) {
        FileStatus other = right.get(e.getKey());
        if (e.getValue().getLen() != other.getLen()) {
          return false;
        }
        try (var x = fs.open(e.getValue().getPath()); var y = fs.open(other.getPath())) {
          if (!java.util.Arrays.equals(x.readAllBytes(), y.readAllBytes())) {
            return false;
          }
        }
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("comparing " + a + " with " + b, e);
    }
  }

  /** Every file under {@code root}, by its path relative to it, with its status (size, modification time). */
  public static java.util.SortedMap<String, FileStatus> listFiles(FileSystem fs, Path root) throws IOException {
    var out = new java.util.TreeMap<String, FileStatus>();
    String prefix = fs.makeQualified(root).toString();
    var it = fs.listFiles(root, true);
    while (it.hasNext()) {
      FileStatus f = it.next();
      out.put(fs.makeQualified(f.getPath()).toString().substring(prefix.length()), f);
    }
    return out;
  }

  /** Whether {@code target} exists; a file system that cannot tell is an error. */
  public static boolean exists(Configuration conf, String target) {
    Path p = new Path(target);
    try {
      return fileSystem(p, conf).exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException("checking " + target, e);
    }
  }

  /** A small text file's content, or null when there is none. */
  public static String readString(Configuration conf, String target) {
    Path p = new Path(target);
    try {
      FileSystem fs = fileSystem(p, conf);
      if (!fs.exists(p)) {
        return null;
      }
      try (var in = fs.open(p)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + target, e);
    }
  }

  public static void writeString(Configuration conf, String target, String text) {
    Path dest = new Path(target);
    Path temp = new Path(dest.getParent(), "." + dest.getName() + ".tmp");
    try {
      FileSystem fs = fileSystem(dest, conf);
      try (FSDataOutputStream out = fs.create(temp, true)) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
      if (fs.exists(dest) && !fs.delete(dest, false)) {
        throw new IOException("cannot replace " + dest);
      }
      if (!fs.rename(temp, dest)) {
        throw new IOException("cannot rename " + temp + " to " + dest);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + target, e);
    }
  }

  /**
   * Puts a fully written directory in place of {@code target}: the old one is moved aside, the new one renamed in,
   * then the old one removed. A crash before the rename leaves the previous version readable.
   */
  public static void replaceDirectory(Configuration conf, String staged, String target) {
    Path from = new Path(staged);
    Path dest = new Path(target);
    Path old = new Path(dest.getParent(), "." + dest.getName() + ".old");
    try {
      FileSystem fs = dest.getFileSystem(conf);
      fs.delete(old, true);
      fs.mkdirs(dest.getParent());
      if (fs.exists(dest) && !fs.rename(dest, old)) {
        throw new IOException("cannot move aside " + dest);
      }
      if (!fs.rename(from, dest)) {
        throw new IOException("cannot rename " + from + " to " + dest);
      }
      fs.delete(old, true);
    } catch (IOException e) {
      throw new UncheckedIOException("replacing " + target, e);
    }
  }

  /** The bytes of the files under a folder, or -1 when it does not exist. */
  public static long size(Configuration conf, String dir) {
    Path p = new Path(dir);
    try {
      FileSystem fs = p.getFileSystem(conf);
      return fs.exists(p) ? fs.getContentSummary(p).getLength() : -1;
    } catch (IOException e) {
      throw new UncheckedIOException("sizing " + dir, e);
    }
  }

  /** The Parquet files directly in a folder (none when it does not exist). */
  public static java.util.List<Path> dataFiles(Configuration conf, String dir) {
    Path p = new Path(dir);
    try {
      FileStatus[] found = p.getFileSystem(conf).globStatus(new Path(p, "*.parquet"));
      return found == null ? java.util.List.of() : java.util.Arrays.stream(found).map(FileStatus::getPath).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("listing " + dir, e);
    }
  }

  /** The partition folders of a dataset partitioned by {@code depth} columns, as keys ({@code "topic=x/month=y"}). */
  public static java.util.List<String> partitionKeys(Configuration conf, String dataset, int depth) {
    Path dir = new Path(dataset);
    try {
      FileSystem fs = dir.getFileSystem(conf);
      FileStatus[] found = fs.globStatus(new Path(dir, String.join("/", java.util.Collections.nCopies(depth,
          "[!._]*=*"))));
      var keys = new java.util.ArrayList<String>();
      String root = fs.makeQualified(dir).toString() + "/";
      for (FileStatus f : found == null ? new FileStatus[0] : found) {
        if (f.isDirectory()) {
          keys.add(fs.makeQualified(f.getPath()).toString().substring(root.length()));
        }
      }
      return keys;
    } catch (IOException e) {
      throw new UncheckedIOException("listing the partitions of " + dataset, e);
    }
  }

  public static void deleteRecursively(Configuration conf, String target) {
    Path path = new Path(target);
    try {
      path.getFileSystem(conf).delete(path, true);
    } catch (IOException e) {
      throw new UncheckedIOException("deleting " + target, e);
    }
  }

  /** Removes a directory if nothing is left in it (the shared parent of per-run work folders). */
  public static void deleteIfEmpty(Configuration conf, String target) {
    Path path = new Path(target);
    try {
      FileSystem fs = path.getFileSystem(conf);
      if (fs.exists(path) && fs.listStatus(path).length == 0) {
        fs.delete(path, false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("deleting " + target, e);
    }
  }

  /**
   * Fails with a usage error naming the missing dataset and the command that makes it, instead of Spark's
   * "path does not exist" stack trace, when a command runs before the one it reads from.
   */
  public static void requireDataset(Configuration conf, String path, String madeBy) {
    Path p = new Path(path);
    try {
      if (!p.getFileSystem(conf).exists(p)) {
        throw new org.arxivdigest.core.UsageException("no dataset at " + path + ": run `arxiv-digest " + madeBy
            + "` first (or `run`)");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("checking " + path, e);
    }
  }
}
