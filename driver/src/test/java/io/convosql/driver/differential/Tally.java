package io.convosql.driver.differential;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a differential run did: counts, requests, time, features, tables, failures and the slowest
 * queries. Thread-safe; reports in query order whatever order the workers finish in.
 */
final class Tally {
  private static final int SLOWEST = 5;

  /** One query's time (both modes) and what to show of it. */
  private record Timed(long nanos, String line) {}

  private final Catalog catalog;
  final Map<String, Integer> features = new TreeMap<>();
  final Map<String, Integer> tables = new TreeMap<>();
  private final Map<Integer, String> failed = new TreeMap<>();
  private final Map<String, Integer> bothFailedKinds = new TreeMap<>();
  private final Map<Integer, String> bothFailedQueries = new TreeMap<>();
  private final List<Timed> times = new ArrayList<>();
  int run;
  int bothFailed;
  private int withRows;
  private long pushedRequests;
  private long plainRequests;
  private long pushedNanos;
  private long plainNanos;

  Tally(Catalog catalog) {
    this.catalog = catalog;
  }

  /** Counts one query. */
  synchronized void add(int index, GeneratedQuery q, Outcome pushed, Outcome plain,
      String failure) {
    run++;
    pushedRequests += pushed.requests();
    plainRequests += plain.requests();
    pushedNanos += pushed.nanos();
    plainNanos += plain.nanos();
    q.features().forEach(f -> features.merge(f, 1, Integer::sum));
    catalog.tables.stream().filter(t -> q.sql().contains(t.qualified()))
        .forEach(t -> tables.merge(t.schema() + "." + t.name(), 1, Integer::sum));
    if (pushed.failed() && plain.failed()) {
      bothFailed++;
      String m = String.valueOf(plain.error().getMessage());
      String kind = plain.errorClass() + ": " + m.substring(0, Math.min(m.length(), 90));
      Integer first = bothFailedKinds.get(kind);
      if (first == null || index < first) {
        bothFailedKinds.put(kind, index);
        bothFailedQueries.put(index, q.describe());
      }
    }
    withRows += pushed.rows().isEmpty() ? 0 : 1;
    if (failure != null) {
      failed.put(index, failure);
    }
    long nanos = pushed.nanos() + plain.nanos();
    times.add(new Timed(nanos, nanos / 1_000_000 + " ms, query " + index + ", requests "
        + pushed.requests() + "/" + plain.requests() + ": " + q.sql()));
  }

  /** The failures, by query index. */
  synchronized List<String> failures() {
    return List.copyOf(failed.values());
  }

  synchronized String summary() {
    StringBuilder b = new StringBuilder();
    b.append(String.format("  %d queries, %d mismatches, %d failed in both modes, %d returned"
        + " rows%n", run, failed.size(), bothFailed, withRows));
    b.append(String.format("  requests: %d with pushdown, %d without; query time: %d s with"
        + " pushdown, %d s without%n", pushedRequests, plainRequests,
        pushedNanos / 1_000_000_000L, plainNanos / 1_000_000_000L));
    b.append("  tables: ").append(tables).append('\n');
    b.append("  features: ").append(features).append('\n');
    bothFailedKinds.forEach((kind, index) -> b.append("  failed in both modes: ").append(kind)
        .append("\n    first: query ").append(index).append(": ")
        .append(bothFailedQueries.get(index)).append('\n'));
    b.append("  slowest (both modes; requests with/without pushdown):");
    times.stream().sorted(Comparator.comparingLong(Timed::nanos).reversed()).limit(SLOWEST)
        .forEach(t -> b.append("\n    ").append(t.line()));
    return b.toString();
  }
}
