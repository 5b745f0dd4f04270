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
    subcommands = {IngestCommand.class, ClassifyCommand.class, AggregateCommand.class, PublishCommand.class,
        RunCommand.class, TrainCommand.class, EvaluateCommand.class, HarvestCommand.class,
        CommandLine.HelpCommand.class})
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

  /** Unknown flags, missing values: one line naming the problem, then where help is. */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    PrintWriter err = e.getCommandLine().getErr();
    err.println(qualifiedName(e.getCommandLine()) + ": " + e.getMessage()
        + " (see " + qualifiedName(e.getCommandLine()) + " --help)");
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
