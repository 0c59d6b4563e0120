package io.convosql.core.exec;

import io.convosql.core.http.CacheControl;
import io.convosql.core.http.Cancellation;
import io.convosql.core.plan.SortKey;
import io.convosql.core.plan.Term;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.function.Predicate1;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A scan ready to run: the pushed terms with their parameter values bound, OFFSET and FETCH as
 * numbers, the order and the columns the answer needs. Adapters read it to build their requests, and
 * pass it with each request: it says when the statement was cancelled and whether it bypasses the
 * response cache.
 */
public final class BoundScan implements Cancellation, CacheControl {
  private final List<Term> terms;
  private final List<SortKey> sort;
  private final long offset;
  private final long fetch;
  private final BitSet usedColumns;
  private final DataContext context;
  private final long deadlineNanos;
  private final RequestBudget budget;
  private final String narrowing;
  private final @Nullable Predicate1<Object[]> early;
  private final boolean keyBatch;
  private final long readTo;
  private final boolean stoppable;

  /**
   * @param narrowing how a user narrows the scan's requests, for the request budget's error
   * @param early the spec's early condition as generated code, or null when it has none
   * @param keyBatch whether the terms hold a batch of a join's outer keys ({@link #keyBatch()})
   */
  BoundScan(List<Term> terms, List<SortKey> sort, long offset, long fetch, BitSet usedColumns,
      DataContext context, String narrowing, @Nullable Predicate1<Object[]> early, boolean keyBatch) {
    this(terms, sort, offset, fetch, usedColumns, context, narrowing, early, keyBatch, -1, false);
  }

  /**
   * @param readTo the rows a LIMIT above the scan reads it for at most ({@link #readTo()}), or -1
   * @param stoppable whether what reads the scan may stop after any row ({@link #stoppable()})
   */
  BoundScan(List<Term> terms, List<SortKey> sort, long offset, long fetch, BitSet usedColumns,
      DataContext context, String narrowing, @Nullable Predicate1<Object[]> early, boolean keyBatch,
      long readTo, boolean stoppable) {
    this.readTo = readTo;
    this.stoppable = stoppable;
    this.terms = List.copyOf(terms);
    this.sort = List.copyOf(sort);
    this.offset = offset;
    this.fetch = fetch;
    this.usedColumns = (BitSet) usedColumns.clone();
    this.context = context;
    this.deadlineNanos = deadline(context);
    this.budget = RequestBudget.of(context);
    this.narrowing = narrowing;
    this.early = early;
    this.keyBatch = keyBatch;
  }

  /**
   * Whether the scan is the inner side of a batched join: an IN list of its terms holds a batch of
   * the outer side's keys (bound from correlation fields), which may well name rows the API does not
   * have, rather than values the query wrote.
   */
  public boolean keyBatch() {
    return keyBatch;
  }

  /**
   * Whether what reads the scan may stop after any of its rows, after how many no one can tell: a
   * batch join below a LIMIT reads it, as its outer side or, key by key, as its inner side
   * ({@link io.convosql.core.plan.ScanSpec#stoppable}). The scan then reads its rows as they are
   * asked for: a batch's keys in their order, with {@code maxConcurrentRequests=1} each sent when its
   * rows are asked for, with more up to that many in flight ahead of the reader (cancelled when it
   * stops; each counted by the request budget as it is sent, and one the budget refuses is not sent
   * and fails only if its rows are asked for); a listing's pages one at a time. It counts none ahead
   * but those sure to be sent.
   */
  public boolean stoppable() {
    return stoppable;
  }

  /**
   * What a row must pass before the scan sends its own requests (those its {@code later} columns
   * cost, {@link io.convosql.core.plan.ApiTable#perRowColumns}): every evaluable term on the other
   * columns and the spec's early condition. A row that fails it would be dropped anyway.
   */
  public Predicate<Object[]> checkBefore(BitSet later) {
    List<Term> now = terms.stream().filter(t -> t.evaluable() && !later.get(t.column())).toList();
    return row -> {
      for (Term t : now) {
        if (!t.test(row)) {
          return false;
        }
      }
      return early == null || early.apply(row);
    };
  }

  /** Whether the scan has a condition beyond its terms that it checks before per-row requests. */
  public boolean hasEarlyCondition() {
    return early != null;
  }

  /**
   * The statement's deadline, the same for every scan of one execution: the scans a batched join
   * opens once per batch of keys share the timeout of the statement rather than each starting its
   * own. Keyed by the execution's context, which Calcite makes anew for every execution (a batch's
   * context wraps it).
   */
  private static final Map<DataContext, Long> DEADLINES = Collections.synchronizedMap(new WeakHashMap<>());

  private static long deadline(DataContext context) {
    Long timeout = DataContext.Variable.TIMEOUT.get(context);
    if (timeout == null || timeout <= 0) {
      return Long.MAX_VALUE;
    }
    return DEADLINES.computeIfAbsent(ScanRuntime.statementContext(context),
        c -> System.nanoTime() + timeout * 1_000_000L);
  }

  /** The pushed terms, every parameter replaced by its value. */
  public List<Term> terms() {
    return terms;
  }

  public List<SortKey> sort() {
    return sort;
  }

  /** Rows to skip (0 when none). */
  public long offset() {
    return offset;
  }

  /** Rows wanted after the offset, or -1 for all. */
  public long fetch() {
    return fetch;
  }

  /** Rows the scan needs from the start of its stream: offset + fetch, or -1 for all. */
  public long needed() {
    return fetch < 0 ? -1 : offset + fetch;
  }

  /**
   * The rows the scan is sure to be read for at most, as the request budget may count them ahead:
   * {@link #needed()} under a LIMIT of its own; else, when a LIMIT kept above the scan's filter stops
   * reading it ({@link io.convosql.core.plan.ScanSpec#readTo}), that LIMIT's rows; else 0 when what
   * reads it may stop after any row ({@link #stoppable()}: none is sure but those already read); else
   * -1 (all). The scan reads as many rows as it would without it; only what is counted ahead changes:
   * a listing's total says no more than that the first of these rows will be read.
   */
  public long readTo() {
    return needed() >= 0 ? needed() : readTo >= 0 ? readTo : stoppable ? 0 : -1;
  }

  public boolean uses(int column) {
    return usedColumns.get(column);
  }

  public BitSet usedColumns() {
    return (BitSet) usedColumns.clone();
  }

  public DataContext context() {
    return context;
  }

  /** The same as {@link #checkCancelled()}: HTTP calls ask it while they wait. */
  @Override
  public void check() {
    checkCancelled();
  }

  /**
   * Counts the request against the statement's {@link RequestBudget} as one the scan did not announce
   * (it pays off nothing the scan expects); throws past it.
   */
  @Override
  public void beforeSend(String api, String method, String path) {
    budget.spend(this, false, api, method, path, narrowing);
  }

  @Override
  public void answered() {
    budget.answered();
  }

  /**
   * The scan as the {@link Cancellation} of a request it announced to the budget with {@link
   * #expect} (a listing's later page, a per-row request): sending it pays off one of the requests the
   * scan expects. Otherwise the same as the scan.
   */
  public Cancellation announced() {
    return announced;
  }

  private final Cancellation announced = new Announced();

  private final class Announced implements Cancellation, CacheControl {
    @Override
    public void check() {
      checkCancelled();
    }

    @Override
    public void beforeSend(String api, String method, String path) {
      budget.spend(BoundScan.this, true, api, method, path, narrowing);
    }

    @Override
    public void answered() {
      budget.answered();
    }

    @Override
    public boolean bypassCache() {
      return BoundScan.this.bypassCache();
    }
  }

  /**
   * Tells the statement's {@link RequestBudget} that the API's answers show {@code more} requests to
   * come (say, the pages and per-row requests a listing's total implies); throws when they would
   * pass it, before they are sent.
   */
  public void expect(long more, String api, String method, String path) {
    budget.expect(this, more, api, method, path, narrowing);
  }

  /**
   * Fails before a further step of a running scan when its {@code more} requests, known only now
   * (a search to fall back on after gets found nothing, say), would take the statement past its
   * budget. {@code what} says what they are for, {@code narrowing} how to need fewer.
   */
  public void checkMore(long more, String what, String narrowing, String api, String method, String path) {
    budget.checkMore(more, what, api, method, path, narrowing);
  }

  /**
   * {@link #expect(long, String, String, String)} together with {@code source}'s extrapolation from
   * the answers read so far: {@code likely} more requests, as {@code how} says, replacing its previous
   * one (0 withdraws it); throws when the sure requests would pass the budget, or, when {@code early}
   * (a listing's first page was just read), all of them with the extrapolations.
   */
  public void expect(long more, Object source, long likely, String how, boolean early, String api,
      String method, String path) {
    budget.expect(this, more, source, likely, how, early, api, method, path, narrowing);
  }

  /** Withdraws {@code source}'s extrapolation from the statement's {@link RequestBudget}. */
  public void withdraw(Object source) {
    budget.withdraw(source);
  }

  /** Fails before anything is sent when an estimate of the scan's requests passes the budget. */
  void checkEstimate(long estimate, String api, String method, String path) {
    budget.checkEstimate(estimate, api, method, path, narrowing);
  }

  /** Whether the statement asked for fresh answers ({@link CacheBypass}). */
  @Override
  public boolean bypassCache() {
    return CacheBypass.marked(context);
  }

  /**
   * Throws when the statement was cancelled or its query timeout passed; adapters call it before
   * every request.
   */
  public void checkCancelled() {
    AtomicBoolean cancel = DataContext.Variable.CANCEL_FLAG.get(context);
    if (cancel != null && cancel.get()) {
      throw new ScanCancelledException("the statement was cancelled");
    }
    if (System.nanoTime() > deadlineNanos) {
      throw new ScanCancelledException("the query timeout passed");
    }
  }
}
