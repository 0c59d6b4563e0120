package io.convosql.adapter.insights;

import io.convosql.sandbox.Sandbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import okhttp3.HttpUrl;

/** A connection to the shared sandbox through an {@link InsightsSchema}, collecting its warnings. */
final class Db implements AutoCloseable {
  final InsightsSchema schema;
  final Connection connection;
  final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

  private Db(InsightsSchema schema) throws SQLException {
    this.schema = schema;
    this.connection = Sql.connect("insights", schema);
    schema.setWarningListener((context, warning) -> warnings.add(text(warning)));
  }

  static Db open() throws SQLException {
    return open(true, InsightsSchema.DEFAULT_LOOKBACK_DAYS, false);
  }

  static Db open(boolean pushdown, int lookbackDays, boolean allowDelete) throws SQLException {
    return new Db(new InsightsSchema(HttpUrl.get(TestApi.sandbox().insightsUrl()), Sandbox.INSIGHTS_KEY,
        TestHttp.settings(Duration.ofSeconds(10)), pushdown, lookbackDays, allowDelete, TestApi.CLOCK));
  }

  /** The rows of a query; the request log is cleared first, so {@link TestApi#requests} shows its own. */
  List<String> rows(String sql, Object... params) throws SQLException {
    TestApi.clear();
    warnings.clear();
    return Sql.rows(connection, sql, params);
  }

  /** The update count of a statement; the request log is cleared first. */
  int update(String sql, Object... params) throws SQLException {
    TestApi.clear();
    try (java.sql.PreparedStatement s = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      return s.executeUpdate();
    }
  }

  String explain(String sql, Object... params) throws SQLException {
    return Sql.explain(connection, sql, params);
  }

  private static String text(SQLWarning w) {
    return w.getSQLState() + " " + w.getMessage();
  }

  @Override
  public void close() throws SQLException {
    connection.close();
    schema.close();
  }
}
