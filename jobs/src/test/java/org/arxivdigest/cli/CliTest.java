package org.arxivdigest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and messages of the command line; none of these start Spark. */
class CliTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private PrintStream oldErr;
  private PrintStream oldOut;

  @BeforeEach
  void capture() {
    oldErr = System.err;
    oldOut = System.out;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setErr(oldErr);
    System.setOut(oldOut);
  }

  private String errText() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void helpOfEachSubcommandExitsZero() {
    assertThat(ArxivDigest.run("--help")).isZero();
    assertThat(ArxivDigest.run("ingest", "--help")).isZero();
    assertThat(ArxivDigest.run("run", "--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("--input").contains("--output").contains("--master");
  }

  @Test
  void helpListsRunFirstWithAnExampleForEveryCommand() {
    assertThat(ArxivDigest.run("--help")).isZero();
    String help = out.toString(StandardCharsets.UTF_8);
    String commands = help.substring(help.indexOf("Commands:"), help.indexOf("Examples:"));
    assertThat(commands.lines().skip(1).findFirst().orElseThrow().strip()).startsWith("run ");
    String examples = help.substring(help.indexOf("Examples:"));
    for (String command : List.of("run", "harvest", "ingest", "classify", "aggregate", "publish", "train",
        "evaluate")) {
      assertThat(examples).as(command).contains("arxiv-digest " + command + " ");
    }
  }

  @Test
  void anUnknownCommandSaysSoAndNamesTheCommands() {
    assertThat(ArxivDigest.run("frobnicate")).isEqualTo(ExitCodes.USAGE);
    assertThat(errText().strip().lines()).hasSize(1);
    assertThat(errText()).startsWith("arxiv-digest: unknown command 'frobnicate' (commands: run, harvest,");
    assertThat(ArxivDigest.run("rn", "--input", "x")).isEqualTo(ExitCodes.USAGE);
    assertThat(errText()).contains("unknown command 'rn'").contains("did you mean run?");
  }

  @Test
  void aBadConfValueSaysWhatItShouldBe() {
    assertThat(ArxivDigest.run("run", "--conf", "foo")).isEqualTo(ExitCodes.USAGE);
    assertThat(errText()).contains("Value for option '--conf' (KEY=VALUE) should be in KEY=VALUE format")
        .doesNotContain("option option");
  }

  @Test
  void anUnknownFlagIsAOneLineUsageError() {
    assertThat(ArxivDigest.run("ingest", "--input", "x.json", "--bogus")).isEqualTo(ExitCodes.USAGE);
    assertThat(errText().strip().lines()).hasSize(1);
    assertThat(errText()).contains("arxiv-digest ingest").contains("--bogus");
  }

  @Test
  void aMissingInputPathIsAUsageErrorNamingIt() {
    String missing = dir.resolve("missing.jsonl").toString();
    assertThat(ArxivDigest.run("run", "--input", missing, "--output", dir.resolve("out").toString()))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(errText().strip().lines()).hasSize(1);
    assertThat(errText()).contains("input path not found").contains(missing);
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void noInputOrNoSubcommandIsAUsageError() {
    assertThat(ArxivDigest.run("ingest")).isEqualTo(ExitCodes.USAGE);
    assertThat(ArxivDigest.run(new String[0])).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void anInvalidTopicConfigIsAUsageErrorNamingTopicAndFieldAndWritesNothing() throws java.io.IOException {
    Path topics = java.nio.file.Files.writeString(dir.resolve("topics.json"),
        "{\"topics\": [{\"slug\": \"llm\", \"include\": [\"llm\"], \"colour\": \"red\"}]}");
    Path out = dir.resolve("out");
    assertThat(ArxivDigest.run("classify", "--topics", topics.toString(), "--output", out.toString()))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(errText()).contains("topic \"llm\"").contains("unknown field \"colour\"");
    assertThat(errText().strip().lines()).hasSize(1);
    assertThat(out).doesNotExist();
  }

  @Test
  void anUnreadableTopicConfigOrBadMonthIsAUsageError() {
    assertThat(ArxivDigest.run("publish", "--topics", dir.resolve("none.json").toString())).isEqualTo(
        ExitCodes.USAGE);
    assertThat(errText()).contains("cannot read topic config");
    assertThat(ArxivDigest.run("publish", "--from", "2025-13")).isEqualTo(ExitCodes.USAGE);
    assertThat(errText()).contains("--from");
  }

  @Test
  void incrementalWithABackfillRangeIsAUsageError() {
    Path out = dir.resolve("out");
    assertThat(ArxivDigest.run("run", "--incremental", "--from", "2025-05", "--input",
        org.arxivdigest.testing.TestSpark.sample().toString(), "--output", out.toString()))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(errText()).contains("--incremental").contains("--from/--to");
    assertThat(errText().strip().lines()).hasSize(1);
    assertThat(out).doesNotExist();
  }

  @Test
  void aCommandRunBeforeTheOneItReadsFromSaysWhichToRun() {
    Path out = dir.resolve("empty-output");
    String topics = org.arxivdigest.testing.SampleRun.topics();
    assertThat(ArxivDigest.run("publish", "--topics", topics, "--output", out.toString(), "--master", "local[2]"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(errText()).contains("no dataset at").contains("run `arxiv-digest classify` first");
    assertThat(ArxivDigest.run("classify", "--topics", topics, "--output", out.toString(), "--master", "local[2]"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(errText()).contains("run `arxiv-digest ingest` first");
  }
}
