/**
 * Planning, the first layer to learn: what an API table is ({@link io.convosql.core.plan.ApiTable},
 * its {@link io.convosql.core.plan.Column}s and keys) and how the part of a query the API will
 * answer becomes an immutable {@link io.convosql.core.plan.ScanSpec} on the scan node: the WHERE
 * conjuncts read from Calcite's Rex as {@link io.convosql.core.plan.Term}s over
 * {@link io.convosql.core.plan.Operand}s, the order as {@link io.convosql.core.plan.SortKey}s, and
 * the rules ({@link io.convosql.core.plan.ScanRules}, the count, aggregate-trim and batch-join rules)
 * that fold Filter, Project, Sort and limits into {@link io.convosql.core.plan.ApiScan} and convert
 * it to the executable {@link io.convosql.core.plan.EnumerableApiScan}. Read {@code ApiTable} first,
 * then {@code Term} and {@code ScanSpec}, then {@code ScanRules}. This layer reaches the execution
 * layer ({@code io.convosql.core.exec}) at two seams only: the table's {@code open}/{@code count}
 * take a {@code BoundScan}, and the generated code of {@code EnumerableApiScan} calls
 * {@code ScanRuntime}.
 */
package io.convosql.core.plan;
