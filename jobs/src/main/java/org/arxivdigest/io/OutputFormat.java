package org.arxivdigest.io;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.arxivdigest.core.UsageException;
import org.arxivdigest.schema.Catalog;

/**
 * The version of the output's layout (datasets, their partitioning, what {@code _state/} keeps), written to
 * {@code _state/format} by every run that completes. Runs that change an output in place ({@code run --merge},
 * {@code run --incremental}) read what the output holds and so need the layout they write: on an output of
 * another version (or of a program older than the file) they stop before touching anything, and a full run
 * rewrites the output in the current layout. Raise {@link #VERSION} with every change to the layout.
 */
public final class OutputFormat {
  private OutputFormat() {}

  /**
   * 1: the layout of datasets, manifests and _state of 2026-11 (papers not partitioned). 2: trending terms scored
   * by log-odds against a corpus prior ({@code trending_terms} columns, {@code _state/term_prior} for
   * {@code _state/term_idf}). 3: {@code listings} with {@code authors} and {@code categories}. 4: {@code papers}
   * partitioned by {@code id_year}.
   */
  public static final int VERSION = 4;

  public static String path(OutputLayout out) {
    return out.root() + "/_state/format";
  }

  /** The version the output says it has; 0 when it says none (an output of an older program, or none at all). */
  public static int read(Configuration conf, OutputLayout out) {
    try {
      String text = HadoopFiles.readString(conf, path(out));
      return text == null ? 0 : Integer.parseInt(text.strip());
    } catch (java.io.UncheckedIOException | NumberFormatException e) {
      return 0;
    }
  }

  /** Whether the output holds a run's datasets at all (else a run that changes it in place has nothing to read). */
  public static boolean hasOutput(Configuration conf, OutputLayout out) {
    Path p = new Path(out.path(Catalog.PAPERS));
    try {
      return p.getFileSystem(conf).exists(p);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Stops {@code mode} (the flag, for the message) on an output of another layout version: exit 2, one line.
   * An output with no datasets passes (the run is a full one).
   */
  public static void requireCurrent(Configuration conf, OutputLayout out, String mode) {
    if (!hasOutput(conf, out)) {
      return;
    }
    int found = read(conf, out);
    if (found != VERSION) {
      throw new UsageException(mode + ": " + out.root() + " is in output format " + (found == 0 ? "older than 1"
          : String.valueOf(found)) + ", this program writes format " + VERSION
          + "; run once without " + mode + " (a full run) to rewrite it");
    }
  }

  public static void write(Configuration conf, OutputLayout out) {
    HadoopFiles.writeStringIfChanged(conf, path(out), VERSION + "\n");
  }

  /**
   * Marks the output as being changed in place by an incremental or merge run ({@code _state/in-place}, holding the
   * run id) until that run completes: such a run rewrites only what it found changed, so one that stopped half-way
   * may leave listings moved in whose pages were not rendered yet, which the next run would not find changed.
   */
  public static void markInPlace(Configuration conf, OutputLayout out, String runId) {
    HadoopFiles.writeString(conf, inPlace(out), runId + "\n");
  }

  /** Whether an incremental or merge run on this output stopped before it completed (see {@link #markInPlace}). */
  public static boolean interruptedInPlace(Configuration conf, OutputLayout out) {
    Path p = new Path(inPlace(out));
    try {
      return p.getFileSystem(conf).exists(p);
    } catch (IOException e) {
      return false;
    }
  }

  public static void clearInPlace(Configuration conf, OutputLayout out) {
    HadoopFiles.deleteRecursively(conf, inPlace(out));
  }

  private static String inPlace(OutputLayout out) {
    return out.root() + "/_state/in-place";
  }
}
