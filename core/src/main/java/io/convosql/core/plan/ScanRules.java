package io.convosql.core.plan;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableFilter;
import org.apache.calcite.adapter.enumerable.EnumerableLimit;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The rules that fold a Filter, a Project, a Sort (with its OFFSET/FETCH) and an EnumerableLimit into
 * an {@link ApiScan}, and the converter to {@link EnumerableApiScan}. Each keeps what the API cannot do above the new scan, never pushes a filter
 * below a pushed limit, and never pushes a limit below a residual filter.
 */
public final class ScanRules {
  private ScanRules() {}

  public static final RelOptRule FILTER = new RuleConfig("ApiScanFilterRule",
      b -> b.operand(LogicalFilter.class).oneInput(s -> s.operand(ApiScan.class).noInputs()),
      FilterRule::new).toRule();
  public static final RelOptRule PROJECT = new RuleConfig("ApiScanProjectRule",
      b -> b.operand(LogicalProject.class).oneInput(s -> s.operand(ApiScan.class).noInputs()),
      ProjectRule::new).toRule();
  public static final RelOptRule SORT = new RuleConfig("ApiScanSortRule",
      b -> b.operand(LogicalSort.class).oneInput(s -> s.operand(ApiScan.class).noInputs()),
      SortRule::new).toRule();
  public static final RelOptRule LIMIT = new RuleConfig("ApiScanLimitRule",
      b -> b.operand(EnumerableLimit.class).oneInput(s -> s.operand(EnumerableApiScan.class).noInputs()),
      LimitRule::new).toRule();
  public static final RelOptRule READ_TO = new RuleConfig("ApiScanReadToRule",
      b -> b.operand(EnumerableLimit.class).oneInput(c -> c.operand(RelNode.class)
          .predicate(r -> r instanceof EnumerableFilter || r instanceof EnumerableCalc)
          .oneInput(s -> s.operand(EnumerableApiScan.class).noInputs())),
      ReadToRule::new).toRule();
  public static final RelOptRule TO_ENUMERABLE = ConverterRule.Config.INSTANCE
      .withConversion(ApiScan.class, Convention.NONE, EnumerableConvention.INSTANCE, "ApiScanToEnumerableRule")
      .withRuleFactory(ToEnumerableRule::new)
      .toRule();

  public static final List<RelOptRule> ALL =
      List.of(FILTER, PROJECT, SORT, LIMIT, READ_TO, AggregateTrimRule.INSTANCE, CountRule.INSTANCE, TO_ENUMERABLE);

  /** Pushes each conjunct the API can take; the rest stay in a Filter above the new scan. */
  static final class FilterRule extends RelRule<RuleConfig> {
    FilterRule(RuleConfig config) {
      super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      LogicalFilter filter = call.rel(0);
      ApiScan scan = call.rel(1);
      boolean enabled = scan.apiTable().pushdownEnabled();
      ScanSpec spec = scan.spec();
      if (spec.hasOffsetOrFetch() || spec.empty() || spec.count()) {
        return;
      }
      if (enabled && filter.getCondition().isAlwaysFalse()) {
        call.transformTo(scan.with(spec.asEmpty()));
        return;
      }
      RexTerms reader = new RexTerms(scan.apiTable().columns(), spec.projection());
      List<Term> added = new ArrayList<>();
      List<RexNode> residual = new ArrayList<>();
      for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
        Term term = reader.toTerm(conjunct);
        ScanSpec soFar = spec.withTerms(added);
        Pushdown how = term == null ? Pushdown.NONE
            : enabled ? scan.apiTable().pushdown(term, soFar)
            : scan.apiTable().requiredPushdown(term) == Pushdown.NONE ? Pushdown.NONE : Pushdown.SUPERSET;
        if (how != Pushdown.NONE && !soFar.terms().contains(term)) {
          added.add(term);
        }
        if (how != Pushdown.EXACT) {
          residual.add(conjunct);
        }
      }
      List<RexNode> checkedEarly = enabled && spec.early() == null ? early(scan, residual) : List.of();
      if (added.isEmpty() && checkedEarly.isEmpty()) {
        return;
      }
      RexNode early = null;
      if (!checkedEarly.isEmpty()) {
        // the scan checks them exactly: they leave the Filter, so a LIMIT above can reach the scan
        residual.removeAll(checkedEarly);
        early = RexUtil.composeConjunction(scan.getCluster().getRexBuilder(),
            checkedEarly.stream().map(c -> c.accept(toFullRow(scan))).toList());
      }
      ApiScan pushed = scan.with(spec.withTerms(added).withEarly(early));
      call.transformTo(residual.isEmpty()
          ? pushed : call.builder().push(pushed).filter(residual).build());
    }

    /**
     * The conjuncts the API does not take exactly (not at all, or as a superset) that the scan checks
     * itself: none unless the table {@linkplain ApiTable#checksConditions checks conditions}; else
     * those that a generated predicate can decide on a row alone (deterministic, no correlation,
     * subquery or window) and, when rows cost requests of their own, not on the columns those
     * requests bring.
     */
    private static List<RexNode> early(ApiScan scan, List<RexNode> residual) {
      if (!scan.apiTable().checksConditions() || residual.isEmpty()) {
        return List.of();
      }
      BitSet later = scan.apiTable().perRowColumns();
      RexShuttle toFullRow = toFullRow(scan);
      List<RexNode> early = new ArrayList<>();
      for (RexNode conjunct : residual) {
        if (!RexUtil.isDeterministic(conjunct) || RexUtil.containsCorrelation(conjunct)
            || RexUtil.SubQueryFinder.find(conjunct) != null || RexOver.containsOver(conjunct)) {
          continue;
        }
        if (!RelOptUtil.InputFinder.bits(conjunct.accept(toFullRow)).intersects(ImmutableBitSet.fromBitSet(later))) {
          early.add(conjunct);
        }
      }
      return early;
    }

    /** Rewrites references to the scan's output fields as references to its table's full row. */
    private static RexShuttle toFullRow(ApiScan scan) {
      ScanSpec spec = scan.spec();
      List<RelDataTypeField> full = scan.getTable().getRowType().getFieldList();
      return new RexShuttle() {
        @Override
        public RexNode visitInputRef(RexInputRef ref) {
          int column = spec.projected(ref.getIndex());
          return new RexInputRef(column, full.get(column).getType());
        }
      };
    }
  }

  /** Narrows the scan to the columns the Project uses; expressions stay in a Project above it. */
  static final class ProjectRule extends RelRule<RuleConfig> {
    ProjectRule(RuleConfig config) {
      super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      LogicalProject project = call.rel(0);
      ApiScan scan = call.rel(1);
      // also with pushdown off: reading no column the query does not use changes no answer, and
      // spares a COUNT(*) the per-row requests of columns it never reads
      if (scan.spec().count()) {
        return;
      }
      ScanSpec spec = scan.spec();
      List<RexNode> exprs = project.getProjects();
      int[] narrowed;
      boolean permutation = exprs.stream().allMatch(e -> e instanceof RexInputRef)
          && ImmutableBitSet.of(RelOptUtil.InputFinder.bits(exprs, null)).cardinality() == exprs.size();
      if (permutation) {
        narrowed = exprs.stream().mapToInt(e -> spec.projected(((RexInputRef) e).getIndex())).toArray();
      } else {
        ImmutableBitSet used = RelOptUtil.InputFinder.bits(exprs, null);
        narrowed = used.isEmpty()
            ? new int[] {spec.projected(0)}
            : used.asList().stream().mapToInt(spec::projected).toArray();
      }
      if (java.util.Arrays.equals(narrowed, spec.projection())) {
        return;
      }
      ApiScan pushed = scan.with(spec.withProjection(narrowed));
      if (permutation) {
        call.transformTo(call.builder().push(pushed)
            .rename(project.getRowType().getFieldNames()).build());
        return;
      }
      int[] newIndex = new int[spec.projectionSize()];
      java.util.Arrays.fill(newIndex, -1);
      ImmutableBitSet used = RelOptUtil.InputFinder.bits(exprs, null);
      int pos = 0;
      for (int field : used) {
        newIndex[field] = pos++;
      }
      RexShuttle remap = new RexShuttle() {
        @Override
        public RexNode visitInputRef(RexInputRef ref) {
          return new RexInputRef(newIndex[ref.getIndex()], ref.getType());
        }
      };
      List<RexNode> remapped = new ArrayList<>();
      exprs.forEach(e -> remapped.add(e.accept(remap)));
      call.transformTo(call.builder().push(pushed)
          .project(remapped, project.getRowType().getFieldNames(), true).build());
    }
  }

  /** Pushes an ORDER BY the API can produce, with its OFFSET and FETCH, into the scan. */
  static final class SortRule extends RelRule<RuleConfig> {
    SortRule(RuleConfig config) {
      super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      LogicalSort sort = call.rel(0);
      ApiScan scan = call.rel(1);
      if (!scan.apiTable().pushdownEnabled() || scan.spec().count()) {
        return;
      }
      ScanSpec spec = scan.spec();
      List<SortKey> keys = new ArrayList<>();
      for (RelFieldCollation fc : sort.getCollation().getFieldCollations()) {
        RelFieldCollation.NullDirection nulls = fc.nullDirection == RelFieldCollation.NullDirection.UNSPECIFIED
            ? fc.direction.defaultNullDirection() : fc.nullDirection;
        keys.add(new SortKey(spec.projected(fc.getFieldIndex()), fc.direction.isDescending(),
            nulls == RelFieldCollation.NullDirection.FIRST));
      }
      boolean ordered = keys.isEmpty() || keys.equals(spec.sort())
          || spec.sort().isEmpty() && !spec.hasOffsetOrFetch() && scan.apiTable().supportsSort(keys, spec);
      boolean limited = sort.offset != null || sort.fetch != null;
      if (!ordered || limited && spec.hasOffsetOrFetch()) {
        return;
      }
      ScanSpec pushed = keys.isEmpty() ? spec : spec.withSort(keys);
      if (limited) {
        Operand offset = limitOperand(sort.offset);
        Operand fetch = limitOperand(sort.fetch);
        if (sort.offset != null && offset == null || sort.fetch != null && fetch == null) {
          return;
        }
        pushed = pushed.withOffsetFetch(offset, fetch);
      }
      call.transformTo(scan.with(pushed));
    }
  }

  /** Pushes the OFFSET/FETCH of an EnumerableLimit that sits directly on a scan. */
  static final class LimitRule extends RelRule<RuleConfig> {
    LimitRule(RuleConfig config) {
      super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      EnumerableLimit limit = call.rel(0);
      EnumerableApiScan scan = call.rel(1);
      if (!scan.apiTable().pushdownEnabled()) {
        return;
      }
      if (scan.spec().hasOffsetOrFetch() || scan.spec().count()) {
        return;
      }
      Operand offset = limitOperand(limit.offset);
      Operand fetch = limitOperand(limit.fetch);
      if (limit.offset != null && offset == null || limit.fetch != null && fetch == null) {
        return;
      }
      call.transformTo(scan.with(scan.spec().withOffsetFetch(offset, fetch)));
    }
  }

  /**
   * Tells a scan of a LIMIT kept above it, over a filter it could not take (a condition on a column
   * its rows' own requests bring): the LIMIT stops reading the scan once its rows passed, so the
   * request budget may count ahead only the requests of the rows up to it ({@link ScanSpec#readTo}),
   * not those of every row the scan lists. Nothing the scan sends changes.
   */
  static final class ReadToRule extends RelRule<RuleConfig> {
    ReadToRule(RuleConfig config) {
      super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      EnumerableLimit limit = call.rel(0);
      RelNode calc = call.rel(1);
      EnumerableApiScan scan = call.rel(2);
      ScanSpec spec = scan.spec();
      if (spec.hasOffsetOrFetch() || spec.count() || spec.readTo() != null || limit.fetch == null) {
        return;
      }
      Operand offset = limitOperand(limit.offset);
      Operand fetch = limitOperand(limit.fetch);
      Operand through;
      if (fetch == null || limit.offset != null && offset == null) {
        return;
      } else if (offset == null) {
        through = fetch;
      } else if (!offset.isParameter() && !fetch.isParameter()) {
        through = Operand.literal(((Number) offset.literalValue()).longValue()
            + ((Number) fetch.literalValue()).longValue());
      } else {
        return;
      }
      RelNode marked = calc.copy(calc.getTraitSet(), List.of(scan.with(spec.withReadTo(through))));
      call.transformTo(limit.copy(limit.getTraitSet(), List.of(marked)));
    }
  }

  /** Turns the final logical scan into the executable one. */
  static final class ToEnumerableRule extends ConverterRule {
    ToEnumerableRule(ConverterRule.Config config) {
      super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
      ApiScan scan = (ApiScan) rel;
      return new EnumerableApiScan(scan.getCluster(), scan.getTable(), scan.apiTable(), scan.spec());
    }
  }

  private static @Nullable Operand limitOperand(@Nullable RexNode node) {
    if (node instanceof RexLiteral) {
      return Operand.literal(((RexLiteral) node).getValueAs(Long.class));
    }
    if (node instanceof RexDynamicParam) {
      return Operand.parameter(((RexDynamicParam) node).getIndex());
    }
    return null;
  }
}
