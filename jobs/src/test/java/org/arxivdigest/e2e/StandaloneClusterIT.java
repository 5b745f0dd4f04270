package org.arxivdigest.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.arxivdigest.cli.ArxivDigest;
import org.arxivdigest.testing.Outputs;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cluster jar submitted with Spark's own SparkSubmit to a real standalone cluster (a Master and a Worker started
 * by {@code bin/local-cluster}, executors launched by the Worker from {@code $SPARK_HOME/jars}) writes what the
 * embedded run writes: pages, HTML, charts, feeds and extracts byte for byte, every dataset row for row.
 * An integration test (failsafe): it needs the packaged cluster jar and SPARK_HOME.
 */
class StandaloneClusterIT {
  private static final Path REPO = TestSpark.repo();
  private static final Path WORK = REPO.resolve("jobs/target/it-cluster");
  private static final String PORT = "7177";

  private static Map<String, String> clusterEnv() {
    return Map.of("LOCAL_CLUSTER_DIR", WORK.resolve("cluster").toString(), "LOCAL_CLUSTER_PORT", PORT,
        "LOCAL_CLUSTER_UI_PORT", "8177", "LOCAL_CLUSTER_CORES", "2", "LOCAL_CLUSTER_MEMORY", "3g");
  }

  private static int exec(Path log, Map<String, String> env, String... command) throws Exception {
    var pb = new ProcessBuilder(command).directory(REPO.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    assertThat(p.waitFor(20, TimeUnit.MINUTES)).as(String.join(" ", command) + " finished").isTrue();
    return p.exitValue();
  }

  @BeforeAll
  static void startCluster() throws Exception {
    Files.createDirectories(WORK);
    int exit = exec(WORK.resolve("start.log"), clusterEnv(), "bin/local-cluster", "start");
    assertThat(exit).as("bin/local-cluster start; see " + WORK.resolve("start.log") + ": "
        + Files.readString(WORK.resolve("start.log"))).isZero();
  }

  @AfterAll
  static void stopCluster() throws Exception {
    exec(WORK.resolve("stop.log"), clusterEnv(), "bin/local-cluster", "stop");
  }

  @Test
  void sparkSubmitToAStandaloneClusterWritesWhatTheEmbeddedRunWrites() throws Exception {
    Path clusterOut = WORK.resolve("cluster-output");
    Path embeddedOut = WORK.resolve("embedded-output");
    String input = REPO.resolve("data/sample").toString();
    String topics = REPO.resolve("data/topics.json").toString();
    Path jar = REPO.resolve("jobs/target/arxiv-digest-jobs-cluster.jar");
    assertThat(jar).isRegularFile();

    int submitted = exec(WORK.resolve("submit.log"), Map.of(), "bin/spark-submit",
        "--master", "spark://127.0.0.1:" + PORT, "--deploy-mode", "client",
        "--class", "org.arxivdigest.cli.ArxivDigest",
        "--conf", "spark.executor.memory=2g", "--conf", "spark.sql.shuffle.partitions=8",
        jar.toString(), "run", "--input", input, "--topics", topics, "--output", clusterOut.toString());
    assertThat(submitted).as("spark-submit exit code; log in " + WORK.resolve("submit.log")).isZero();
    String log = Files.readString(WORK.resolve("submit.log"));
    assertThat(log).as("ran on the standalone cluster").contains("Connecting to master spark://127.0.0.1:" + PORT)
        .contains("Granted executor ID");
    assertThat(Files.readString(clusterOut.resolve("run-summary.json")))
        .contains("\"spark_master\" : \"spark://127.0.0.1:" + PORT + "\"");

    assertThat(ArxivDigest.run("run", "--input", input, "--topics", topics, "--output", embeddedOut.toString(),
        "--master", "local[2]", "--conf", "spark.sql.shuffle.partitions=3")).isZero();

    Outputs.assertSame(clusterOut, embeddedOut);
  }
}
