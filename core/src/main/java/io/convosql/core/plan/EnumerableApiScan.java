package io.convosql.core.plan;

import io.convosql.core.exec.ScanRuntime;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.RexToLixTranslator;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.function.Predicate1;
import org.apache.calcite.linq4j.tree.ParameterExpression;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.Primitive;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/**
 * The executable scan of an API table: generated code calls {@link ScanRuntime} with the table and
 * spec passed through the stash (not as literals), so the generated class is the same for every
 * spec and can be reused.
 */
public final class EnumerableApiScan extends AbstractApiScan implements EnumerableRel {
  EnumerableApiScan(RelOptCluster cluster, RelOptTable table, ApiTable apiTable, ScanSpec spec) {
    super(cluster, EnumerableConvention.INSTANCE, table, apiTable, spec);
  }

  EnumerableApiScan with(ScanSpec newSpec) {
    return new EnumerableApiScan(getCluster(), getTable(), apiTable, newSpec);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return this;
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    PhysType physType = PhysTypeImpl.of(
        implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY);
    BlockBuilder block = new BlockBuilder();
    List<Expression> args = new ArrayList<>(List.of(
        implementor.stash(apiTable, ApiTable.class),
        implementor.stash(spec, ScanSpec.class),
        Expressions.convert_(implementor.getRootExpression(), DataContext.class)));
    List<String> keys = spec.correlationKeys();
    if (!keys.isEmpty()) {
      // The inner side of a batch nested-loop join: pass this batch's outer values (the fields of
      // the correlation variables Calcite declares around this code) to the scan.
      List<Expression> values = new ArrayList<>();
      for (String key : keys) {
        int dot = key.lastIndexOf('.');
        Expression field = implementor.getCorrelVariableGetter(key.substring(0, dot))
            .field(block, Integer.parseInt(key.substring(dot + 1)), null);
        values.add(Primitive.is(field.getType()) ? Expressions.box(field) : field);
      }
      args.add(Expressions.newArrayInit(Object.class, values));
    }
    if (spec.early() != null) {
      args.add(earlyCheck(implementor));
    }
    block.add(Expressions.return_(null, Expressions.call(ScanRuntime.class, "enumerable", args)));
    return implementor.result(physType, block.toBlock());
  }

  /**
   * The spec's {@linkplain ScanSpec#early early condition} as generated code, the way Calcite's own
   * Calc generates a WHERE clause: a predicate on the table's full row.
   */
  private Expression earlyCheck(EnumerableRelImplementor implementor) {
    JavaTypeFactory typeFactory = implementor.getTypeFactory();
    RelDataType fullRow = getTable().getRowType();
    RexProgramBuilder program = new RexProgramBuilder(fullRow, getCluster().getRexBuilder());
    program.addCondition(spec.early());
    ParameterExpression row = Expressions.parameter(Object[].class, "row");
    BlockBuilder body = new BlockBuilder();
    Expression condition = RexToLixTranslator.translateCondition(program.getProgram(), typeFactory, body,
        new RexToLixTranslator.InputGetterImpl(row, PhysTypeImpl.of(typeFactory, fullRow, JavaRowFormat.ARRAY)),
        name -> {
          throw new IllegalStateException("an early condition has no correlation variable: " + name);
        }, implementor.getConformance());
    body.add(Expressions.return_(null, condition));
    return Expressions.lambda(Predicate1.class, body.toBlock(), row);
  }
}
