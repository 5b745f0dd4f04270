package org.arxivdigest.cli;

import org.arxivdigest.core.UsageException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The entry point, embedded ({@code bin/arxiv-digest}) and under {@code spark-submit --class
 * org.arxivdigest.cli.ArxivDigest}. {@link #run} returns the exit code so that tests can call it.
 */
@Command(name = "arxiv-digest", mixinStandardHelpOptions = true, version = "arxiv-digest 0.1.0",
    description = "Turns bulk arXiv metadata dumps into monthly topic digests.",
    subcommands = {RunCommand.class, HarvestCommand.class, IngestCommand.class, ClassifyCommand.class,
        AggregateCommand.class, PublishCommand.class, TrainCommand.class, EvaluateCommand.class,
        CommandLine.HelpCommand.class},
    footerHeading = "%nExamples:%n",
    footer = {
        "  arxiv-digest run --input data/sample           # every stage, into output/",
        "  arxiv-digest harvest --set cs --from 2026-05-01 --until 2026-05-01 \\",
        "      --output harvest/2026-05-01                # a day of cs records",
        "  arxiv-digest run --merge --input harvest/2026-05-01   # merge into output/",
        "  arxiv-digest ingest --input dump.json.gz       # papers, versions, quarantine",
        "  arxiv-digest classify                          # topics of the papers",
        "  arxiv-digest aggregate --from 2026-05 --to 2026-05   # one month's stats",
        "  arxiv-digest publish                           # pages, site, feeds, extracts",
        "  arxiv-digest train --models models --kind category   # a TF-IDF model",
        "  arxiv-digest evaluate --models models          # model quality reports",
        "  arxiv-digest help run                          # a command's options"})
public class ArxivDigest implements Runnable {
  @Spec CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  public static int run(String... args) {
    var cli = new CommandLine(new ArxivDigest());
    // "--input a.json --bogus" must be an unknown option, not a second input called "--bogus".
    cli.setUnmatchedOptionsAllowedAsOptionParameters(false);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler(ArxivDigest::usageError);
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> executionError(e, cmd));
    return cli.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand ("
        + String.join(", ", spec.subcommands().keySet()) + ")");
  }

  /** Unknown commands and flags, missing values: one line naming the problem, then where help is. */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    String message = e.getMessage().replace("Value for option option ", "Value for option ");
    if (e instanceof CommandLine.UnmatchedArgumentException unmatched && cmd.getParent() == null
        && args.length > 0 && !args[0].startsWith("-") && unmatched.getUnmatched().contains(args[0])) {
      message = "unknown command '" + args[0] + "' (commands: "
          + String.join(", ", cmd.getSubcommands().keySet()) + ")";
      var distance = org.apache.commons.text.similarity.LevenshteinDistance.getDefaultInstance();
      var close = cmd.getSubcommands().keySet().stream()
          .filter(c -> distance.apply(c, args[0]) <= Math.max(1, c.length() / 3)).toList();
      if (!close.isEmpty()) {
        message += "; did you mean " + String.join(" or ", close) + "?";
      }
    }
    err.println(qualifiedName(cmd) + ": " + message + " (see " + qualifiedName(cmd) + " --help)");
    return ExitCodes.USAGE;
  }

  private static int executionError(Exception e, CommandLine cmd) {
    PrintWriter err = cmd.getErr();
    UsageException usage = findUsage(e);
    if (usage != null) {
      err.println(qualifiedName(cmd) + ": " + usage.getMessage());
      return ExitCodes.USAGE;
    }
    if (e instanceof RunFailed failed && failed.log() != null) {
      err.println(qualifiedName(cmd) + ": run failed: " + failed.getMessage().lines().findFirst().orElse("")
          + " (stack trace in " + failed.log() + ")");
      return ExitCodes.FAILED;
    }
    e.printStackTrace(err);
    err.println(qualifiedName(cmd) + ": run failed: " + (e instanceof RunFailed ? e.getCause() : e));
    return ExitCodes.FAILED;
  }

  /** The usage error that caused {@code e}, if one did (anywhere in its cause chain); else null. */
  static UsageException findUsage(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UsageException u) {
        return u;
      }
    }
    return null;
  }

  private static String qualifiedName(CommandLine cmd) {
    return cmd.getParent() == null ? cmd.getCommandName()
        : qualifiedName(cmd.getParent()) + " " + cmd.getCommandName();
  }
}
