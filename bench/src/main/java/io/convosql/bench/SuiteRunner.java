package io.convosql.bench;

import io.convosql.sandbox.Sandbox;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Runs one suite query through the driver and through the hand-written client: once to warm up and
 * check that both return the same rows (a difference stops the benchmark), then {@code runs} timed
 * runs of each, counting the requests each run sent from the sandbox's log.
 */
final class SuiteRunner {
  private final Sandbox sandbox;
  private final Connection connection;
  private final HandClient hand;
  private final int runs;

  SuiteRunner(Sandbox sandbox, Connection connection, HandClient hand, int runs) {
    this.sandbox = Objects.requireNonNull(sandbox, "sandbox");
    this.connection = Objects.requireNonNull(connection, "connection");
    this.hand = Objects.requireNonNull(hand, "hand");
    this.runs = runs;
  }

  Result run(SuiteQuery q) {
    List<String> driverRows = driver(q.sql());
    List<String> handRows = q.hand().apply(hand);
    String diff = q.check().differences(driverRows, handRows, q.sortColumn());
    if (diff != null) {
      throw new IllegalStateException("query " + q.name() + ": the driver and the hand-written client"
          + " disagree: " + diff + "\n  SQL: " + q.sql());
    }
    long minimum = q.minimum().applyAsLong(hand);
    int[] driverRequests = new int[1];
    double driverMs = median(() -> driver(q.sql()), driverRequests);
    int[] handRequests = new int[1];
    double handMs = median(() -> q.hand().apply(hand), handRequests);
    return new Result(q, driverRows.size(), driverRequests[0], minimum, handRequests[0], driverMs, handMs);
  }

  /** The median wall time of the runs, in ms; {@code requests[0]} gets the last run's request count. */
  private double median(Supplier<List<String>> work, int[] requests) {
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      sandbox.requests().clear();
      long start = System.nanoTime();
      work.get();
      ms[i] = (System.nanoTime() - start) / 1e6;
      requests[0] = sandbox.requests().all().size();
    }
    Arrays.sort(ms);
    return runs % 2 == 1 ? ms[runs / 2] : (ms[runs / 2 - 1] + ms[runs / 2]) / 2;
  }

  /** Prepares, runs and reads the query to its end, as a user's program does. */
  List<String> driver(String sql) {
    try (PreparedStatement s = connection.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
      return Canon.rows(rs);
    } catch (SQLException e) {
      throw new IllegalStateException("the driver failed on: " + sql + "\n  " + e.getMessage(), e);
    }
  }

  /** Rows of a query read to the end, without keeping them: for scans whose rows are only counted. */
  long count(String sql) {
    try (PreparedStatement s = connection.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
      int n = rs.getMetaData().getColumnCount();
      long rows = 0;
      while (rs.next()) {
        for (int i = 1; i <= n; i++) {
          rs.getObject(i);
        }
        rows++;
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("the driver failed on: " + sql + "\n  " + e.getMessage(), e);
    }
  }

  static List<String> names(List<SuiteQuery> queries) {
    List<String> names = new ArrayList<>();
    queries.forEach(q -> names.add(q.name()));
    return names;
  }
}
