package io.convosql.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.RecordedRequest;
import io.convosql.sandbox.Sandbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.jdbc.JdbcDialect;
import org.apache.spark.sql.jdbc.JdbcDialects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Spark 4 in local mode reads convosql through its JDBC source with the shaded driver jar, as a
 * Spark user does: the schema probe sends no request, a read partitioned on a timestamp column
 * returns exactly the rows of a plain read, and each partition's requests carry that partition's
 * range. Spark ends each partition with {@code commit()} (its dialect turns auto-commit off, as
 * Spark's PostgreSQL dialect does), which must not fail.
 */
class SparkPartitionedReadTest {
  private static final String DRIVER = "io.convosql.driver.ConvoSqlDriver";
  private static Sandbox sandbox;
  private static SparkSession spark;
  private static final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void start() {
    sandbox = Sandbox.builder().seed(5).pathSimSessions(300).insightsSessions(80)
        .now(Instant.parse("2025-09-01T12:00:00Z")).start();
    spark = SparkSession.builder().master("local[2]").appName("convosql-spark-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    JdbcDialects.registerDialect(AUTO_COMMIT_OFF);
    captureWarnings();
  }

  @AfterAll
  static void stop() {
    JdbcDialects.unregisterDialect(AUTO_COMMIT_OFF);
    spark.stop();
    sandbox.close();
  }

  @BeforeEach
  void clear() {
    sandbox.requests().clear();
    warnings.clear();
  }

  /** Spark's generic dialect, except that it turns auto-commit off, so Spark commits after reading. */
  private static final JdbcDialect AUTO_COMMIT_OFF = new JdbcDialect() {
    @Override
    public boolean canHandle(String url) {
      return url.startsWith("jdbc:convosql:");
    }

    @Override
    public void beforeFetch(Connection connection, scala.collection.immutable.Map<String, String> properties) {
      try {
        connection.setAutoCommit(false);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
  };

  /** Collects Spark's warnings (such as "Exception committing transaction") to assert there are none. */
  private static void captureWarnings() {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    AbstractAppender appender = new AbstractAppender("convosql-test", null, null, true, Property.EMPTY_ARRAY) {
      @Override
      public void append(LogEvent event) {
        if (event.getLevel().isMoreSpecificThan(org.apache.logging.log4j.Level.WARN)) {
          warnings.add(event.getLoggerName() + ": " + event.getMessage().getFormattedMessage()
              + (event.getThrown() == null ? "" : " " + event.getThrown()));
        }
      }
    };
    appender.start();
    context.getConfiguration().addAppender(appender);
    context.getRootLogger().addAppender(appender);
    context.updateLoggers();
  }

  /**
   * No warning was logged, such as Spark's "Exception committing transaction" (a failing commit only
   * logs one); a warning logged here first proves the capture works.
   */
  private static void assertNoWarnings() {
    org.slf4j.LoggerFactory.getLogger(SparkPartitionedReadTest.class).warn("capture works");
    assertThat(warnings).containsExactly(SparkPartitionedReadTest.class.getName() + ": capture works");
  }

  private static String url() {
    return "jdbc:convosql:pathsim.url=" + sandbox.pathSimUrl() + ";pathsim.apiKey=" + Sandbox.PATHSIM_KEY
        + ";insights.url=" + sandbox.insightsUrl() + ";insights.apiKey=" + Sandbox.INSIGHTS_KEY
        + ";requestsPerSecond=0;retryBackoffMillis=10";
  }

  private static org.apache.spark.sql.DataFrameReader jdbc(String table) {
    return spark.read().format("jdbc").option("url", url()).option("driver", DRIVER).option("dbtable", table);
  }

  private static List<String> rows(Dataset<Row> data) {
    return data.collectAsList().stream().map(Row::toString).sorted().toList();
  }

  /** The values of two parameters in each request to a path ending as given, as "a|b" (- for none). */
  private static Set<String> params(String api, String pathEnd, String first, String second) {
    return sandbox.requests().of(api).stream().filter(r -> r.path().endsWith(pathEnd))
        .map(r -> show(r, first) + "|" + show(r, second)).collect(Collectors.toCollection(TreeSet::new));
  }

  private static String show(RecordedRequest r, String name) {
    String v = r.param(name);
    return v == null ? "-" : v;
  }

  @Test
  void pathSimPartitionedOnStartedAt() {
    Dataset<Row> plain = jdbc("pathsim.sessions").load().select("id", "started_at", "test_type");
    // text of no set length (getPrecision 2147483647, as getColumns' COLUMN_SIZE) is a Spark string
    assertThat(plain.schema().apply("id").dataType()).isEqualTo(org.apache.spark.sql.types.DataTypes.StringType);
    Dataset<Row> partitioned = SessionsByWeek.sessions(spark, url(), LocalDateTime.parse("2025-08-01T00:00"),
        LocalDateTime.parse("2025-08-29T00:00"), 4).select("id", "started_at", "test_type");
    assertThat(sandbox.requests().all()).as("the schema probes (WHERE 1=0)").isEmpty();
    assertThat(partitioned.rdd().getNumPartitions()).isEqualTo(4);

    List<String> expected = rows(plain);
    sandbox.requests().clear();
    List<String> actual = rows(partitioned);
    assertThat(actual).hasSize(300).containsExactlyElementsOf(expected);
    // Spark's partitions: started_at < '2025-08-08 00:00:00' or started_at is null; [08-08, 08-15);
    // [08-15, 08-22); >= '2025-08-22 00:00:00'. The first sends no date: the API does not say whether
    // its date filter keeps a session without a time, which "is null" asks for.
    assertThat(params("pathsim", "/sessions", "created_from", "created_to")).containsExactly(
        "-|-", "2025-08-07|2025-08-17", "2025-08-14|2025-08-24", "2025-08-21|-");
    assertNoWarnings();
    // the example's report counts every session once
    assertThat(SessionsByWeek.perWeek(partitioned).agg(org.apache.spark.sql.functions.sum("sessions"))
        .first().getLong(0)).isEqualTo(300);
  }

  @Test
  void insightsPartitionedOnSessionStartTime() {
    // The Insights API answers within date windows: the table names its own range.
    String table = "(SELECT id, session_start_time, agent_name FROM insights.sessions"
        + " WHERE session_start_time >= TIMESTAMP '2025-07-08 00:00:00'"
        + " AND session_start_time < TIMESTAMP '2025-09-02 00:00:00') s";
    Dataset<Row> plain = jdbc(table).load();
    Dataset<Row> partitioned = jdbc(table)
        .option("partitionColumn", "session_start_time")
        .option("lowerBound", "2025-07-08 00:00:00").option("upperBound", "2025-09-02 00:00:00")
        .option("numPartitions", "4")
        .load();
    assertThat(sandbox.requests().all()).as("the schema probes (WHERE 1=0)").isEmpty();

    List<String> expected = rows(plain);
    assertThat(params("insights", "/insights/sessions", "from_date", "to_date")).containsExactly(
        "2025-07-07T23:59:59.999999|2025-09-02T00:00:00");
    sandbox.requests().clear();
    List<String> actual = rows(partitioned);
    assertThat(actual).isNotEmpty().containsExactlyElementsOf(expected);
    // 14-day partitions; the first is "< '2025-07-22 00:00:00' or session_start_time is null"
    assertThat(params("insights", "/insights/sessions", "from_date", "to_date")).containsExactly(
        "2025-07-07T23:59:59.999999|2025-07-22T00:00:00",
        "2025-07-21T23:59:59.999999|2025-08-05T00:00:00",
        "2025-08-04T23:59:59.999999|2025-08-19T00:00:00",
        "2025-08-18T23:59:59.999999|2025-09-02T00:00:00");
    assertNoWarnings();
  }
}
