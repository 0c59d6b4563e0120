/**
 * Execution, the second layer, run for each execution of a plan made by {@code io.convosql.core.plan}:
 * {@link io.convosql.core.exec.ScanRuntime} is what the generated code calls; its enumerator binds the
 * parameters into a {@link io.convosql.core.exec.BoundScan}, opens the adapter's
 * {@link io.convosql.core.exec.RowSource} and re-checks every row so the answer stays exact. Below
 * it are the lazy row streams adapters build their sources from: {@link io.convosql.core.exec.Streams}
 * (paged, concatenated and merged streams), {@link io.convosql.core.exec.PrefetchPages} over
 * {@link io.convosql.core.exec.Page}s read by a {@link io.convosql.core.exec.PageReader},
 * {@link io.convosql.core.exec.ConcurrentConcat}, {@link io.convosql.core.exec.OrderedRequests},
 * plus cancellation, cache bypass and statement warnings. Read {@code ScanRuntime} first, then
 * {@code BoundScan} and {@code RowSource}, then {@code Streams}.
 */
package io.convosql.core.exec;
