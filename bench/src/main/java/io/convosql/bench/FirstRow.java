package io.convosql.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Child program for the cold-start measurement: connects, runs one query and prints, as soon as the
 * first row is read, {@code FIRST_ROW <ms since the JVM started> <ms of the query to its first row>
 * <ms of getConnection> <CPU ms of getConnection> <CPU ms of the query> <CPU ms of the process>}
 * (CPU of this thread, then of the whole process up to the first row). Arguments: the JDBC URL, the
 * SQL, and optionally {@code preloaded}: the URL's driver is then found and loaded before the clock
 * starts, as in a JVM that already runs (DBeaver, an application server) and has the driver on its
 * class path, so only the connection and query count; {@code preloaded-pause} also waits 1 s between
 * getConnection and the query (a user's think time), which no time printed but the first includes,
 * and {@code preloaded-pause-<ms>} waits that many milliseconds.
 */
public final class FirstRow {
  /** The think time of {@code preloaded-pause}. */
  static final long PAUSE_MS = 1000;

  private FirstRow() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length > 2 ? args[2] : "";
    if (mode.startsWith("preloaded")) {
      DriverManager.getDriver(args[0]);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long start = System.nanoTime();
    long cpuStart = threads.getCurrentThreadCpuTime();
    try (Connection c = DriverManager.getConnection(args[0])) {
      long connectMs = (System.nanoTime() - start) / 1_000_000;
      long connectCpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
      if (mode.startsWith("preloaded-pause")) {
        Thread.sleep(mode.startsWith("preloaded-pause-")
            ? Long.parseLong(mode.substring("preloaded-pause-".length())) : PAUSE_MS);
      }
      long queryStart = System.nanoTime();
      long queryCpuStart = threads.getCurrentThreadCpuTime();
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(args[1])) {
        if (!rs.next()) {
          throw new IllegalStateException("no row: " + args[1]);
        }
        rs.getObject(1);
        long sinceJvm = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        long processCpu = ((com.sun.management.OperatingSystemMXBean)
            ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
        System.out.println("FIRST_ROW " + sinceJvm + " " + (System.nanoTime() - queryStart) / 1_000_000 + " "
            + connectMs + " " + connectCpu + " " + (threads.getCurrentThreadCpuTime() - queryCpuStart) / 1_000_000
            + " " + processCpu);
        System.out.flush();
      }
    }
  }
}
