package io.convosql.core.exec;

import io.convosql.core.http.ApiException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.calcite.DataContext;

/**
 * The most API requests one execution of a statement may send ({@code maxRequestsPerStatement}),
 * shared by all its scans. A driver sets the limit per statement (by its cancel flag, the object
 * Calcite puts into each execution's DataContext as {@link DataContext.Variable#CANCEL_FLAG}). Scans
 * ask it before they send anything ({@link #checkEstimate}), say how many more requests the API's
 * answers have shown to be coming ({@link #expect}) and how many more they make likely
 * (an extrapolation from the part read so far, which a later answer revises, and which may refuse
 * the statement only when a listing's first page is read), and
 * count each request sent ({@link #spend}) and answered ({@link #answered}); each check fails, with
 * the estimate (saying which part of it is extrapolated, and how), the filter that narrows it and the
 * property that raises the limit, before a request past the limit goes out.
 *
 * <p>What a scan expects is kept by scan: a request pays off an expectation only when its scan says
 * it is one of those it announced (a later page, a per-row request), so that a request nobody
 * expected (a scan's first page, another scan's request) counts in full and a refusal comes as early
 * as the sure count allows. The error says how many requests were sent and, when some were still in
 * flight (to be cancelled), how many of them were answered.
 */
public final class RequestBudget {
  /** The property that sets the limit, as error messages name it. */
  public static final String PROPERTY = "maxRequestsPerStatement";
  /** "Program limit exceeded": the statement asks for more than a configured limit allows. */
  public static final String SQL_STATE = "54000";
  private static final RequestBudget UNLIMITED = new RequestBudget(0);
  private static final Map<Object, Long> LIMITS = Collections.synchronizedMap(new WeakHashMap<>());
  private static final Map<DataContext, RequestBudget> EXECUTIONS =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final long limit;
  private final AtomicLong spent = new AtomicLong();
  private final AtomicLong answered = new AtomicLong();
  /** The requests each scan (by its key) expects and has not sent yet. */
  private final Map<Object, AtomicLong> expectedBy = new ConcurrentHashMap<>();
  /** The current extrapolation of each source that makes one (a scan's listing), by that source. */
  private final Map<Object, Likely> likely = new ConcurrentHashMap<>();

  /** Requests a source expects beyond those sure to follow, and how it reckons them, for the error. */
  private record Likely(long requests, String how) {}

  private RequestBudget(long limit) {
    this.limit = limit;
  }

  /** Sets the limit of the statement with this cancel flag; 0 or less for none. */
  public static void limit(Object cancelFlag, long limit) {
    LIMITS.put(cancelFlag, limit);
  }

  /** The budget of the execution with this context, the same for all its scans. */
  static RequestBudget of(DataContext context) {
    DataContext statement = ScanRuntime.statementContext(context);
    Object flag = DataContext.Variable.CANCEL_FLAG.get(statement);
    Long limit = flag == null ? null : LIMITS.get(flag);
    if (limit == null || limit <= 0) {
      return UNLIMITED;
    }
    return EXECUTIONS.computeIfAbsent(statement, c -> new RequestBudget(limit));
  }

  /** Requests sent so far by the execution. */
  public long spent() {
    return spent.get();
  }

  /**
   * Fails before anything is sent when the scan's estimate, with what the execution already sent,
   * passes the limit.
   */
  void checkEstimate(long estimate, String api, String method, String path, String narrowing) {
    if (limit > 0 && estimate >= 0 && spent.get() + estimate > limit) {
      throw exceeded(Long.toString(spent.get() + estimate), api, method, path, narrowing,
          "nothing of it was sent");
    }
  }

  /** The requests all scans expect and have not sent yet. */
  private long expected() {
    long sum = 0;
    for (AtomicLong e : expectedBy.values()) {
      sum += e.get();
    }
    return sum;
  }

  private void addExpected(Object scan, long more) {
    if (more > 0) {
      expectedBy.computeIfAbsent(scan, k -> new AtomicLong()).addAndGet(more);
    }
  }

  /**
   * Notes that the API's answers show {@code more} requests still to come (the pages and per-row
   * requests a listing's total implies), which the {@code scan}'s announced requests pay off; fails
   * when they would pass the limit.
   */
  void expect(Object scan, long more, String api, String method, String path, String narrowing) {
    if (limit <= 0) {
      return; // the unlimited budget is shared: kept by scan, its expectations would keep every scan
    }
    addExpected(scan, more);
    check(false, api, method, path, narrowing);
  }

  /**
   * {@link #expect} together with what {@code source} extrapolates from the answers read so far:
   * {@code likely} more requests that may but need not follow, reckoned as {@code how} says, replacing
   * the source's previous extrapolation (0 withdraws it); one check, so that requests moving from the
   * extrapolation to the sure count are never counted twice. The extrapolations (every source's) may
   * refuse the statement only when {@code early} (a listing's first page was just read): a refusal
   * from an estimate is worth something only before the requests are spent, and near its end an
   * estimate may be a little over what a query that fits sends. Otherwise only the sure count is
   * checked.
   */
  void expect(Object scan, long more, Object source, long likely, String how, boolean early, String api,
      String method, String path, String narrowing) {
    if (limit <= 0) {
      return; // the unlimited budget is shared: it keeps nothing of a statement's
    }
    addExpected(scan, more);
    if (likely > 0) {
      this.likely.put(source, new Likely(likely, how));
    } else {
      this.likely.remove(source);
    }
    check(early, api, method, path, narrowing);
  }

  /** Withdraws what {@code source} extrapolated (it is done: nothing more of it will be sent). */
  public void withdraw(Object source) {
    likely.remove(source);
  }

  /** Fails when the sure count, and with {@code withLikely} the extrapolations, pass the limit. */
  private void check(boolean withLikely, String api, String method, String path, String narrowing) {
    if (limit <= 0) {
      return;
    }
    long sure = spent.get() + expected();
    long extrapolated = 0;
    StringBuilder how = new StringBuilder();
    for (Likely l : withLikely ? likely.values() : java.util.List.<Likely>of()) {
      extrapolated += l.requests();
      how.append(how.length() == 0 ? "" : "; ").append(l.how());
    }
    if (sure + extrapolated > limit) {
      String sent = stoppedAfter();
      throw extrapolated == 0 ? exceeded("at least " + sure, api, method, path, narrowing, sent)
          : exceeded("about " + (sure + extrapolated), api, method, path, narrowing, sent + "; of the "
              + (sure + extrapolated) + ", " + sure + " are sure and " + extrapolated + " estimated: " + how);
    }
  }

  /**
   * Fails when {@code more} requests that a running scan has just found it needs (for {@code what}),
   * with those sent and expected, would pass the limit; nothing of them is sent then.
   */
  void checkMore(long more, String what, String api, String method, String path, String narrowing) {
    long total = spent.get() + expected() + more;
    if (limit > 0 && more > 0 && total > limit) {
      throw new ApiException(api, method, path, 0, what + " would take " + more + " requests: the statement"
          + " needs " + total + ", more than " + PROPERTY + "=" + limit + " allows; "
          + stoppedAfter(), null, narrowing + ", or raise "
          + PROPERTY + " (0 for no limit)", SQL_STATE, null);
    }
  }

  /**
   * Counts a request of {@code scan} about to be sent; fails instead when it would be one past the
   * limit, or when with what the scans still expect it would pass the limit. Only a request the scan
   * {@code announced} (told of by {@link #expect}) pays off one of the scan's expected requests.
   */
  void spend(Object scan, boolean announced, String api, String method, String path, String narrowing) {
    if (limit <= 0) {
      return;
    }
    AtomicLong own = announced ? expectedBy.get(scan) : null;
    boolean paid = own != null && own.getAndUpdate(e -> Math.max(0, e - 1)) > 0;
    long n = spent.incrementAndGet();
    long sure = n + expected();
    if (n > limit || sure > limit) {
      spent.decrementAndGet();
      if (paid) {
        own.incrementAndGet();
      }
      throw exceeded("at least " + Math.max(n, sure), api, method, path, narrowing, stoppedAfter());
    }
  }

  /** Counts the answer to a request {@link #spend} let through (not one cancelled in flight). */
  void answered() {
    if (limit > 0) {
      answered.incrementAndGet();
    }
  }

  /**
   * The requests sent so far, and how many of them were answered when some are still in flight (to
   * be cancelled with the statement).
   */
  private String stoppedAfter() {
    long sent = spent.get();
    long got = Math.min(sent, answered.get());
    return "stopped after " + sent + (sent == 1 ? " request" : " requests")
        + (got < sent ? ", " + got + " of them answered" : "");
  }

  private ApiException exceeded(String estimate, String api, String method, String path, String narrowing,
      String sent) {
    return new ApiException(api, method, path, 0, "the statement needs " + estimate + " requests, more than "
        + PROPERTY + "=" + limit + " allows; " + sent, null, narrowing + ", or raise " + PROPERTY
        + " (0 for no limit)", SQL_STATE, null);
  }
}
