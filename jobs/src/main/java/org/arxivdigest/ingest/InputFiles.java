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
  private InputFiles() {}

  /** JSON lines, plain or compressed with a codec Hadoop picks by extension. */
  public static final Pattern ACCEPTED = Pattern.compile("(?i).*\\.(json|jsonl)(\\.gz|\\.bz2)?$");

  public static final String ACCEPTED_DESCRIPTION = ".json or .jsonl, plain, .gz or .bz2";

  /** A resolved input file with its size in bytes and its modification time (ms since the epoch). */
  public record InputFile(String path, long bytes, long modified) {}

  public static List<InputFile> resolve(List<String> inputs, Configuration conf) {
    if (inputs == null || inputs.isEmpty()) {
      throw new UsageException("no --input given");
    }
    Map<String, FileStatus> found = new TreeMap<>();
    for (String input : inputs) {
      Map<String, FileStatus> own = resolveOne(input, conf);
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
        if (match.isDirectory()) {
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
