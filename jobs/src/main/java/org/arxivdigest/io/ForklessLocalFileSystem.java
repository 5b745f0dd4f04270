package org.arxivdigest.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local filesystem for embedded ({@code local[*]}) runs, without its two per-file costs:
 * <ul>
 *   <li>Without Hadoop's native library (a Maven-only install has none) {@code RawLocalFileSystem.setPermission}
 *   forks a {@code chmod} process for every directory and file it creates, and a status forks {@code ls -ld} for the
 *   permission of every file listed: thousands of forks for the page folders and the month partitions, measured
 *   as most of the time spent writing and comparing them. Here permissions are set and read with
 *   {@code java.nio} instead (same bits; anything beyond rwx falls back to Hadoop's way).</li>
 *   <li>No {@code .name.crc} checksum file beside every file written: half the file creations, and clutter in
 *   the folders analysts open.</li>
 * </ul>
 * {@link org.arxivdigest.spark.Sessions} installs it as {@code fs.file.impl} for local masters only; a cluster's
 * filesystems are left as they are.
 */
public class ForklessLocalFileSystem extends LocalFileSystem {
  private static final Pattern RWX = Pattern.compile("[r-][w-][x-][r-][w-][x-][r-][w-][x-]");

  public ForklessLocalFileSystem() {
    super(new NioPermissions());
    setWriteChecksum(false);
  }

  /** The raw local filesystem, with permissions set and read in-process. */
  static final class NioPermissions extends RawLocalFileSystem {
    @Override
    public FileStatus getFileStatus(Path f) throws IOException {
      return withNioPermission(super.getFileStatus(f));
    }

    @Override
    public FileStatus[] listStatus(Path f) throws IOException {
      FileStatus[] statuses = super.listStatus(f);
      for (int i = 0; i < statuses.length; i++) {
        statuses[i] = withNioPermission(statuses[i]);
      }
      return statuses;
    }

    /**
     * Hadoop's status of a local file reads its permission, owner and group lazily by forking {@code ls -ld}
     * (once per file listed: a page-folder comparison forked thousands of times); here they come from
     * {@code java.nio}. Symbolic links keep Hadoop's status.
     */
    private FileStatus withNioPermission(FileStatus s) throws IOException {
      if (s.isSymlink()) {
        return s;
      }
      PosixFileAttributes a;
      try {
        a = Files.readAttributes(pathToFile(s.getPath()).toPath(), PosixFileAttributes.class,
            LinkOption.NOFOLLOW_LINKS);
      } catch (UnsupportedOperationException e) {
        return s;
      }
      FsPermission permission = FsPermission.valueOf((s.isDirectory() ? "d" : "-")
          + PosixFilePermissions.toString(a.permissions()));
      return new FileStatus(s.getLen(), s.isDirectory(), s.getReplication(), s.getBlockSize(),
          s.getModificationTime(), s.getAccessTime(), permission, a.owner().getName(), a.group().getName(),
          s.getPath());
    }

    @Override
    public void setPermission(Path p, FsPermission permission) throws IOException {
      String bits = permission.toString();
      if (!RWX.matcher(bits).matches()) {
        super.setPermission(p, permission);
        return;
      }
      Files.setPosixFilePermissions(pathToFile(p).toPath(), PosixFilePermissions.fromString(bits));
    }
  }
}
