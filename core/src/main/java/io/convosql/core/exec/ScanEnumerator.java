package io.convosql.core.exec;

import io.convosql.core.plan.ApiTable;
import io.convosql.core.plan.Operand;
import io.convosql.core.plan.RequestEstimate;
import io.convosql.core.plan.ScanSpec;
import io.convosql.core.plan.Term;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.function.Predicate1;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Runs one scan: binds the parameters, opens the adapter's rows lazily, drops every row that fails an
 * evaluable pushed term or the early condition (so the answer never depends on how loosely the API
 * filtered, nor on whether the adapter checked the early condition itself), applies OFFSET
 * and FETCH, and returns the output columns (a bare value when there is one column). A
 * {@linkplain ScanSpec#count() count} scan returns one row, the number of rows: the adapter's
 * {@link ApiTable#count} when it knows it, else counted here from the rows.
 */
final class ScanEnumerator implements Enumerator<Object> {
  private final ApiTable table;
  private final ScanSpec spec;
  private final DataContext context;
  private final @Nullable Predicate1<Object[]> early;
  private @Nullable RowSource source;
  private List<Term> checks = List.of();
  private long toSkip;
  private long remaining;
  private boolean done;
  private @Nullable Object current;

  /** @param early the spec's early condition as generated code, or null when it has none */
  ScanEnumerator(ApiTable table, ScanSpec spec, DataContext context, @Nullable Predicate1<Object[]> early) {
    this.table = table;
    this.spec = spec;
    this.context = context;
    this.early = early;
  }

  @Override
  public Object current() {
    return current;
  }

  @Override
  public boolean moveNext() {
    if (done) {
      return false;
    }
    if (spec.count()) {
      current = count();
      done = true;
      return true;
    }
    if (source == null && !open()) {
      done = true;
      return false;
    }
    while (remaining != 0 && source.hasNext()) {
      Object[] row = source.next();
      if (!matches(row)) {
        continue;
      }
      if (toSkip > 0) {
        toSkip--;
        continue;
      }
      if (remaining > 0) {
        remaining--;
      }
      current = project(row);
      return true;
    }
    done = true;
    close();
    return false;
  }

  /** The number of rows the spec allows: the API's count when the adapter has one, else counted. */
  private long count() {
    List<Term> bound = bind();
    if (bound == null) {
      return 0;
    }
    BoundScan scan = new BoundScan(bound, List.of(), 0, -1, spec.usedColumns(), context,
        table.narrowing(), early, !spec.correlationKeys().isEmpty());
    checkEstimate(scan);
    long known = early == null ? table.count(scan) : -1; // the API's totals know no early condition
    if (known >= 0) {
      return known;
    }
    checks = bound.stream().filter(Term::evaluable).toList();
    source = table.open(scan);
    long n = 0;
    try {
      while (source.hasNext()) {
        if (matches(source.next())) {
          n++;
        }
      }
    } finally {
      close();
    }
    return n;
  }

  /** The spec's terms with their parameters bound; null when no row can match. */
  private @Nullable List<Term> bind() {
    if (spec.empty()) {
      return null;
    }
    List<Term> bound = new ArrayList<>();
    for (Term t : spec.terms()) {
      Term b = t.bind(context, table.columns().get(t.column()));
      if (b == null) {
        return null;
      }
      bound.add(b);
    }
    return bound;
  }

  /** Binds the spec and opens the adapter's source; false when no row can match. */
  private boolean open() {
    List<Term> bound = bind();
    if (bound == null) {
      return false;
    }
    long offset = number(spec.offset(), 0);
    long fetch = number(spec.fetch(), -1);
    if (fetch == 0) {
      return false;
    }
    BoundScan scan = new BoundScan(bound, spec.sort(), offset, fetch, spec.usedColumns(), context,
        table.narrowing(), early, !spec.correlationKeys().isEmpty(), number(spec.readTo(), -1), spec.stoppable());
    checkEstimate(scan);
    checks = bound.stream().filter(Term::evaluable).toList();
    source = table.open(scan);
    toSkip = source.offsetApplied() ? 0 : offset;
    remaining = fetch;
    return true;
  }

  /** Fails before the scan sends anything when its known estimate passes the request budget. */
  private void checkEstimate(BoundScan scan) {
    RequestEstimate e = table.estimate(scan);
    if (e != null) {
      scan.checkEstimate(e.requests(), e.api(), e.method(), e.path());
    }
  }

  private long number(@Nullable Operand operand, long absent) {
    if (operand == null) {
      return absent;
    }
    Object v = operand.rawValue(context);
    if (v == null) {
      return absent;
    }
    long n = ((Number) v).longValue();
    if (n < 0) {
      throw new IllegalArgumentException("OFFSET and FETCH must not be negative: " + n);
    }
    return n;
  }

  private boolean matches(Object[] row) {
    for (Term t : checks) {
      if (!t.test(row)) {
        return false;
      }
    }
    return early == null || early.apply(row);
  }

  private Object project(Object[] row) {
    int n = spec.projectionSize();
    if (n == 1) {
      return row[spec.projected(0)];
    }
    Object[] out = new Object[n];
    for (int i = 0; i < n; i++) {
      out[i] = row[spec.projected(i)];
    }
    return out;
  }

  @Override
  public void reset() {
    throw new UnsupportedOperationException("a scan of a remote API cannot be reset");
  }

  @Override
  public void close() {
    if (source != null) {
      source.close();
    }
  }
}
