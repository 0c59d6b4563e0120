package io.convosql.driver;

import com.sun.management.UnixOperatingSystemMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a convosql connection could leak, counted at one moment: the threads the driver starts and
 * the sockets the process holds.
 *
 * <p>Counted threads are those whose names start with {@code OkHttp} (each connection's dispatcher
 * threads, named {@code OkHttp Dispatcher}, or {@code OkHttp http://…} while they run a call),
 * {@code convosql-} (each API client's retry scheduler, {@code convosql-pathsim-retry} and
 * {@code convosql-insights-retry}) and {@code Failsafe}. Not counted, because none of them is per
 * connection and each is bounded:
 * <ul>
 *   <li>{@code OkHttp TaskRunner}: OkHttp's process-wide task pool (connection-pool cleanup, …),
 *       shared by every client and idle threads end after 60 s by themselves;
 *   <li>{@code Okio Watchdog}: Okio's one process-wide timeout thread, also ending when idle;
 *   <li>{@code convosql-sandbox}: the test sandbox's own server pool (at most 8 threads);
 *   <li>{@code convosql-warmup}: the driver's warm-up threads (one per JVM, and one per {@code serve --demo}), ending by themselves;
 *   <li>JVM and test-runner threads (GC, JIT, surefire, {@code ForkJoinPool.commonPool}, …).
 * </ul>
 * Sockets are the {@code /proc/self/fd} entries that link to {@code socket:[…]}; they include the
 * sandbox's server side of each connection, which closes when the client closes its side.
 */
record ResourceCensus(Map<Long, String> threads, Set<String> sockets, long openFiles) {
  private static final Path FDS = Path.of("/proc/self/fd");

  static boolean counted(String threadName) {
    if (threadName.startsWith("OkHttp TaskRunner") || threadName.startsWith("convosql-sandbox")
        || threadName.startsWith("convosql-warmup")) {
      return false;
    }
    return threadName.startsWith("OkHttp") || threadName.startsWith("convosql-")
        || threadName.startsWith("Failsafe");
  }

  static ResourceCensus take() {
    Map<Long, String> threads = new TreeMap<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.isAlive() && counted(t.getName())) {
        threads.put(t.getId(), t.getName());
      }
    }
    return new ResourceCensus(threads, openSockets(), openFileCount());
  }

  private static Set<String> openSockets() {
    Set<String> out = new TreeSet<>();
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(FDS)) {
      for (Path fd : fds) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:")) {
            out.add(target);
          }
        } catch (IOException e) {
          // closed while we looked (or the directory stream's own descriptor)
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static long openFileCount() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof UnixOperatingSystemMXBean unix ? unix.getOpenFileDescriptorCount() : -1;
  }

  /** The counted threads alive now that were not alive at {@code before}, by name. */
  Set<String> newThreads(ResourceCensus before) {
    return threads.entrySet().stream().filter(e -> !before.threads.containsKey(e.getKey()))
        .map(e -> e.getValue() + " #" + e.getKey()).collect(Collectors.toCollection(TreeSet::new));
  }

  /** The sockets open now that were not open at {@code before}. */
  Set<String> newSockets(ResourceCensus before) {
    Set<String> out = new TreeSet<>(sockets);
    out.removeAll(before.sockets);
    return out;
  }

  /** Whether nothing counted is open now that was not open at {@code before}. */
  boolean backTo(ResourceCensus before) {
    return newThreads(before).isEmpty() && newSockets(before).isEmpty()
        && openFiles <= before.openFiles;
  }

  /** Takes a census every 50 ms until it is back to {@code before} or {@code max} has passed. */
  static ResourceCensus awaitBackTo(ResourceCensus before, Duration max)
      throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    ResourceCensus now = take();
    while (!now.backTo(before) && System.nanoTime() < deadline) {
      Thread.sleep(50);
      now = take();
    }
    return now;
  }

  @Override
  public String toString() {
    return threads.size() + " threads, " + sockets.size() + " sockets, " + openFiles
        + " open files";
  }
}
