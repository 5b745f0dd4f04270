package org.arxivdigest.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.arxivdigest.spark.Sessions;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded runs' local filesystem: same permissions as Hadoop's, no checksum side files. */
class ForklessLocalFileSystemTest {
  @TempDir Path dir;

  private static FileSystem fs() throws Exception {
    var conf = new Configuration();
    Sessions.localHadoopSettings().forEach(conf::set);
    conf.setBoolean("fs.file.impl.disable.cache", true); // a fresh instance, whatever the cache holds
    return FileSystem.get(java.net.URI.create("file:///"), conf);
  }

  @Test
  void setsPermissionsInProcessAndWritesNoChecksumFiles() throws Exception {
    FileSystem fs = fs();
    assertThat(fs).isInstanceOf(ForklessLocalFileSystem.class);
    var file = new org.apache.hadoop.fs.Path(dir.resolve("a/b/c.txt").toUri());
    try (var out = fs.create(file)) {
      out.write("hello".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    assertThat(Files.readString(dir.resolve("a/b/c.txt"))).isEqualTo("hello");
    try (var files = Files.walk(dir)) {
      assertThat(files.map(Path::toString)).noneMatch(p -> p.endsWith(".crc"));
    }
    fs.setPermission(file, new FsPermission("640"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b/c.txt"))))
        .isEqualTo("rw-r-----");
    assertThat(fs.getFileStatus(file).getPermission().toString()).isEqualTo("rw-r-----");
    fs.mkdirs(new org.apache.hadoop.fs.Path(dir.resolve("d").toUri()), new FsPermission("750"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("d"))))
        .isEqualTo("rwxr-x---");
    // Statuses read in-process say the same as the files, through every way of listing.
    var listed = fs.listStatus(new org.apache.hadoop.fs.Path(dir.resolve("a/b").toUri()));
    assertThat(listed).hasSize(1);
    assertThat(listed[0].getPermission().toString()).isEqualTo("rw-r-----");
    assertThat(listed[0].getLen()).isEqualTo(5);
    assertThat(listed[0].getOwner()).isEqualTo(Files.getOwner(dir.resolve("a/b/c.txt")).getName());
    var located = fs.listFiles(new org.apache.hadoop.fs.Path(dir.toUri()), true).next();
    assertThat(located.getPermission().toString()).isEqualTo("rw-r-----");
    assertThat(fs.getFileStatus(new org.apache.hadoop.fs.Path(dir.resolve("d").toUri())).getPermission()
        .toString()).isEqualTo("rwxr-x---");
    assertThat(fs.getFileStatus(new org.apache.hadoop.fs.Path(dir.resolve("d").toUri())).isDirectory()).isTrue();
  }

  @Test
  void embeddedSessionsUseItAndClusterOnesDoNot() {
    assertThat(Sessions.isLocal("local[2]")).isTrue();
    assertThat(Sessions.isLocal("spark://127.0.0.1:7077")).isFalse();
    assertThat(TestSpark.session().sparkContext().hadoopConfiguration().get("fs.file.impl"))
        .isEqualTo(ForklessLocalFileSystem.class.getName());
  }
}
