package org.arxivdigest.run;

/**
 * What a command's options say of how its stages run.
 *
 * @param reuseUnchanged whether a stage whose inputs did not change since it last ran keeps its datasets
 *     ({@link StageStamps}); {@code --recompute} turns it off
 */
public record RunOptions(boolean reuseUnchanged) {
  public static final RunOptions DEFAULT = new RunOptions(true);
}
