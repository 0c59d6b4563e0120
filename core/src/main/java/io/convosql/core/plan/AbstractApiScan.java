package io.convosql.core.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.sql.SqlExplainLevel;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

/**
 * What both API scan nodes share: the table, the {@link ScanSpec} (the part of the query the API will
 * answer), the row type of the projection, the order as a collation trait, and the planned requests
 * in EXPLAIN.
 */
abstract class AbstractApiScan extends TableScan {
  final ApiTable apiTable;
  final ScanSpec spec;

  AbstractApiScan(RelOptCluster cluster, Convention convention, RelOptTable table, ApiTable apiTable,
      ScanSpec spec) {
    super(cluster, traits(cluster, convention, spec), List.of(), table);
    this.apiTable = Objects.requireNonNull(apiTable, "apiTable");
    this.spec = Objects.requireNonNull(spec, "spec");
  }

  private static RelTraitSet traits(RelOptCluster cluster, Convention convention, ScanSpec spec) {
    RelTraitSet traits = cluster.traitSetOf(convention);
    if (cluster.getPlanner().getRelTraitDefs().contains(RelCollationTraitDef.INSTANCE)) {
      traits = traits.replace(collation(spec));
    }
    return traits;
  }

  /** The order of the scan's output, in output field positions, as far as output fields show it. */
  private static RelCollation collation(ScanSpec spec) {
    List<RelFieldCollation> fields = new ArrayList<>();
    if (spec.count()) {
      return RelCollations.EMPTY;
    }
    for (SortKey k : spec.sort()) {
      int field = -1;
      for (int i = 0; i < spec.projectionSize(); i++) {
        if (spec.projected(i) == k.column()) {
          field = i;
          break;
        }
      }
      if (field < 0) {
        break;
      }
      fields.add(new RelFieldCollation(field,
          k.descending() ? RelFieldCollation.Direction.DESCENDING : RelFieldCollation.Direction.ASCENDING,
          k.nullsFirst() ? RelFieldCollation.NullDirection.FIRST : RelFieldCollation.NullDirection.LAST));
    }
    return RelCollations.of(fields);
  }

  public ApiTable apiTable() {
    return apiTable;
  }

  public ScanSpec spec() {
    return spec;
  }

  @Override
  public RelDataType deriveRowType() {
    RelDataType full = table.getRowType();
    RelDataTypeFactory.Builder b = getCluster().getTypeFactory().builder();
    if (spec.count()) {
      return b.add("count", org.apache.calcite.sql.type.SqlTypeName.BIGINT).build();
    }
    for (int c : spec.projection()) {
      b.add(full.getFieldList().get(c));
    }
    return b.build();
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    // Volcano identifies nodes by these terms: everything in the spec must appear, or two different
    // scans would be taken for one.
    List<String> names = apiTable.columns().stream().map(Column::name).toList();
    boolean allColumns = spec.projectionSize() == names.size()
        && java.util.stream.IntStream.range(0, names.size()).allMatch(i -> spec.projected(i) == i);
    return super.explainTerms(pw)
        .itemIf("columns", java.util.Arrays.stream(spec.projection()).mapToObj(names::get).toList(), !allColumns)
        .itemIf("count", true, spec.count())
        .itemIf("empty", true, spec.empty())
        .itemIf("filter", spec.terms().stream()
            .map(t -> describe(t.describe(apiTable.columns().get(t.column())), names)).toList(),
            !spec.terms().isEmpty())
        .itemIf(apiTable.perRowColumns().isEmpty() ? "checked on each row" : "before row requests",
            early(names), spec.early() != null)
        .itemIf("sort", spec.sort().stream().map(k -> describe(k, names)).toList(), !spec.sort().isEmpty())
        .itemIf("offset", spec.offset(), spec.offset() != null)
        .itemIf("fetch", spec.fetch(), spec.fetch() != null)
        // what the budget counts ahead, not what is sent: in the planner's digests only
        .itemIf("readTo", spec.readTo(), spec.readTo() != null
            && pw.getDetailLevel() == SqlExplainLevel.DIGEST_ATTRIBUTES)
        // the request follows from the table and the spec above, so the planner's digests leave it
        // out: rendering it on every digest was about a tenth of planning (Insights works out its
        // windows from the clock, which a digest should not depend on either)
        .itemIf("request", apiTable.explain(spec), pw.getDetailLevel() != SqlExplainLevel.DIGEST_ATTRIBUTES)
        .itemIf("estimate", estimate(), pw.getDetailLevel() != SqlExplainLevel.DIGEST_ATTRIBUTES
            && estimate() != null);
  }

  /** The condition checked before per-row requests, columns named: {@code LIKE(objective, '%x%')}. */
  private String early(List<String> names) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$(\\d+)").matcher(String.valueOf(spec.early()));
    StringBuilder text = new StringBuilder();
    while (m.find()) {
      int column = Integer.parseInt(m.group(1));
      m.appendReplacement(text, java.util.regex.Matcher.quoteReplacement(
          column < names.size() ? names.get(column) : m.group()));
    }
    return m.appendTail(text).toString();
  }

  /** The table's estimate of this scan's requests, shown in EXPLAIN; null for none. */
  private String estimate() {
    return apiTable.explainEstimate(spec);
  }

  /** A term with the column's name in place of its index: {@code test_type = Voice}. */
  private static String describe(Object termOrKey, List<String> names) {
    String text = termOrKey.toString();
    int i = text.indexOf('$');
    int end = i + 1;
    while (end < text.length() && Character.isDigit(text.charAt(end))) {
      end++;
    }
    return i < 0 ? text : text.substring(0, i) + names.get(Integer.parseInt(text.substring(i + 1, end)))
        + text.substring(end);
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    double rows = apiTable.rowCountEstimate();
    for (Term t : spec.terms()) {
      List<Object> keys = Term.equalities(t);
      boolean correlated = keys != null && !keys.isEmpty()
          && keys.stream().allMatch(k -> k instanceof Operand && ((Operand) k).correlationKey() != null);
      // a batch of a join's keys: about one row (or a few child rows) per key, not a quarter of all
      rows = correlated ? Math.min(rows, keys.size()) : rows * 0.25;
    }
    if (spec.early() != null) {
      rows *= 0.25; // as a term: a scan checking more returns fewer rows to what is above it
    }
    if (spec.fetch() != null) {
      rows = Math.min(rows, 10);
    }
    return spec.empty() || spec.count() ? 1 : Math.max(rows, 1);
  }

  /**
   * How much more a row weighs when the scan sends a request for it (it reads a column of the table's
   * {@link ApiTable#perRowColumns}): the rows of a page that one listing request returns. Volcano weighs
   * rows, so a scan getting every session's detail weighed as little as a listing of its rows, and the
   * semi join an {@code IN (SELECT id FROM insights.sessions WHERE <a range>)} becomes, reading every
   * session with its detail (308 requests: 54000), won over getting the subquery's sessions by id
   * (92 gets), which {@link BatchJoinRule} had offered as the fewer requests.
   */
  static final double ROW_REQUEST = 100;

  /**
   * Cheaper the more the API does: each pushed term, a pushed order, a pushed limit, a condition
   * checked before per-row requests and a narrower projection lower the cost, so the planner always
   * prefers the scan that pushes more; a row that costs a request of its own weighs
   * {@link #ROW_REQUEST} rows. The discount goes into the row-count component, the one Volcano compares.
   */
  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double rows = estimateRowCount(mq);
    double width = (spec.projectionSize() + 2d) / (apiTable.columns().size() + 2d);
    double factor = width * (spec.sort().isEmpty() ? 1 : 0.9) * (spec.hasOffsetOrFetch() ? 0.9 : 1)
        * (spec.early() == null ? 1 : 0.9) * (spec.readTo() == null ? 1 : 0.99)
        * (spec.usedColumns().intersects(apiTable.perRowColumns()) ? ROW_REQUEST : 1);
    return planner.getCostFactory().makeCost(rows * factor, rows * factor, 0);
  }
}
