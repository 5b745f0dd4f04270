package org.arxivdigest.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.arxivdigest.core.Json;
import org.arxivdigest.core.UsageException;

/**
 * One run at a time per output folder: {@code <output>/.arxiv-digest.lock}, created atomically (create without
 * overwrite) before the run touches anything and removed when it ends. A second run on the same output is refused
 * with a usage error naming the holder. A lock left by a process of this host that no longer runs (a run killed with
 * {@code kill -9}) is taken over and reported. On a shared file system seen by several hosts a lock of another host
 * is never taken over: remove it by hand once that run is known to be gone.
 */
public final class OutputLock implements AutoCloseable {
  /** The lock file's name under the output root (hidden: starts with a dot). */
  public static final String FILE = ".arxiv-digest.lock";

  /** Who holds a lock. */
  public record Holder(String runId, String host, long pid, String startedAt) {}

  private final Configuration conf;
  private final Path path;
  private final Holder holder;
  private final Holder takenOver;
  private boolean released;

  private OutputLock(Configuration conf, Path path, Holder holder, Holder takenOver) {
    this.conf = conf;
    this.path = path;
    this.holder = holder;
    this.takenOver = takenOver;
  }

  /** Takes the lock of {@code out} for {@code runId}; a usage error when a live run holds it. */
  public static OutputLock acquire(Configuration conf, OutputLayout out, String runId) {
    Path path = new Path(out.root(), FILE);
    var me = new Holder(runId, host(), ProcessHandle.current().pid(), Instant.now().toString());
    try {
      FileSystem fs = HadoopFiles.fileSystem(path, conf);
      if (fs.exists(path) && fs.getFileStatus(path).isDirectory()) {
        throw new UsageException("--output " + out.root() + ": " + FILE + " is a directory; remove it");
      }
      if (create(fs, path, me)) {
        return new OutputLock(conf, path, me, null);
      }
      Holder other = read(fs, path);
      if (other == null || !stale(other)) {
        throw new UsageException("--output " + out.root() + " is in use by "
            + (other == null ? "a run whose lock file " + path + " cannot be read"
            : "run " + other.runId() + " (host " + other.host() + ", pid " + other.pid() + ", since "
            + other.startedAt() + ")")
            + "; one run at a time per output (remove " + path + " if that run is gone)");
      }
      // A dead process of this host: take its lock over, once (another run doing the same at this moment loses).
      fs.delete(path, false);
      if (!create(fs, path, me)) {
        throw new UsageException("--output " + out.root() + " is in use: another run took over a stale lock first");
      }
      return new OutputLock(conf, path, me, other);
    } catch (IOException e) {
      throw new UncheckedIOException("locking " + path, e);
    }
  }

  /** The lock of a dead run this run took over, or null. */
  public Holder takenOver() {
    return takenOver;
  }

  /** Removes the lock if it is still this run's. */
  @Override
  public void close() {
    if (released) {
      return;
    }
    released = true;
    try {
      FileSystem fs = HadoopFiles.fileSystem(path, conf);
      Holder now = fs.exists(path) ? read(fs, path) : null;
      if (now != null && now.runId().equals(holder.runId())) {
        fs.delete(path, false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("unlocking " + path, e);
    }
  }

  /** Held by a process of this host that no longer runs. */
  static boolean stale(Holder h) {
    return h.host().equals(host()) && h.pid() != ProcessHandle.current().pid()
        && ProcessHandle.of(h.pid()).map(p -> !p.isAlive()).orElse(true);
  }

  private static boolean create(FileSystem fs, Path path, Holder me) throws IOException {
    fs.mkdirs(path.getParent());
    try (FSDataOutputStream s = fs.create(path, false)) {
      s.write(Json.write(me).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      if (fs.exists(path)) {
        return false; // some file systems say so with a plain IOException
      }
      throw e;
    }
  }

  private static Holder read(FileSystem fs, Path path) {
    try (var in = fs.open(path)) {
      Holder h = Json.read(in.readAllBytes(), Holder.class);
      return h == null || h.runId() == null || h.host() == null ? null : h;
    } catch (IOException e) {
      return null;
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown";
    }
  }
}
