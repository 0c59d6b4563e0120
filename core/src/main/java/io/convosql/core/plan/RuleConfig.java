package io.convosql.core.plan;

import java.util.Objects;
import java.util.function.Function;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.tools.RelBuilderFactory;

/** A plain immutable rule configuration, so the scan rules need no annotation processor. */
final class RuleConfig implements RelRule.Config {
  private final String description;
  private final RelRule.OperandTransform operands;
  private final RelBuilderFactory builders;
  private final Function<RuleConfig, RelOptRule> factory;

  RuleConfig(String description, RelRule.OperandTransform operands,
      Function<RuleConfig, RelOptRule> factory) {
    this(description, operands, RelFactories.LOGICAL_BUILDER, factory);
  }

  private RuleConfig(String description, RelRule.OperandTransform operands,
      RelBuilderFactory builders, Function<RuleConfig, RelOptRule> factory) {
    this.description = Objects.requireNonNull(description, "description");
    this.operands = Objects.requireNonNull(operands, "operands");
    this.builders = Objects.requireNonNull(builders, "builders");
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  @Override
  public RelOptRule toRule() {
    return factory.apply(this);
  }

  @Override
  public RelBuilderFactory relBuilderFactory() {
    return builders;
  }

  @Override
  public RelRule.Config withRelBuilderFactory(RelBuilderFactory f) {
    return new RuleConfig(description, operands, f, factory);
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public RelRule.Config withDescription(String d) {
    return new RuleConfig(d, operands, builders, factory);
  }

  @Override
  public RelRule.OperandTransform operandSupplier() {
    return operands;
  }

  @Override
  public RelRule.Config withOperandSupplier(RelRule.OperandTransform t) {
    return new RuleConfig(description, t, builders, factory);
  }
}
