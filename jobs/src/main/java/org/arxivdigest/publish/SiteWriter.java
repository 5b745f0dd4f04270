package org.arxivdigest.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.arxivdigest.config.Topic;
import org.arxivdigest.io.HadoopFiles;

/**
 * Puts files into the site without a reader ever seeing a half-written one: single files written only where their
 * bytes change (and counted), month folders swapped in whole from a staging folder, folders and files of months
 * and topics that no longer have entries removed.
 */
final class SiteWriter {
  private static final Pattern MONTH_DIR = Pattern.compile("\\d{4}_\\d{2}");

  private final Configuration conf;
  private final String site;
  private long written;

  SiteWriter(Configuration conf, String site) {
    this.conf = conf;
    this.site = site;
  }

  /** Writes a file of the site (path relative to it) when its content changed; a file already holding it stays. */
  void write(String relative, String text) {
    if (HadoopFiles.writeStringIfChanged(conf, site + "/" + relative, text)) {
      written++;
    }
  }

  /** How many files {@link #write} wrote. */
  long written() {
    return written;
  }

  /**
   * Moves each rendered month folder of {@code staging} into the site in one rename, replacing the old one; a month
   * whose files are already exactly there is left alone (bytes and modification times). Returns how many moved.
   */
  int swapMonths(String staging, List<Topic> topics, ListingCounts counts, PageScope scope) {
    int n = 0;
    for (Topic t : topics) {
      for (ListingCounts.MonthCount m : counts.of(t.slug())) {
        if (scope.contains(t.slug(), m.month())) {
          String rel = "papers/" + t.slug() + "/" + m.month();
          if (!HadoopFiles.sameFiles(conf, staging + "/" + rel, site + "/" + rel)) {
            HadoopFiles.replaceDirectory(conf, staging + "/" + rel, site + "/" + rel);
            n++;
          }
        }
      }
    }
    return n;
  }

  /**
   * Removes month folders (in scope) that no longer have entries, and, on a publish of every month, the folders of
   * topics no longer configured. Returns how many it removed.
   */
  int removeStaleMonths(List<Topic> topics, ListingCounts counts, PageScope scope) {
    Path papers = new Path(site + "/papers");
    int removed = 0;
    try {
      FileSystem fs = papers.getFileSystem(conf);
      if (!fs.exists(papers)) {
        return 0;
      }
      Set<String> configured = slugs(topics);
      for (FileStatus topicDir : fs.listStatus(papers)) {
        String slug = topicDir.getPath().getName();
        if (!topicDir.isDirectory()) {
          continue;
        }
        if (!configured.contains(slug)) {
          if (scope.range().isAll()) {
            fs.delete(topicDir.getPath(), true);
            removed++;
          }
          continue;
        }
        var live = new TreeSet<String>();
        counts.of(slug).forEach(m -> live.add(m.month()));
        for (FileStatus monthDir : fs.listStatus(topicDir.getPath())) {
          String month = monthDir.getPath().getName();
          if (monthDir.isDirectory() && MONTH_DIR.matcher(month).matches() && scope.contains(slug, month)
              && !live.contains(month)) {
            fs.delete(monthDir.getPath(), true);
            removed++;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cleaning " + papers, e);
    }
    return removed;
  }

  /** Removes the charts and feeds of topics no longer configured (a publish of every month only). */
  int removeStaleTopicFiles(List<Topic> topics) {
    int removed = 0;
    Set<String> configured = slugs(topics);
    for (String[] kind : new String[][] {{"charts", ".svg"}, {"feeds", ".xml"}}) {
      Path dir = new Path(site + "/" + kind[0]);
      try {
        FileSystem fs = HadoopFiles.fileSystem(dir, conf);
        if (!fs.exists(dir)) {
          continue;
        }
        for (FileStatus f : fs.listStatus(dir)) {
          String name = f.getPath().getName();
          if (name.endsWith(kind[1]) && !configured.contains(name.substring(0, name.length() - kind[1].length()))) {
            fs.delete(f.getPath(), false);
            removed++;
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cleaning " + dir, e);
      }
    }
    return removed;
  }

  private static Set<String> slugs(List<Topic> topics) {
    var configured = new TreeSet<String>();
    topics.forEach(t -> configured.add(t.slug()));
    return configured;
  }
}
