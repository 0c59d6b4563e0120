package io.convosql.core.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexNode;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What a scan has taken over from the query, as an immutable value: the pushed predicate terms, the
 * order, OFFSET and FETCH, the output columns, whether the filter is always false, and the part of the
 * WHERE clause the API cannot take that the scan checks before a row's own requests ({@link #early}).
 * The scan's answer is exactly the rows of the table that satisfy every term and that condition, in
 * that order, after the offset, at most fetch of them, with the output columns.
 */
public final class ScanSpec {
  private final List<Term> terms;
  private final List<SortKey> sort;
  private final @Nullable Operand offset;
  private final @Nullable Operand fetch;
  private final int[] projection;
  private final boolean empty;
  private final boolean count;
  private final @Nullable RexNode early;
  private final @Nullable Operand readTo;
  private final boolean stoppable;

  private ScanSpec(List<Term> terms, List<SortKey> sort, @Nullable Operand offset,
      @Nullable Operand fetch, int[] projection, boolean empty, boolean count, @Nullable RexNode early) {
    this(terms, sort, offset, fetch, projection, empty, count, early, null, false);
  }

  private ScanSpec(List<Term> terms, List<SortKey> sort, @Nullable Operand offset,
      @Nullable Operand fetch, int[] projection, boolean empty, boolean count, @Nullable RexNode early,
      @Nullable Operand readTo, boolean stoppable) {
    this.terms = List.copyOf(terms);
    this.sort = List.copyOf(sort);
    this.offset = offset;
    this.fetch = fetch;
    this.projection = projection.clone();
    this.empty = empty;
    this.count = count;
    this.early = early;
    this.readTo = readTo;
    this.stoppable = stoppable;
  }

  /**
   * The OFFSET + FETCH of a LIMIT kept above the scan (over a filter it could not take), which stops
   * reading the scan once that many rows passed the filter; null when nothing above stops it early.
   * It changes no request, only what the request budget may count ahead: the rows the scan is sure
   * to be read for are at most these.
   */
  public @Nullable Operand readTo() {
    return readTo;
  }

  /** The spec with {@link #readTo}: a LIMIT of {@code offset + fetch} rows above the scan's filter. */
  public ScanSpec withReadTo(@Nullable Operand rows) {
    return new ScanSpec(terms, sort, offset, fetch, projection, empty, count, early, rows, stoppable);
  }

  /**
   * Whether what reads the scan may stop after any of its rows: a batch join below a LIMIT reads it,
   * as its outer side, or as its inner side when it asks for the rows of a batch's keys only as its
   * own rows are asked for ({@link RowGoals}). Its rows are then fetched as they are asked for (up to
   * {@code maxConcurrentRequests} requests in flight ahead of the reader, none with 1), and the
   * request budget counts ahead only the requests sure to be sent (a batch's first key's, a listing's
   * first page): how many rows the LIMIT's need, none can tell. Without it, a batch's requests are
   * all sent, and a listing's pages requested ahead (as many at once as allowed).
   */
  public boolean stoppable() {
    return stoppable;
  }

  /** The spec read by a join that a LIMIT above may stop after any row ({@link #stoppable}). */
  public ScanSpec asStoppable() {
    return new ScanSpec(terms, sort, offset, fetch, projection, empty, count, early, readTo, true);
  }

  /** The whole table: no terms, no order, every column. */
  public static ScanSpec all(int columnCount) {
    int[] identity = new int[columnCount];
    Arrays.setAll(identity, i -> i);
    return new ScanSpec(List.of(), List.of(), null, null, identity, false, false, null);
  }

  public List<Term> terms() {
    return terms;
  }

  public List<SortKey> sort() {
    return sort;
  }

  public @Nullable Operand offset() {
    return offset;
  }

  public @Nullable Operand fetch() {
    return fetch;
  }

  /** For each output field, the table column it holds. */
  public int[] projection() {
    return projection.clone();
  }

  public int projectionSize() {
    return projection.length;
  }

  public int projected(int field) {
    return projection[field];
  }

  /** Whether the pushed filter is always false: the scan sends no request. */
  public boolean empty() {
    return empty;
  }

  /**
   * Whether the scan answers one row, the number of rows the spec's terms allow (its projection then
   * only says which columns a count by paging reads). Adapters may answer it from the API's totals.
   */
  public boolean count() {
    return count;
  }

  /** The count of this spec's rows: no order, no projection beyond {@code column}. */
  public ScanSpec asCount(int column) {
    return new ScanSpec(terms, List.of(), offset, fetch, new int[] {column}, empty, true, early, readTo, stoppable);
  }

  /**
   * A condition the API cannot take, on columns whose values come without a request of the row's own
   * (see {@link ApiTable#perRowColumns}), with input references to the table's full row; null for
   * none. The scan drops the rows that fail it before it sends their own requests.
   */
  public @Nullable RexNode early() {
    return early;
  }

  public ScanSpec withEarly(@Nullable RexNode condition) {
    return new ScanSpec(terms, sort, offset, fetch, projection, empty, count, condition, readTo, stoppable);
  }

  public boolean hasOffsetOrFetch() {
    return offset != null || fetch != null;
  }

  /** The table columns the answer depends on: output columns, term columns and sort columns. */
  public BitSet usedColumns() {
    BitSet used = new BitSet();
    for (int c : projection) {
      used.set(c);
    }
    terms.forEach(t -> used.set(t.column()));
    sort.forEach(k -> used.set(k.column()));
    if (early != null) {
      RelOptUtil.InputFinder.bits(early).forEach(used::set);
    }
    return used;
  }

  /**
   * The correlation fields the terms read ({@link Operand#correlationKey}), each once, in order of
   * appearance: their values come from the outer rows of a batch nested-loop join at each execution.
   */
  public List<String> correlationKeys() {
    java.util.LinkedHashSet<String> keys = new java.util.LinkedHashSet<>();
    for (Term t : terms) {
      List<Operand> operands = t instanceof Term.Compare ? List.of(((Term.Compare) t).value())
          : t instanceof Term.InList ? ((Term.InList) t).values()
          : t instanceof Term.Call ? ((Term.Call) t).arguments() : List.of();
      for (Operand o : operands) {
        if (o.correlationKey() != null) {
          keys.add(o.correlationKey());
        }
      }
    }
    return List.copyOf(keys);
  }

  public ScanSpec withTerms(List<Term> added) {
    List<Term> all = new ArrayList<>(terms);
    all.addAll(added);
    return new ScanSpec(all, sort, offset, fetch, projection, empty, count, early, readTo, stoppable);
  }

  public ScanSpec asEmpty() {
    return new ScanSpec(terms, sort, offset, fetch, projection, true, count, early, readTo, stoppable);
  }

  public ScanSpec withSort(List<SortKey> keys) {
    return new ScanSpec(terms, keys, offset, fetch, projection, empty, count, early, readTo, stoppable);
  }

  public ScanSpec withOffsetFetch(@Nullable Operand newOffset, @Nullable Operand newFetch) {
    return new ScanSpec(terms, sort, newOffset, newFetch, projection, empty, count, early, readTo, stoppable);
  }

  public ScanSpec withProjection(int[] newProjection) {
    return new ScanSpec(terms, sort, offset, fetch, newProjection, empty, count, early, readTo, stoppable);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ScanSpec)) {
      return false;
    }
    ScanSpec s = (ScanSpec) o;
    return empty == s.empty && count == s.count && terms.equals(s.terms) && sort.equals(s.sort)
        && Objects.equals(offset, s.offset) && Objects.equals(fetch, s.fetch)
        && Arrays.equals(projection, s.projection) && Objects.equals(early, s.early)
        && Objects.equals(readTo, s.readTo) && stoppable == s.stoppable;
  }

  @Override
  public int hashCode() {
    return Objects.hash(terms, sort, offset, fetch, Arrays.hashCode(projection), empty, count, early, readTo, stoppable);
  }

  @Override
  public String toString() {
    return "ScanSpec" + (empty ? "[empty]" : "") + (count ? "[count]" : "") + "{terms=" + terms + ", sort=" + sort
        + ", offset=" + offset + ", fetch=" + fetch + ", projection=" + Arrays.toString(projection) + (early == null ? "" : ", early=" + early) + (readTo == null ? "" : ", readTo=" + readTo) + (stoppable ? ", stoppable" : "") + '}';
  }
}
