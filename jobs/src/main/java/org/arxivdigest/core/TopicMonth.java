package org.arxivdigest.core;

import java.util.Comparator;

/** One month of one topic: a month folder of the pages, a (topic, month) partition of the listings. */
public record TopicMonth(String topic, String month) implements Comparable<TopicMonth> {
  private static final Comparator<TopicMonth> ORDER =
      Comparator.comparing(TopicMonth::topic).thenComparing(TopicMonth::month);

  /** From a partition key of a dataset partitioned by topic and month: {@code topic=llm/month=2025_05}. */
  public static TopicMonth ofPartition(String key) {
    String[] parts = key.split("/");
    if (parts.length != 2 || !parts[0].startsWith("topic=") || !parts[1].startsWith("month=")) {
      throw new IllegalArgumentException("not a topic/month partition: " + key);
    }
    return new TopicMonth(parts[0].substring("topic=".length()), parts[1].substring("month=".length()));
  }

  @Override
  public int compareTo(TopicMonth other) {
    return ORDER.compare(this, other);
  }

  /** As the run summary lists it: {@code llm/2025_05}. */
  @Override
  public String toString() {
    return topic + "/" + month;
  }
}
