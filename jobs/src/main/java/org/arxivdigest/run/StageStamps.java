package org.arxivdigest.run;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
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
 * recorded) also makes the stamp void.
 */
public final class StageStamps {
  private StageStamps() {}

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** A stamp as read back: the key, the run that wrote it, and the figures it kept. */
  public record Stamp(String key, String runId, Map<String, Object> facts) {}

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
      var lines = new java.util.TreeSet<String>();
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

  /** As {@link #matching(Configuration, OutputLayout, String, String, List, List)} without folders. */
  public static Stamp matching(Configuration conf, OutputLayout out, String stage, String key,
                               List<String> datasets) {
    return matching(conf, out, stage, key, datasets, List.of());
  }

  /**
   * The stage's stamp if it has this key, each of {@code datasets} still holds what it wrote and each of
   * {@code folders} still lists the same files ({@link #tree}); else null.
   */
  public static Stamp matching(Configuration conf, OutputLayout out, String stage, String key,
                               List<String> datasets, List<String> folders) {
    Path file = new Path(path(out, stage));
    Map<String, Object> node;
    try {
      FileSystem fs = HadoopFiles.fileSystem(file, conf);
      if (!fs.exists(file)) {
        return null;
      }
      try (var in = fs.open(file)) {
        node = JSON.readValue(in.readAllBytes(), new TypeReference<LinkedHashMap<String, Object>>() {});
      }
    } catch (IOException e) {
      return null; // unreadable: as if there were none, the stage recomputes and rewrites it
    }
    if (!key.equals(node.get("key")) || !(node.get("datasets") instanceof Map<?, ?> stamped)) {
      return null;
    }
    for (String d : datasets) {
      String name = new Path(d).getName();
      String now = content(conf, d);
      if (now.equals(Manifests.INCOMPLETE) || !Objects.equals(stamped.get(name), now)) {
        return null;
      }
    }
    Object trees = node.get("folders");
    for (String f : folders) {
      if (!(trees instanceof Map<?, ?> t) || !Objects.equals(t.get(new Path(f).getName()), tree(conf, f))) {
        return null;
      }
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> facts = node.get("facts") instanceof Map<?, ?> f ? (Map<String, Object>) f : Map.of();
    return new Stamp(key, (String) node.get("run_id"), facts);
  }

  /** A value kept under a stamp ({@link #kept}), and whether it was read back rather than computed. */
  public record Kept<T>(T value, boolean read) {}

  /** A value just computed, and the facts its stamp keeps (from which {@link #kept}'s reader gets it back). */
  public record Computed<T>(T value, Map<String, Object> facts) {}

  /**
   * A value a stage keeps between runs under a stamp of its own, keyed by {@code key}: when the stamp has this key
   * and reuse is on, {@code read} gets it back from the stamp's facts (null if they are not of its shape); else it
   * is computed, with the stamp removed before {@code compute} runs and written after it, so that a crash in
   * between leaves nothing to trust. A null key (an input without a manifest) is computed and never stamped.
   */
  public static <T> Kept<T> kept(Configuration conf, OutputLayout out, Stages stages, String stage, String key,
                                 String runId, Function<Map<String, Object>, T> read,
                                 Supplier<Computed<T>> compute) {
    if (key != null) {
      Stamp stamp = matching(conf, out, stage, key, List.of());
      T value = stages.reusable(stamp) ? read.apply(stamp.facts()) : null;
      if (value != null) {
        return new Kept<>(value, true);
      }
    }
    clear(conf, out, stage);
    Computed<T> computed = compute.get();
    if (key != null) {
      write(conf, out, stage, key, runId, List.of(), computed.facts());
    }
    return new Kept<>(computed.value(), false);
  }

  /** Removes the stage's stamp: called before the stage writes anything. */
  public static void clear(Configuration conf, OutputLayout out, String stage) {
    HadoopFiles.deleteRecursively(conf, path(out, stage));
  }

  /** Records that {@code datasets}, as they are now, were computed from {@code key}. */
  public static void write(Configuration conf, OutputLayout out, String stage, String key, String runId,
                           List<String> datasets, Map<String, Object> facts) {
    write(conf, out, stage, key, runId, datasets, List.of(), facts);
  }

  /** Records that {@code datasets} and the files of {@code folders}, as they are now, come from {@code key}. */
  public static void write(Configuration conf, OutputLayout out, String stage, String key, String runId,
                           List<String> datasets, List<String> folders, Map<String, Object> facts) {
    var node = new LinkedHashMap<String, Object>();
    node.put("stage", stage);
    node.put("key", key);
    node.put("run_id", runId);
    node.put("build", buildId());
    var contents = new LinkedHashMap<String, String>();
    datasets.forEach(d -> contents.put(new Path(d).getName(), content(conf, d)));
    node.put("datasets", contents);
    var trees = new LinkedHashMap<String, String>();
    folders.forEach(f -> trees.put(new Path(f).getName(), tree(conf, f)));
    node.put("folders", trees);
    node.put("facts", facts);
    try {
      HadoopFiles.writeString(conf, path(out, stage), JSON.writeValueAsString(node) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
