package io.convosql.bench;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Child program for the cold-start measurement: connects, runs one query and prints, as soon as the
 * first row is read, {@code FIRST_ROW <ms since the JVM started> <ms from connecting>}. Arguments:
 * the JDBC URL and the SQL.
 */
public final class FirstRow {
  private FirstRow() {}

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    try (Connection c = DriverManager.getConnection(args[0]);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(args[1])) {
      if (!rs.next()) {
        throw new IllegalStateException("no row: " + args[1]);
      }
      rs.getObject(1);
      long sinceJvm = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
      System.out.println("FIRST_ROW " + sinceJvm + " " + (System.nanoTime() - start) / 1_000_000);
      System.out.flush();
    }
  }
}
