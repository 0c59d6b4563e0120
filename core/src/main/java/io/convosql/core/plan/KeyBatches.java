package io.convosql.core.plan;

/**
 * What the planner expects of a batch nested-loop join that would fetch a table by batches of the
 * other side's keys, for the table to weigh against one scan ({@link ApiTable#takesKeyBatches}): the
 * other side's distinct keys ({@link DistinctKeys}), the keys per batch, and the rows the scan without keys
 * is expected to read (its estimate, with the pushed filters).
 *
 * @param keys the planner's estimate of the other side's distinct keys: its rows, or fewer where a filter
 *     pins the key column to a few values
 * @param batchSize the keys a batch holds at most
 * @param scanRows the planner's estimate of the rows the scan without the keys reads
 */
public record KeyBatches(double keys, int batchSize, double scanRows) {
  /** The full batches. */
  public long fullBatches() {
    return (long) Math.floor(Math.max(keys, 1) / batchSize);
  }

  /** The keys of the last, partial batch (0 when every batch is full). */
  public int lastBatch() {
    return (int) Math.ceil(Math.max(keys, 1) - fullBatches() * (double) batchSize);
  }
}
