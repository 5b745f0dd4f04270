package org.arxivdigest.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.arxivdigest.core.Json;

/**
 * What a run did, written to {@code output/run-summary.json}: inputs, counts, quarantine by reason and seconds per
 * stage. Stages add their figures (numbers, lists, maps or records, written with {@link Json}) as they finish; the
 * command writes it once at the end, also when the run failed. Steps that run side by side ({@link
 * Stages#concurrently}) add to it at once: its methods are synchronized. Stages are listed as they finish.
 */
public final class RunSummary {
  private final Map<String, Object> fields = new LinkedHashMap<>();
  private final Map<String, Double> stageSeconds = new LinkedHashMap<>();
  private final List<Map<String, Object>> stages = new ArrayList<>();
  private final Map<String, Long> changes = new LinkedHashMap<>();

  public RunSummary(String runId, String command, String master) {
    fields.put("run_id", runId);
    fields.put("command", command);
    fields.put("spark_master", master);
    fields.put("started_at", Instant.now().toString());
  }

  public synchronized void put(String key, Object value) {
    fields.put(key, value);
  }

  public synchronized Object get(String key) {
    return fields.get(key);
  }

  public synchronized void stage(String name, double seconds, Map<String, Object> counts) {
    stageSeconds.merge(name, seconds, Double::sum);
    var stage = new LinkedHashMap<String, Object>();
    stage.put("name", name);
    stage.put("seconds", round(seconds));
    stage.putAll(counts);
    stages.add(stage);
  }

  /** Counts what the run changed in the output (files written, folders replaced or removed); 0 keeps the key. */
  public synchronized void changed(String what, long n) {
    changes.merge(what, n, Long::sum);
  }

  /** The change counts so far. */
  public synchronized Map<String, Long> changes() {
    return Map.copyOf(changes);
  }

  public synchronized Map<String, Double> stageSeconds() {
    return Map.copyOf(stageSeconds);
  }

  public synchronized String toJson(String status) {
    var out = new LinkedHashMap<String, Object>(fields);
    out.put("status", status);
    out.put("finished_at", Instant.now().toString());
    var seconds = new LinkedHashMap<String, Double>();
    stageSeconds.forEach((k, v) -> seconds.put(k, round(v)));
    out.put("changes", changes);
    out.put("stage_seconds", seconds);
    out.put("stages", stages);
    return Json.write(out);
  }

  /**
   * What a finished run says on stdout: its wall time; the records read, papers, duplicates, deletions and
   * quarantined records by reason (when it ingested); what a merge brought; where to look next.
   */
  public synchronized List<String> closing(String site, String summaryPath, double seconds) {
    var lines = new ArrayList<String>();
    lines.add("arxiv-digest " + fields.get("command") + ": finished in "
        + String.format(java.util.Locale.ROOT, "%.1f", seconds) + " s" + (Boolean.TRUE.equals(
        fields.get("nothing_changed")) ? ", nothing changed" : ""));
    if (fields.containsKey("records_read")) {
      lines.add("  records read " + fields.get("records_read") + ", papers " + fields.get("papers")
          + ", duplicates dropped " + fields.get("duplicates_dropped") + ", deletions " + fields.get("deleted")
          + ", quarantined " + fields.get("quarantined"));
      if (fields.get("quarantined_by_reason") instanceof Map<?, ?> reasons && !reasons.isEmpty()) {
        var text = new StringBuilder("  quarantined by reason:");
        reasons.forEach((reason, n) -> text.append(' ').append(reason).append(' ').append(n));
        lines.add(text.toString());
      }
    }
    if (fields.get("merge") instanceof Map<?, ?> merge) {
      lines.add("  merged: " + merge.get("new_papers") + " new papers, " + merge.get("papers_with_new_versions")
          + " with new versions, " + merge.get("papers_edited") + " edited, " + merge.get("papers_unchanged")
          + " unchanged");
    }
    if (site != null) {
      lines.add("  site: " + site);
    }
    lines.add("  run summary: " + summaryPath);
    return lines;
  }

  private static double round(double seconds) {
    return Math.round(seconds * 1000) / 1000.0;
  }
}
