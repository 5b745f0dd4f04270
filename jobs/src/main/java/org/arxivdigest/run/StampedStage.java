package org.arxivdigest.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.arxivdigest.schema.Catalog;

/**
 * The frame every stage runs in ({@link StageStamps}): check the datasets it reads are there, build its key from
 * their content and the stage's own parts, skip it when its stamp matches (restating what it computed then), else
 * clear the stamp, compute, and stamp what it wrote. A stage supplies only its name, inputs, outputs, key parts
 * and body; the body's value comes back to the caller whether it was computed or restated.
 *
 * <pre>{@code
 * Counts counts = StampedStage.named("ingest").key(files).writes(PAPERS, VERSIONS, QUARANTINE)
 *     .run(ctx, stamp -> Counts.of(stamp), () -> new Computed<>(compute(), facts));
 * }</pre>
 */
public final class StampedStage {

  /** How much of what the stamp vouches for one run of the stage writes. */
  public enum Coverage {
    /** All of it: skipped when the stamp matches, stamped after. */
    WHOLE,
    /**
     * Some months of it from the same inputs (a backfill): always computed (that is how a backfill repairs a
     * month); stamped after only when the rest was already of this key, as the stamp then vouches for all of it.
     */
    RANGE,
    /**
     * Some months of it, the others left as earlier inputs made them (an incremental run): skipped when the stamp
     * matches, never stamped after (the output is of no single key).
     */
    CHANGES
  }

  /** A value just computed, and the facts its stamp keeps (a record or a map, written as JSON). */
  public record Computed<T>(T value, Object facts) {
    /** A value whose stamp keeps no facts. */
    public static <T> Computed<T> of(T value) {
      return new Computed<>(value, java.util.Map.of());
    }
  }

  /** A value kept under a stamp ({@link #kept}), and whether it was read back rather than computed. */
  public record Kept<T>(T value, boolean read) {}

  private final String name;
  private final List<Catalog> reads = new ArrayList<>();
  private final List<Object> keyParts = new ArrayList<>();
  private final List<Catalog> writes = new ArrayList<>();
  private final List<String> folders = new ArrayList<>();
  private Coverage coverage = Coverage.WHOLE;

  private StampedStage(String name) {
    this.name = name;
  }

  /** A stage whose stamp is {@code _state/<name>.json}. */
  public static StampedStage named(String name) {
    return new StampedStage(name);
  }

  /** Datasets the stage reads: required before anything runs, their content part of the key. */
  public StampedStage reads(Catalog... datasets) {
    reads.addAll(Arrays.asList(datasets));
    return this;
  }

  /** More of what the stage computes from (topics, models, input files, options), in order. */
  public StampedStage key(Object... parts) {
    keyParts.addAll(Arrays.asList(parts));
    return this;
  }

  /** Datasets the stage writes: the stamp vouches for their content as its manifests say. */
  public StampedStage writes(List<Catalog> datasets) {
    writes.addAll(datasets);
    return this;
  }

  /** Folders of files the stage writes (pages, extracts): the stamp vouches for their listing. */
  public StampedStage files(String... dirs) {
    folders.addAll(Arrays.asList(dirs));
    return this;
  }

  public StampedStage covering(Coverage what) {
    this.coverage = what;
    return this;
  }

  /**
   * Runs the stage in its frame. {@code restate}: the stage's value from the stamp of the run it skips (its facts
   * are what {@code compute}'s {@link Computed#facts} were). A crash in {@code compute} leaves no stamp.
   */
  public <T> T run(StageContext ctx, Function<StageStamps.Stamp, T> restate, Supplier<Computed<T>> compute) {
    ctx.require(reads.toArray(Catalog[]::new));
    var parts = new ArrayList<Object>();
    reads.forEach(d -> parts.add(StageStamps.content(ctx.conf(), ctx.path(d))));
    parts.addAll(keyParts);
    String key = StageStamps.key(name, parts.toArray());
    List<String> outputs = writes.stream().map(ctx::path).toList();
    StageStamps.Stamp before = StageStamps.matching(ctx.conf(), ctx.out(), name, key, outputs, folders);
    if (coverage != Coverage.RANGE && ctx.stages().reusable(before)) {
      ctx.stages().skipped(name, before);
      return restate.apply(before);
    }
    StageStamps.clear(ctx.conf(), ctx.out(), name);
    Computed<T> computed = compute.get();
    if (coverage == Coverage.WHOLE || coverage == Coverage.RANGE && before != null) {
      StageStamps.write(ctx.conf(), ctx.out(), name, key, ctx.runId(), outputs, folders, computed.facts());
    }
    return computed.value();
  }

  /**
   * The key of a value kept ({@link #kept}) from {@code input}'s content and {@code parts}: null when the input has
   * no manifest, whose content cannot be trusted (then the value is computed and never stamped).
   */
  public static String keyOf(StageContext ctx, String stage, Catalog input, Object... parts) {
    String content = StageStamps.content(ctx.conf(), ctx.path(input));
    if (content.equals(org.arxivdigest.io.Manifests.INCOMPLETE)) {
      return null;
    }
    var all = new ArrayList<Object>();
    all.add(content);
    all.addAll(Arrays.asList(parts));
    return StageStamps.key(stage, all.toArray());
  }

  /**
   * A value a stage keeps between runs under a stamp of its own, keyed by {@code key}: when the stamp has this key
   * and reuse is on, {@code read} gets it back from the stamp (null if its facts are not of the value's shape);
   * else it is computed, with the stamp removed before {@code compute} runs and written after it, so that a crash
   * in between leaves nothing to trust. A null key (an input without a manifest) is computed and never stamped.
   */
  public static <T> Kept<T> kept(StageContext ctx, String stage, String key,
                                 Function<StageStamps.Stamp, T> read, Supplier<Computed<T>> compute) {
    if (key != null) {
      StageStamps.Stamp stamp = StageStamps.matching(ctx.conf(), ctx.out(), stage, key, List.of(), List.of());
      T value = ctx.stages().reusable(stamp) ? read.apply(stamp) : null;
      if (value != null) {
        return new Kept<>(value, true);
      }
    }
    StageStamps.clear(ctx.conf(), ctx.out(), stage);
    Computed<T> computed = compute.get();
    if (key != null) {
      StageStamps.write(ctx.conf(), ctx.out(), stage, key, ctx.runId(), List.of(), List.of(), computed.facts());
    }
    return new Kept<>(computed.value(), false);
  }
}
