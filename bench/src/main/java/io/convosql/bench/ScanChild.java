package io.convosql.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Child program for the large scan: reads every row of one query (each value fetched, none kept)
 * in a JVM with a small heap and prints {@code SCAN <rows> <ms> <peak heap used, sampled, bytes>
 * <sum of the heap pools' peaks, bytes> <max heap bytes>}. The sampled peak is the most heap in use
 * seen every 5 ms; the pools' peaks are an upper bound (each pool's peak may come at another time).
 * Arguments: the JDBC URL and the SQL.
 */
public final class ScanChild {
  private ScanChild() {}

  public static void main(String[] args) throws Exception {
    AtomicLong peak = new AtomicLong();
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
    long start = System.nanoTime();
    long rows = 0;
    try (Connection c = DriverManager.getConnection(args[0]);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(args[1])) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= n; i++) {
          rs.getObject(i);
        }
        rows++;
      }
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    sampler.interrupt();
    long pools = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
        pools += p.getPeakUsage().getUsed();
      }
    }
    System.out.println("SCAN " + rows + " " + ms + " " + peak.get() + " " + pools + " "
        + Runtime.getRuntime().maxMemory());
  }
}
