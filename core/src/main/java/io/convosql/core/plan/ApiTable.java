package io.convosql.core.plan;

import io.convosql.core.exec.BoundScan;
import io.convosql.core.exec.RowSource;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A table backed by a remote API. Subclasses say which predicate terms and orders the API can take,
 * describe the requests a scan will send (for EXPLAIN), and fetch rows for a bound scan; the shared
 * scan node and rules do the planning, and the execution layer (its {@code ScanEnumerator}) keeps the
 * answer exact.
 */
public abstract class ApiTable extends AbstractTable implements TranslatableTable {
  private final String name;
  private final String description;
  private final List<Column> columns;
  private final boolean pushdown;

  /**
   * @param pushdown false to keep every filter, sort and limit in Calcite (the scan then reads the
   *     whole table), for comparing answers and for diagnosis
   */
  protected ApiTable(String name, String description, List<Column> columns, boolean pushdown) {
    this.name = Objects.requireNonNull(name, "name");
    this.description = Objects.requireNonNull(description, "description");
    this.columns = List.copyOf(columns);
    this.pushdown = pushdown;
  }

  /** Whether the scan rules may fold anything into scans of this table. */
  public boolean pushdownEnabled() {
    return pushdown;
  }

  public String name() {
    return name;
  }

  /** One line on what the table holds and which filters push down; metadata remarks. */
  public String description() {
    return description;
  }

  public List<Column> columns() {
    return columns;
  }

  /**
   * The columns that identify a row, for SQL tools (primary keys in metadata); empty when no column
   * does. They are NOT NULL in the row type and in metadata: a table must never give a row a NULL
   * key (an answer without its id is an error naming the field). Uniqueness is declared, never checked.
   */
  public List<String> primaryKey() {
    return List.of();
  }

  /** The columns that refer to rows of other tables of the schema, for SQL tools; none by default. */
  public List<ForeignKey> foreignKeys() {
    return List.of();
  }

  /** The index of a column by name; throws for an unknown name. */
  public int column(String columnName) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(columnName)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no column " + columnName + " in " + name);
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder b = typeFactory.builder();
    List<String> key = primaryKey();
    for (Column c : columns) {
      RelDataType type = c.type() == SqlTypeName.TIMESTAMP
          ? typeFactory.createSqlType(SqlTypeName.TIMESTAMP, 3)
          : typeFactory.createSqlType(c.type());
      // a key column is NOT NULL, as getColumns says: the adapters fail on an answer without the id
      // (naming the field) and number a list's elements themselves, so no row holds a NULL key
      b.add(c.name(), typeFactory.createTypeWithNullability(type, !key.contains(c.name())));
    }
    return b.build();
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return new ApiScan(context.getCluster(), relOptTable, this, ScanSpec.all(columns.size()));
  }

  /** How the API takes a term (of a scan that already holds {@code spec}). */
  public abstract Pushdown pushdown(Term term, ScanSpec spec);

  /**
   * With pushdown off, the terms the API cannot be read without (such as a date window it requires),
   * which the scan still takes as {@link Pushdown#SUPERSET} so that Calcite keeps checking them;
   * every other term gets {@link Pushdown#NONE}. By default none.
   */
  public Pushdown requiredPushdown(Term term) {
    return Pushdown.NONE;
  }

  /**
   * Whether a join may fetch this table by batches of keys on {@code column} (of a scan that holds
   * {@code spec}) rather than scan it: only where the batches ({@code batches}: how many keys, in
   * batches of how many, against a scan of how many rows) are expected to cost no more requests than
   * one scan. The planner weighs rows, not requests, so a table whose batches can cost more than its
   * scan says so here. By default whenever the column takes an IN list.
   */
  public boolean takesKeyBatches(int column, ScanSpec spec, KeyBatches batches) {
    return true;
  }

  /**
   * Whether a scan of {@code spec}, whose one term on {@code column} is a batch of a join's keys (an
   * IN list of correlation fields), answers them in the order of the list: all rows of its first key,
   * then all of the next one, never a row of a key after one of a later key. A batch join then asks
   * for the rows only as far as its own rows need ({@link BatchJoin}), and the scan reads key by key:
   * below a LIMIT it sends the requests of the keys the LIMIT's rows need, not the whole batch's. No
   * by default (a search that answers the keys in its own order).
   */
  public boolean answersKeysInOrder(int column, ScanSpec spec) {
    return false;
  }

  /**
   * The columns whose values cost the scan requests of each row's own (a detail fetched per listed
   * row, say); none by default. A condition the API cannot take on the other columns is checked
   * before those requests ({@link ScanSpec#early}), so that a row the WHERE clause drops costs none.
   * A table that declares any must take a scan with such a condition
   * ({@link BoundScan#hasEarlyCondition}) as one the API answers only loosely: it may not stop listing
   * after FETCH rows, nor let the API skip the OFFSET's.
   */
  public BitSet perRowColumns() {
    return new BitSet();
  }

  /**
   * Whether scans of this table check the conditions of a WHERE clause that the API does not apply
   * exactly ({@link ScanSpec#early}) rather than leave them to a Filter above: with no Filter between
   * them, a LIMIT reaches the scan, which then reads no further than its rows need (a LIMIT kept above
   * a Filter would have the scan read, and the request budget expect, every page). The same obligation
   * as for {@link #perRowColumns} holds: a scan with such a condition may not stop listing after
   * FETCH rows, nor let the API skip the OFFSET's. By default whenever the table has per-row columns
   * (the conditions on other columns are then checked before those requests).
   */
  public boolean checksConditions() {
    return !perRowColumns().isEmpty();
  }

  /** Whether the scan can return rows in this order (of a scan that already holds {@code spec}). */
  public boolean supportsSort(List<SortKey> keys, ScanSpec spec) {
    return false;
  }

  /**
   * Whether {@code COUNT(*)} over a scan with this spec (no offset or fetch) may be planned as a
   * {@linkplain ScanSpec#count() count scan}, because the API may know the count without listing the
   * rows. It is a plan-time promise of nothing: {@link #count} can still answer "unknown", and the scan
   * then counts the rows it pages through. By default false.
   */
  public boolean countable(ScanSpec spec) {
    return false;
  }

  /**
   * The number of rows of a bound count scan as the API reports it without listing them, or -1 when
   * the API's numbers would not be exactly that count (the scan then pages and counts). By default -1.
   */
  public long count(BoundScan scan) {
    return -1;
  }

  /**
   * The key this table shares with others, and the attributes of what it names, or null (the
   * default): a join on the key then carries bounds on those attributes from one table to the other.
   */
  public @org.checkerframework.checker.nullness.qual.Nullable SharedKey sharedKey() {
    return null;
  }

  /** Whether a column is never NULL in any row, so that {@code COUNT(column)} is {@code COUNT(*)}. */
  public boolean neverNull(int column) {
    return false;
  }

  /** The requests a scan with this spec will send, for EXPLAIN; never contains a key. */
  public abstract String explain(ScanSpec spec);

  /**
   * The requests a bound scan will send, when they are known before it sends any (ids pinned by the
   * filter, say), or null when they depend on what the API answers; the scan fails before sending
   * when the estimate passes the statement's {@link io.convosql.core.exec.RequestBudget}. By default null.
   */
  public RequestEstimate estimate(BoundScan scan) {
    return null;
  }

  /** The estimate of a scan with this spec's requests, for EXPLAIN, or null to show none. */
  public String explainEstimate(ScanSpec spec) {
    return null;
  }

  /**
   * How a user narrows a scan of this table that would send too many requests, for the request
   * budget's error: the filters and limits that push down.
   */
  public String narrowing() {
    return "narrow the query with a WHERE on a column that pushes down (see the table's remarks) or a LIMIT";
  }

  /** Opens the rows for one execution. */
  public abstract RowSource open(BoundScan scan);

  /**
   * Also the scans' distinct-value metadata ({@link DistinctKeys#SCANS}), which Calcite asks a scan's
   * table for: a column the scan pins to a few values holds no more distinct values than those.
   */
  @Override
  public <C> @Nullable C unwrap(Class<C> aClass) {
    if (aClass == BuiltInMetadata.DistinctRowCount.Handler.class) {
      return aClass.cast(DistinctKeys.SCANS);
    }
    return super.unwrap(aClass);
  }

  /** A rough row count for the planner before any filter. */
  public double rowCountEstimate() {
    return 10_000d;
  }
}
