package org.arxivdigest.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.arxivdigest.core.UsageException;

/**
 * Turns the {@code --input} arguments (files, directories, globs; local, HDFS or S3 paths) into the sorted list of
 * dump files to read. Runs on the driver and lists file names only.
 */
public final class InputFiles {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(InputFiles.class);

  private InputFiles() {}

  /**
   * JSON lines and XML (OAI-PMH pages, Atom feeds), plain or compressed with a codec Hadoop picks by extension.
   * What a file holds is then told from its content ({@link InputKinds}), not from this name.
   */
  public static final Pattern ACCEPTED = Pattern.compile("(?i).*\\.(json|jsonl|xml)(\\.gz|\\.bz2)?\\z");

  public static final String ACCEPTED_DESCRIPTION = ".json, .jsonl or .xml, plain, .gz or .bz2";

  /** A resolved input file with its size in bytes and its modification time (ms since the epoch). */
  public record InputFile(String path, long bytes, long modified) {}

  public static List<InputFile> resolve(List<String> inputs, Configuration conf) {
    return resolve(inputs, conf, null);
  }

  /**
   * As {@link #resolve(List, Configuration)}, leaving out every file under {@code output} (the run's output root,
   * or null): an output folder inside an input folder would otherwise feed a run its own files.
   */
  public static List<InputFile> resolve(List<String> inputs, Configuration conf, String output) {
    if (inputs == null || inputs.isEmpty()) {
      throw new UsageException("no --input given");
    }
    Map<String, FileStatus> found = new TreeMap<>();
    for (String input : inputs) {
      Map<String, FileStatus> own = resolveOne(input, conf);
      if (output != null) {
        String root = qualified(output, conf) + "/";
        int before = own.size();
        own.keySet().removeIf(path -> path.startsWith(root));
        if (own.size() < before) {
          LOG.warn("input {}: {} files under the output folder {} left out", input, before - own.size(), output);
        }
      }
      if (own.isEmpty()) {
        throw new UsageException("no input files (" + ACCEPTED_DESCRIPTION + ") in: " + input);
      }
      found.putAll(own);
    }
    var result = new ArrayList<InputFile>();
    found.forEach((path, f) -> result.add(new InputFile(path, f.getLen(), f.getModificationTime())));
    return result;
  }

  private static Map<String, FileStatus> resolveOne(String input, Configuration conf) {
    Map<String, FileStatus> own = new TreeMap<>();
    try {
      Path path = new Path(input);
      FileSystem fs = path.getFileSystem(conf);
      FileStatus[] matches = fs.globStatus(path);
      if (matches == null || matches.length == 0) {
        throw new UsageException("input path not found: " + input);
      }
      for (FileStatus match : matches) {
        if (match.isDirectory() && "file".equals(fs.getUri().getScheme())) {
          walkLocal(fs, match.getPath(), own);
        } else if (match.isDirectory()) {
          RemoteIterator<LocatedFileStatus> files = fs.listFiles(match.getPath(), true);
          while (files.hasNext()) {
            LocatedFileStatus file = files.next();
            if (isVisible(match.getPath(), file.getPath()) && isAccepted(file.getPath())) {
              own.put(file.getPath().toString(), file);
            }
          }
        } else if (!isGlob(input)) {
          if (!isAccepted(match.getPath())) {
            throw new UsageException("unsupported input file (expected " + ACCEPTED_DESCRIPTION + "): " + input);
          }
          own.put(match.getPath().toString(), match);
        } else if (isAccepted(match.getPath()) && isVisible(match.getPath().getParent(), match.getPath())) {
          own.put(match.getPath().toString(), match);
        }
      }
    } catch (IOException e) {
      throw new UsageException("cannot read input " + input + ": " + e.getMessage(), e);
    }
    return own;
  }

  /**
   * A local directory's files, symbolic links to directories followed, each directory once: a link back to an
   * ancestor (a loop) is skipped with a warning instead of being read again and again.
   */
  private static void walkLocal(FileSystem fs, Path dir, Map<String, FileStatus> own) throws IOException {
    java.nio.file.Path start = java.nio.file.Path.of(dir.toUri());
    java.nio.file.Files.walkFileTree(start, java.util.EnumSet.of(java.nio.file.FileVisitOption.FOLLOW_LINKS),
        Integer.MAX_VALUE, new java.nio.file.SimpleFileVisitor<>() {
          @Override
          public java.nio.file.FileVisitResult preVisitDirectory(java.nio.file.Path d,
              java.nio.file.attribute.BasicFileAttributes attrs) {
            String name = d.getFileName() == null ? "" : d.getFileName().toString();
            return !d.equals(start) && (name.startsWith(".") || name.startsWith("_"))
                ? java.nio.file.FileVisitResult.SKIP_SUBTREE : java.nio.file.FileVisitResult.CONTINUE;
          }

          @Override
          public java.nio.file.FileVisitResult visitFile(java.nio.file.Path f,
              java.nio.file.attribute.BasicFileAttributes attrs) throws IOException {
            Path file = new Path(f.toUri());
            if (attrs.isRegularFile() && isVisible(dir, file) && isAccepted(file)) {
              own.put(fs.makeQualified(file).toString(), fs.getFileStatus(file));
            }
            return java.nio.file.FileVisitResult.CONTINUE;
          }

          @Override
          public java.nio.file.FileVisitResult visitFileFailed(java.nio.file.Path f, IOException e)
              throws IOException {
            if (e instanceof java.nio.file.FileSystemLoopException) {
              LOG.warn("input {}: a symbolic link loops back to a folder above it; that folder is read once", f);
              return java.nio.file.FileVisitResult.CONTINUE;
            }
            throw e;
          }
        });
  }

  private static String qualified(String path, Configuration conf) {
    try {
      Path p = new Path(path);
      return p.getFileSystem(conf).makeQualified(p).toString();
    } catch (IOException e) {
      throw new UsageException("--output " + path + ": " + e.getMessage(), e);
    }
  }

  private static boolean isAccepted(Path file) {
    return ACCEPTED.matcher(file.getName()).matches();
  }

  private static boolean isGlob(String input) {
    return input.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
  }

  /** Hidden and underscore names (editor backups, _SUCCESS, .crc) inside a directory are not input. */
  private static boolean isVisible(Path root, Path file) {
    for (Path p = file; p != null && !p.equals(root); p = p.getParent()) {
      String name = p.getName();
      if (name.startsWith(".") || name.startsWith("_")) {
        return false;
      }
    }
    return true;
  }
}
