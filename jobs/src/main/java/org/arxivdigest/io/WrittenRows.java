package org.arxivdigest.io;

import static org.apache.spark.sql.functions.udf;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.util.AccumulatorV2;

/**
 * A dataset's manifest figures taken in the pass that writes it, instead of reading the written files back: rows
 * and the sum of {@code xxhash64} of every row, per partition, the same figures {@link Manifests#describe} computes
 * from the files. {@link #observe} wraps the data to be written: a filter that keeps every row and adds it to an
 * accumulator on the way. The accumulator is updated in the write's own (result) stage, where Spark applies each
 * task's updates once, whatever the retries; a failed write leaves no manifest anyway.
 *
 * <p>Measured (issue 22): re-reading the written datasets for their manifests took 9 s of a 108-s run at 300k papers
 * (the listings 3.3 s, the papers 1.7 s, the trending terms 1.5 s, the versions 1.3 s).
 */
public final class WrittenRows extends AccumulatorV2<WrittenRows.Seen, Map<String, WrittenRows.Sum>> {
  private static final long serialVersionUID = 1L;

  /** One row seen: its partition key and hash. */
  public record Seen(String key, long hash) {}

  /** Rows and the exact sum of their hashes (128 bits: a 64-bit sum of 64-bit hashes overflows). */
  public static final class Sum implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    long rows;
    long high;
    long low;

    void add(long hash) {
      long sum = low + hash;
      high += (hash < 0 ? -1 : 0) + (Long.compareUnsigned(sum, low) < 0 ? 1 : 0);
      low = sum;
      rows++;
    }

    void add(Sum other) {
      long sum = low + other.low;
      high += other.high + (Long.compareUnsigned(sum, low) < 0 ? 1 : 0);
      low = sum;
      rows += other.rows;
    }

    public long rows() {
      return rows;
    }

    public BigInteger hashSum() {
      return BigInteger.valueOf(high).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(low)));
    }
  }

  private Map<String, Sum> sums = new HashMap<>();

  @Override
  public boolean isZero() {
    return sums.isEmpty();
  }

  @Override
  public WrittenRows copy() {
    var copy = new WrittenRows();
    sums.forEach((k, v) -> copy.sums.computeIfAbsent(k, x -> new Sum()).add(v));
    return copy;
  }

  @Override
  public void reset() {
    sums = new HashMap<>();
  }

  @Override
  public void add(Seen row) {
    sums.computeIfAbsent(row.key(), k -> new Sum()).add(row.hash());
  }

  @Override
  public void merge(AccumulatorV2<Seen, Map<String, Sum>> other) {
    other.value().forEach((k, v) -> sums.computeIfAbsent(k, x -> new Sum()).add(v));
  }

  @Override
  public Map<String, Sum> value() {
    return sums;
  }

  /** The data with every row counted into this accumulator when an action (the write) runs. */
  public Dataset<Row> observe(Dataset<Row> data, String... partitionColumns) {
    data.sparkSession().sparkContext().register(this, "written rows");
    WrittenRows acc = this;
    var counted = udf((UDF2<String, Long, Boolean>) (k, h) -> {
      acc.add(new Seen(k, h));
      return true;
    }, org.apache.spark.sql.types.DataTypes.BooleanType).asNondeterministic().asNonNullable();
    return data.filter(counted.apply(Manifests.partitionKey(partitionColumns),
        Manifests.rowHash(data.columns(), partitionColumns)));
  }

  /** The manifest of what was written, as {@link Manifests#describe} would read it from the files. */
  public Manifests.Manifest manifest(String dataset, String runId, String... partitionColumns) {
    var partitions = new TreeMap<String, Long>();
    var fingerprints = new TreeMap<String, String>();
    long rows = 0;
    BigInteger total = BigInteger.ZERO;
    for (var e : new TreeMap<>(sums).entrySet()) {
      rows += e.getValue().rows();
      total = total.add(e.getValue().hashSum());
      if (partitionColumns.length > 0) {
        partitions.put(e.getKey(), e.getValue().rows());
        fingerprints.put(e.getKey(), e.getValue().hashSum().toString());
      }
    }
    return new Manifests.Manifest(dataset, runId, rows, total.toString(), List.of(partitionColumns), partitions,
        fingerprints);
  }
}
