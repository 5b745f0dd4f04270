package org.arxivdigest.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.Test;

/** Steps run side by side ({@link Stages#concurrently}): at once, each naming its own Spark jobs, failures kept. */
class StagesTest {

  @Test
  void runsTheStepsAtOnce() {
    // Each step waits for the other at the barrier: one after the other, the first would time out.
    var barrier = new CyclicBarrier(2);
    var met = new AtomicBoolean[] {new AtomicBoolean(), new AtomicBoolean()};
    Stages.concurrently(() -> meet(barrier, met[0]), () -> meet(barrier, met[1]));
    assertThat(met[0]).isTrue();
    assertThat(met[1]).isTrue();
  }

  private static void meet(CyclicBarrier barrier, AtomicBoolean met) {
    try {
      barrier.await(30, TimeUnit.SECONDS);
      met.set(true);
    } catch (Exception e) {
      throw new IllegalStateException("the other step did not run at the same time", e);
    }
  }

  @Test
  void throwsTheFirstFailureWithTheOthersAttachedAfterAllHaveEnded() {
    var slowEnded = new AtomicBoolean();
    var first = new IllegalArgumentException("first");
    var second = new IllegalStateException("second");
    assertThatThrownBy(() -> Stages.concurrently(
        () -> {
          throw first;
        },
        () -> {
          sleep(300);
          slowEnded.set(true);
        },
        () -> {
          throw second;
        }))
        .isSameAs(first)
        .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(second));
    // The step that did not fail ran to its end before the failure reached the caller.
    assertThat(slowEnded).isTrue();
  }

  @Test
  void rethrowsAnErrorAsItIs() {
    var error = new AssertionError("boom");
    assertThatThrownBy(() -> Stages.concurrently(() -> {
      throw error;
    }, () -> { })).isSameAs(error);
  }

  @Test
  void eachStepNamesItsOwnSparkJobsAndInheritsTheRunId() throws Exception {
    SparkSession spark = TestSpark.session();
    var summary = new RunSummary("r1", "run", "local");
    var stages = new Stages(spark, summary, true);
    var descriptions = ConcurrentHashMap.<String>newKeySet();
    var listener = new SparkListener() {
      @Override
      public void onJobStart(SparkListenerJobStart event) {
        String d = event.properties().getProperty("spark.job.description");
        if (d != null && d.startsWith("step.")) {
          descriptions.add(d + "/" + event.properties().getProperty("arxivdigest.test.run"));
        }
      }
    };
    spark.sparkContext().addSparkListener(listener);
    spark.sparkContext().setLocalProperty("arxivdigest.test.run", "r1");
    try {
      Stages.concurrently(
          () -> stages.run("step.a", () -> Map.of("rows", spark.range(1000).count())),
          () -> stages.run("step.b", () -> Map.of("rows", spark.range(2000).count())));
    } finally {
      spark.sparkContext().setLocalProperty("arxivdigest.test.run", null);
      stages.close();
    }
    spark.sparkContext().listenerBus().waitUntilEmpty();
    spark.sparkContext().removeSparkListener(listener);
    assertThat(descriptions).isEqualTo(Set.of("step.a/r1", "step.b/r1"));
    assertThat(summary.stageSeconds()).containsOnlyKeys("step.a", "step.b");
    assertThat(summary.toJson("ok")).contains("\"rows\" : 1000").contains("\"rows\" : 2000");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
