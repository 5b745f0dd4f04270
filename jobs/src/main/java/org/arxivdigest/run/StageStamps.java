package org.arxivdigest.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.arxivdigest.core.Json;
import org.arxivdigest.io.HadoopFiles;
import org.arxivdigest.io.Manifests;
import org.arxivdigest.io.OutputLayout;

/**
 * What each whole-dump stage (ingest, classify, aggregate; publish and extracts for their folders) last computed
 * its datasets from, so that a run can skip a stage whose inputs did not change:
 * {@code <output>/_state/<stage>.json} holds a key (a hash of the build, the stage's inputs and its
 * configuration), the rows and fingerprint of each dataset it wrote, and the figures the run summary restates.
 * A stage removes its stamp before writing and writes it after its last dataset, so a crash in between leaves no
 * stamp and the next run recomputes; a dataset changed since (its manifest no longer says what the stamp
 * recorded) also makes the stamp void. {@link StampedStage} runs a stage in that frame.
 */
public final class StageStamps {
  private StageStamps() {}

  /** A stamp file as written: what {@code datasets} and {@code folders} held when the stage stamped them. */
  record StampFile(String stage, String key, String runId, String build, Map<String, String> datasets,
                   Map<String, String> folders, JsonNode facts) {
    Stamp stamp() {
      return new Stamp(key, runId, facts == null ? Json.tree(Map.of()) : facts);
    }
  }

  /** A stamp as read back: the key, the run that wrote it, and the figures it kept. */
  public record Stamp(String key, String runId, JsonNode facts) {
    /** The kept figures as a value of {@code type}; null when they are not of its shape. */
    public <T> T facts(Class<T> type) {
      return Json.convert(facts, type);
    }
  }

  /** This build: version and build time (a rebuild is a new build, whatever changed). */
  public static String buildId() {
    try (InputStream in = StageStamps.class.getResourceAsStream("/build.properties")) {
      var p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown") + "@" + p.getProperty("built_at", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A key for a stage: the SHA-256 of the build id and the given parts, in order. */
  public static String key(String stage, Object... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((stage + "\n" + buildId()).getBytes(StandardCharsets.UTF_8));
      for (Object part : parts) {
        sha.update(("\n" + part).getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What a dataset's manifest says of its content ({@link Manifests#content}). */
  public static String content(Configuration conf, String dataset) {
    return Manifests.content(Manifests.read(conf, dataset));
  }

  private static String path(OutputLayout out, String stage) {
    return folder(out, stage) + ".json";
  }

  /** A folder beside the stage's stamp for what a stage keeps between runs and nobody else reads. */
  public static String folder(OutputLayout out, String stage) {
    return out.root() + "/_state/" + stage;
  }

  /**
   * A digest of a folder's files as listed (relative path, size, modification time; no file is read; names
   * starting with . or _ left out), or "absent": a page or extract changed by hand after the stamp (its mtime
   * moves) voids it.
   */
  public static String tree(Configuration conf, String dir) {
    Path root = new Path(dir);
    try {
      FileSystem fs = HadoopFiles.fileSystem(root, conf);
      if (!fs.exists(root)) {
        return "absent";
      }
      var lines = new TreeSet<String>();
      HadoopFiles.listFiles(fs, root).forEach((rel, f) -> {
        if (!rel.contains("/.") && !rel.contains("/_")) { // not a staging folder nor a leftover
          lines.add(rel + " " + f.getLen() + " " + f.getModificationTime());
        }
      });
      return key("tree", lines.toArray());
    } catch (IOException e) {
      throw new UncheckedIOException("listing " + dir, e);
    }
  }

  /**
   * The stage's stamp if it has this key, each of {@code datasets} still holds what it wrote and each of
   * {@code folders} still lists the same files ({@link #tree}); else null.
   */
  public static Stamp matching(Configuration conf, OutputLayout out, String stage, String key,
                               List<String> datasets, List<String> folders) {
    StampFile stamp = readFile(conf, out, stage);
    if (stamp == null || !key.equals(stamp.key()) || stamp.datasets() == null) {
      return null;
    }
    for (String d : datasets) {
      String now = content(conf, d);
      if (now.equals(Manifests.INCOMPLETE) || !Objects.equals(stamp.datasets().get(new Path(d).getName()), now)) {
        return null;
      }
    }
    for (String f : folders) {
      if (stamp.folders() == null || !Objects.equals(stamp.folders().get(new Path(f).getName()), tree(conf, f))) {
        return null;
      }
    }
    return stamp.stamp();
  }

  /**
   * The stage's stamp whatever its key, if this build wrote it: for a value a stage may use beyond its key within
   * a bound of its own (the trending terms' prior across merges); else null.
   */
  public static Stamp ofThisBuild(Configuration conf, OutputLayout out, String stage) {
    StampFile stamp = readFile(conf, out, stage);
    return stamp == null || stamp.key() == null || !buildId().equals(stamp.build()) ? null : stamp.stamp();
  }

  private static StampFile readFile(Configuration conf, OutputLayout out, String stage) {
    try {
      String text = HadoopFiles.readString(conf, path(out, stage));
      return text == null ? null : Json.read(text.getBytes(StandardCharsets.UTF_8), StampFile.class);
    } catch (IOException | UncheckedIOException e) {
      return null; // unreadable: as if there were none, the stage recomputes and rewrites it
    }
  }

  /** Removes the stage's stamp: called before the stage writes anything. */
  public static void clear(Configuration conf, OutputLayout out, String stage) {
    HadoopFiles.deleteRecursively(conf, path(out, stage));
  }

  /**
   * Records that {@code datasets} and the files of {@code folders}, as they are now, come from {@code key}, with
   * {@code facts} (a record, or a map) for a later run to restate.
   */
  public static void write(Configuration conf, OutputLayout out, String stage, String key, String runId,
                           List<String> datasets, List<String> folders, Object facts) {
    var contents = new LinkedHashMap<String, String>();
    datasets.forEach(d -> contents.put(new Path(d).getName(), content(conf, d)));
    var trees = new LinkedHashMap<String, String>();
    folders.forEach(f -> trees.put(new Path(f).getName(), tree(conf, f)));
    var file = new StampFile(stage, key, runId, buildId(), contents, trees, Json.tree(facts));
    HadoopFiles.writeString(conf, path(out, stage), Json.write(file));
  }
}
