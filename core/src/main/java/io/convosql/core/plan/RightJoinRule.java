package io.convosql.core.plan;

import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.rules.JoinCommuteRule;

/**
 * A RIGHT JOIN also as the LEFT JOIN with its inputs swapped (and a Project restoring the columns'
 * order), so that {@link BatchJoinRule} sees the API scan on the right, the side a batch nested-loop
 * join fetches by keys: {@code t RIGHT JOIN s ON t.session_id = s.id WHERE s.id IN (…)} is then a get
 * per session, as its LEFT JOIN is, where Calcite kept it a hash join that read {@code t} whole (a
 * request per session of every workspace). Calcite commutes inner joins only; LEFT joins are left
 * as they are, so no join is commuted back and forth.
 */
final class RightJoinRule {
  private RightJoinRule() {}

  static final JoinCommuteRule INSTANCE = JoinCommuteRule.Config.DEFAULT
      .withSwapOuter(true)
      .withDescription("ApiRightJoinToLeftJoinRule")
      .withOperandSupplier(b -> b.operand(LogicalJoin.class)
          .predicate(j -> j.getJoinType() == JoinRelType.RIGHT).anyInputs())
      .as(JoinCommuteRule.Config.class)
      .toRule();
}
