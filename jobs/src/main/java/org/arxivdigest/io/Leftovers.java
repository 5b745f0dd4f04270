package org.arxivdigest.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * What a run killed half-way leaves behind: its staging folders (pages, extracts, datasets), its work folder,
 * Spark's own staging folders of a dynamic partition overwrite. None of them is visible to a reader (their names
 * start with "." or "_"); the next run on the same output removes them before it starts (or moves an old copy
 * back where its replacement is missing). One run at a time per output folder.
 */
public final class Leftovers {
  private Leftovers() {}

  /** Glob patterns, relative to the output root. */
  static final List<String> PATTERNS = List.of(
      "site/.staging-*",
      ".extracts-staging-*",
      "_work/*",
      "datasets/.*.staging",
      "datasets/*/.spark-staging-*",
      "datasets/*/_temporary",
      // HadoopFiles.replaceDirectory's moved-aside old copy (whole datasets, partitions, month folders, extracts)
      ".*.old",
      "datasets/.*.old",
      "datasets/*/.*.old",
      "datasets/*/*/.*.old",
      "site/papers/*/.*.old",
      // HadoopFiles.writeString's temporary files (READMEs, index pages, charts, feeds, the run summary)
      ".*.tmp",
      "site/.*.tmp",
      "site/*/.*.tmp",
      "site/*/*/.*.tmp",
      "datasets/*/.*.tmp");

  /** For a moved-aside old copy ({@code .name.old}), what it was moved aside from; null for other leftovers. */
  private static Path replacedBy(Path leftover) {
    String name = leftover.getName();
    return name.startsWith(".") && name.endsWith(".old") && name.length() > ".old".length() + 1
        ? new Path(leftover.getParent(), name.substring(1, name.length() - ".old".length())) : null;
  }

  /**
   * Removes every leftover, except that a moved-aside old copy whose replacement never arrived (a kill between
   * the two renames of {@link HadoopFiles#replaceDirectory}) is moved back; returns their paths relative to the
   * output root, sorted.
   */
  public static List<String> clean(Configuration conf, OutputLayout out) {
    var removed = new ArrayList<String>();
    Path root = new Path(out.root());
    try {
      FileSystem fs = HadoopFiles.fileSystem(root, conf);
      String rootUri = fs.makeQualified(root).toString();
      for (String pattern : PATTERNS) {
        FileStatus[] found = fs.globStatus(new Path(root, pattern));
        if (found == null) {
          continue;
        }
        for (FileStatus f : found) {
          String path = fs.makeQualified(f.getPath()).toString();
          String rel = path.startsWith(rootUri) ? path.substring(rootUri.length() + 1) : path;
          Path replaced = replacedBy(f.getPath());
          if (replaced != null && !fs.exists(replaced)) {
            // Killed between moving the old copy aside and renaming the new one in: the old one is the data.
            if (!fs.rename(f.getPath(), replaced)) {
              throw new IOException("cannot move " + f.getPath() + " back to " + replaced);
            }
            removed.add(rel + " (moved back: the new copy never arrived)");
          } else {
            fs.delete(f.getPath(), true);
            removed.add(rel);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cleaning what crashed runs left in " + out.root(), e);
    }
    removed.sort(null);
    return removed;
  }
}
