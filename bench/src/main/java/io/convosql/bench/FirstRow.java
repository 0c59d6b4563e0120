package io.convosql.bench;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Child program for the cold-start measurement: connects, runs one query and prints, as soon as the
 * first row is read, {@code FIRST_ROW <ms since the JVM started> <ms from connecting> <ms of
 * getConnection>}. Arguments: the JDBC URL and the SQL.
 */
public final class FirstRow {
  private static long connectMs;

  private FirstRow() {}

  private static Statement connected(Connection c, long start) throws java.sql.SQLException {
    connectMs = (System.nanoTime() - start) / 1_000_000;
    return c.createStatement();
  }

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    try (Connection c = DriverManager.getConnection(args[0]);
        Statement s = connected(c, start);
        ResultSet rs = s.executeQuery(args[1])) {
      if (!rs.next()) {
        throw new IllegalStateException("no row: " + args[1]);
      }
      rs.getObject(1);
      long sinceJvm = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
      System.out.println("FIRST_ROW " + sinceJvm + " " + (System.nanoTime() - start) / 1_000_000 + " " + connectMs);
      System.out.flush();
    }
  }
}
