package org.arxivdigest.core;

import java.util.Collection;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a step changed, for the steps after it to redo: everything (a full rewrite, or nothing to compare with),
 * or exactly these topic-months (empty: nothing changed).
 */
public final class Changes {
  /** Everything changed, or nobody can tell what did: every later step redoes all of its work. */
  public static final Changes ALL = new Changes(null);

  private final SortedSet<TopicMonth> topicMonths;

  private Changes(SortedSet<TopicMonth> topicMonths) {
    this.topicMonths = topicMonths == null ? null : Collections.unmodifiableSortedSet(topicMonths);
  }

  /** Exactly these topic-months changed. */
  public static Changes of(Collection<TopicMonth> topicMonths) {
    return new Changes(new TreeSet<>(topicMonths));
  }

  public static Changes none() {
    return of(java.util.List.of());
  }

  /** These changes and {@code more}: all, when either is. */
  public Changes plus(Collection<TopicMonth> more) {
    if (topicMonths == null) {
      return this;
    }
    var all = new TreeSet<>(topicMonths);
    all.addAll(more);
    return new Changes(all);
  }

  public boolean isAll() {
    return topicMonths == null;
  }

  /** The topic-months that changed; only when not {@link #isAll()}. */
  public SortedSet<TopicMonth> topicMonths() {
    if (topicMonths == null) {
      throw new IllegalStateException("all changed: there is no list of topic-months");
    }
    return topicMonths;
  }

  /** The months of {@link #topicMonths()}, each once. */
  public SortedSet<String> months() {
    var months = new TreeSet<String>();
    topicMonths().forEach(tm -> months.add(tm.month()));
    return months;
  }

  /** Whether a topic-month is among what changed (always, when all did). */
  public boolean contains(TopicMonth topicMonth) {
    return topicMonths == null || topicMonths.contains(topicMonth);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Changes c && java.util.Objects.equals(topicMonths, c.topicMonths);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hashCode(topicMonths);
  }

  @Override
  public String toString() {
    return topicMonths == null ? "all" : topicMonths.toString();
  }
}
