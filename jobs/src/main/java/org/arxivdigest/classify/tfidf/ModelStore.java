package org.arxivdigest.classify.tfidf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.arxivdigest.core.UsageException;
import org.arxivdigest.io.HadoopFiles;

/**
 * Model folders: {@code <root>/<kind>/<version>/} (and {@code <root>/topic/<slug>/<version>/}), never overwritten,
 * and a small {@code LATEST} file beside the versions naming the newest, written last.
 */
public final class ModelStore {
  private final String root;
  private final Configuration conf;

  private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  public ModelStore(String root, Configuration conf) {
    this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    this.conf = conf;
  }

  /** {@code category}, {@code archive} or {@code topic/<slug>}. */
  public static String kindPath(ModelKind kind, String topic) {
    return kind == ModelKind.TOPIC ? "topic/" + topic : kind.dir();
  }

  /** The folder of all models. */
  public String root() {
    return root;
  }

  public String kindDir(String kindPath) {
    return root + "/" + kindPath;
  }

  /** A fresh version folder name: the time, with a counter if that folder exists already. */
  public String newVersion(String kindPath) {
    String base = VERSION.format(Instant.now());
    try {
      FileSystem fs = new Path(root).getFileSystem(conf);
      String version = base;
      for (int i = 2; fs.exists(new Path(kindDir(kindPath), version)); i++) {
        version = base + "-" + i;
      }
      return version;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String versionDir(String kindPath, String version) {
    return kindDir(kindPath) + "/" + version;
  }

  public void markLatest(String kindPath, String version) {
    HadoopFiles.writeString(conf, kindDir(kindPath) + "/LATEST", version + "\n");
  }

  /** The folder of the newest version of a kind, or null when none was trained. */
  public String latest(String kindPath) {
    Path latest = new Path(kindDir(kindPath) + "/LATEST");
    try {
      FileSystem fs = latest.getFileSystem(conf);
      if (!fs.exists(latest)) {
        return null;
      }
      try (InputStream in = fs.open(latest)) {
        String version = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!version.matches("[0-9A-Za-z_.-]+")) {
          throw new UsageException("bad model version in " + latest + ": \"" + version + "\"");
        }
        return versionDir(kindPath, version);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
