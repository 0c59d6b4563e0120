package io.convosql.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_trunc;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads PathSim test sessions into Spark with a partitioned JDBC read (each partition asks the API
 * only for its own dates) and prints the sessions per week and test type.
 *
 * <p>Run on the sandbox: {@code spark-submit --driver-class-path driver/target/convosql-jdbc.jar
 * --jars driver/target/convosql-jdbc.jar --class io.convosql.spark.SessionsByWeek
 * spark/target/convosql-spark.jar}; pass a JDBC URL (and a number of days) to read the real API.
 */
public final class SessionsByWeek {
  static final String DRIVER = "io.convosql.driver.ConvoSqlDriver";
  private static final DateTimeFormatter SPARK_BOUND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private SessionsByWeek() {}

  /**
   * PathSim sessions with {@code started_at} in {@code [from, to)} read in {@code partitions}
   * partitions. Spark splits the bounds into ranges, one per partition, and sends each as a WHERE
   * clause on {@code started_at}, which convosql pushes into the API's date filter; rows outside the
   * bounds fall into the first or last partition, so nothing is lost.
   */
  public static Dataset<Row> sessions(SparkSession spark, String url, LocalDateTime from, LocalDateTime to,
      int partitions) {
    return spark.read().format("jdbc")
        .option("url", url)
        .option("driver", DRIVER)
        .option("dbtable", "pathsim.sessions")
        .option("partitionColumn", "started_at")
        .option("lowerBound", SPARK_BOUND.format(from))
        .option("upperBound", SPARK_BOUND.format(to))
        .option("numPartitions", Integer.toString(partitions))
        .load()
        .select("id", "started_at", "test_type", "objective");
  }

  /** Sessions per week (its Monday) and test type, latest week first. */
  public static Dataset<Row> perWeek(Dataset<Row> sessions) {
    return sessions
        .where(col("started_at").isNotNull())
        .groupBy(date_trunc("week", col("started_at")).as("week"), col("test_type"))
        .agg(count("*").as("sessions"))
        .orderBy(col("week").desc(), col("test_type"));
  }

  public static void main(String[] args) {
    String url = args.length > 0 ? args[0] : "jdbc:convosql:demo=true";
    int days = args.length > 1 ? Integer.parseInt(args[1]) : 28;
    SparkConf conf = new SparkConf().setAppName("convosql sessions by week")
        .setIfMissing("spark.master", "local[*]");
    SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
    try {
      LocalDateTime to = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).plusDays(1);
      perWeek(sessions(spark, url, to.minusDays(days), to, 4)).show(100, false);
    } finally {
      spark.stop();
    }
  }
}
