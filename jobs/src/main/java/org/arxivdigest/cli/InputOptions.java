package org.arxivdigest.cli;

import java.util.List;
import org.arxivdigest.ingest.CompressedInputs;
import org.arxivdigest.ingest.InputFiles;
import org.arxivdigest.ingest.InputFiles.InputFile;
import picocli.CommandLine.Option;

/** The dump to read. */
public class InputOptions {
  @Option(names = "--input", required = true, arity = "1..*", paramLabel = "PATH",
      description = "Kaggle snapshot files, OAI-PMH pages or arXiv API Atom feeds: files, directories or globs "
          + "(.json, .jsonl or .xml; plain, .gz or .bz2; the format is told from the content). "
          + "Quote globs so that Spark, not the shell, expands them.")
  List<String> inputs;

  /**
   * Lists the input files before Spark starts, so that a wrong path fails in a second with exit code 2; files
   * under the output folder are left out.
   */
  List<InputFile> resolve(SparkOptions spark) {
    List<InputFile> files = InputFiles.resolve(inputs, spark.hadoopConf(), spark.output);
    // A compressed file holds about five times its size in JSON.
    spark.sizeFor(files.stream().mapToLong(f -> CompressedInputs.isCompressed(f.path()) ? 5 * f.bytes() : f.bytes())
        .sum());
    return files;
  }
}
