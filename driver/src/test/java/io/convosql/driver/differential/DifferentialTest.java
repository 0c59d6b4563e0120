package io.convosql.driver.differential;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.Faults;
import io.convosql.sandbox.Sandbox;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Pushdown never changes an answer: thousands of random queries over every table and column of both
 * schemas run on a connection with pushdown and on one with {@code pushdown=false}, against the
 * same sandbox, and their answers must agree. Each query comes from its own seed, derived from
 * the base seed and its index, so a failure names everything needed to run it again:
 * {@code -Dconvosql.diff.seed=<base> -Dconvosql.diff.only=<index>}; {@code
 * -Dconvosql.diff.queries=<n>} changes how many run, {@code -Dconvosql.diff.dataSeed=<seed>},
 * {@code -Dconvosql.diff.pathSimSessions=<n>} and {@code -Dconvosql.diff.insightsSessions=<n>} the
 * sandbox's data.
 */
class DifferentialTest {
  static final long DEFAULT_SEED = 20_250_901L;
  static final int DEFAULT_QUERIES = 2_000;
  /** Queries of the run with faults and a rate limit. */
  static final int DEFAULT_FAULT_QUERIES = 60;
  /** The seed of the sandbox data (not of the queries), and its size. */
  static final long DEFAULT_DATA_SEED = 7;
  static final int PATHSIM_SESSIONS = 30;
  static final int INSIGHTS_SESSIONS = 30;
  private static final int SHOWN_FAILURES = 5;
  /**
   * Workers run queries in parallel, each on its own sandbox (the same data) with its own pair of
   * connections; query i always runs on worker i % WORKERS.
   */
  static final int WORKERS = 2;

  /** The features the issue asks the generator to cover, checked against what it produced. */
  private static final List<String> REQUIRED = List.of("eq", "ne", "compare", "between", "in",
      "not-in", "like", "like-escape", "is-null", "or", "not", "matches", "order-by", "limit",
      "offset", "join", "prepared", "boolean", "aggregate", "semi-join", "time-bound",
      "order-prefix", "null-param", "path-like", "other-number-param");

  /** Mixes the base seed and a query's index into that query's seed (SplitMix64). */
  static long querySeed(long base, long index) {
    long z = base + (index + 1) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  @Test
  void pushdownNeverChangesAnswers() throws Exception {
    differential(Integer.getInteger("convosql.diff.queries", DEFAULT_QUERIES), true, "",
        sandbox -> { });
  }

  /**
   * The same comparison, fewer queries, against a sandbox that behaves like a real API under load:
   * 10% of requests fail (429, 502, 503, 504, cut connections; quick retries so it stays short) and
   * each key is held to 100 requests a second (429 with Retry-After).
   */
  @Test
  void pushdownNeverChangesAnswersUnderFaultsAndARateLimit() throws Exception {
    differential(Integer.getInteger("convosql.diff.faultQueries", DEFAULT_FAULT_QUERIES), false,
        ";retryBackoffMillis=1;retryMaxBackoffMillis=20", sandbox -> {
          sandbox.setFaults(Faults.builder().rate(0.1).seed(5).retryAfterSeconds(0).build());
          sandbox.setRateLimit(100);
        });
  }

  /**
   * Runs {@code count} queries in both modes; {@code coverage} also requires every feature and table
   * to have been met; {@code more} goes into the connections' URLs, {@code realistic} sets up each
   * worker's sandbox once the catalog is read.
   */
  private static void differential(int count, boolean coverage, String more,
      Consumer<Sandbox> realistic) throws Exception {
    long seed = Long.getLong("convosql.diff.seed", DEFAULT_SEED);
    Integer only = Integer.getInteger("convosql.diff.only");
    long dataSeed = Long.getLong("convosql.diff.dataSeed", DEFAULT_DATA_SEED);
    long started = System.nanoTime();
    long cpuStart = cpuNanos();
    List<DiffEnvironment> workers = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
    try {
      for (int w = 0; w < WORKERS; w++) {
        workers.add(new DiffEnvironment(dataSeed,
            Integer.getInteger("convosql.diff.pathSimSessions", PATHSIM_SESSIONS),
            Integer.getInteger("convosql.diff.insightsSessions", INSIGHTS_SESSIONS), more));
      }
      Catalog catalog = Catalog.read(workers.get(0).plain);
      workers.forEach(DiffEnvironment::takeRequests);
      workers.forEach(w -> realistic.accept(w.sandbox));
      Tally tally = new Tally(catalog);
      QueryGenerator generator = new QueryGenerator(catalog);
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < WORKERS; w++) {
        DiffEnvironment env = workers.get(w);
        int first = w;
        done.add(pool.submit(() -> {
          for (int i = first; i < count; i += WORKERS) {
            if (only == null || only == i) {
              run(seed, i, generator, env, tally, only != null);
            }
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
      long cpu = TimeUnit.NANOSECONDS.toSeconds(cpuNanos() - cpuStart);
      DiffEnvironment env = workers.get(0);
      System.out.printf("Differential test: base seed %d, data seed %d (%d PathSim and %d"
              + " Insights sessions, lookbackDays=%d, %d workers), %d s (%d s of CPU):%n%s%n", seed,
          dataSeed, env.pathSimSessions(), env.insightsSessions(), env.lookbackDays, WORKERS,
          seconds, cpu, tally.summary());
      List<String> failures = tally.failures();
      assertThat(failures).as("%d of %d queries answered differently with pushdown; the first:%n%s",
          failures.size(), tally.run, String.join("\n", failures.subList(0,
              Math.min(SHOWN_FAILURES, failures.size())))).isEmpty();
      if (only == null && coverage) {
        assertThat(tally.features.keySet()).as("features the generator covered")
            .containsAll(REQUIRED);
        assertThat(tally.tables).as("tables the generator queried")
            .hasSize(catalog.tables.size());
        assertThat(tally.bothFailed).as("queries that failed in both modes")
            .isLessThan(tally.run / 50 + 1);
      }
    } finally {
      pool.shutdownNow();
      for (DiffEnvironment env : workers) {
        env.close();
      }
    }
  }

  /**
   * Runs query {@code index} in both modes on one worker's sandbox, the modes one after the other
   * so that each one's requests are counted, and compares the answers.
   */
  private static void run(long seed, int index, QueryGenerator generator, DiffEnvironment env,
      Tally tally, boolean print) {
    long querySeed = querySeed(seed, index);
    GeneratedQuery q = generator.generate(querySeed);
    Outcome withPushdown = Outcome.run(env.pushed, q.sql(), q.params(), env::takeRequests);
    Outcome without = Outcome.run(env.plain, q.sql(), q.params(), env::takeRequests);
    String problem = Comparison.problem(q, withPushdown, without,
        () -> Outcome.run(env.plain, q.unlimited(), q.params(), env::takeRequests));
    env.takeRequests(); // not the query's own: those of the answer without its limit
    String failure = problem == null ? null
        : failure(seed, index, querySeed, env, q, problem, withPushdown, without);
    tally.add(index, q, withPushdown, without, failure);
    if (failure != null && (print || tally.failures().size() <= SHOWN_FAILURES)) {
      System.out.println(failure);
    } else if (print) {
      System.out.println("query " + index + " (query seed " + querySeed + "): " + q.describe()
          + "\n  check: " + q.check() + "\n  with pushdown: " + withPushdown.show(8)
          + "\n  without pushdown: " + without.show(8));
    }
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static String failure(long seed, int index, long querySeed, DiffEnvironment env,
      GeneratedQuery q, String problem, Outcome pushed, Outcome plain) {
    return "MISMATCH: base seed " + seed + ", query " + index + " (query seed " + querySeed
        + ", data seed " + env.dataSeed + "; rerun with -Dconvosql.diff.seed=" + seed + " "
        + env.dataProperties() + " -Dconvosql.diff.only=" + index + ")\n  " + q.describe()
        + "\n  check: " + q.check() + "; " + problem + "\n  with pushdown: " + pushed.show(8)
        + "\n  without pushdown: " + plain.show(8) + "\n";
  }
}
