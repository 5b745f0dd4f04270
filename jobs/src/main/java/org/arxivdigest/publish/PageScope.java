package org.arxivdigest.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.arxivdigest.schema.Columns.MONTH;
import static org.arxivdigest.schema.Columns.TOPIC;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.arxivdigest.core.Changes;
import org.arxivdigest.core.MonthRange;
import org.arxivdigest.core.TopicMonth;

/**
 * The month folders a publish renders: those in the range and, for an incremental run, only the topic-months
 * whose listings changed.
 */
record PageScope(MonthRange range, Changes changes) {
  boolean contains(String topic, String month) {
    return range.contains(month) && changes.contains(new TopicMonth(topic, month));
  }

  Dataset<Row> filter(Dataset<Row> listings) {
    Dataset<Row> inRange = range.isAll() ? listings : listings.filter(range.filter(col(MONTH)));
    return changes.isAll() ? inRange : inRange.filter(concat_ws("/", col(TOPIC), col(MONTH))
        .isin(changes.topicMonths().stream().map(TopicMonth::toString).toArray()));
  }
}
