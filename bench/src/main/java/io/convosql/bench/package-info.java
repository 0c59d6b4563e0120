/**
 * The benchmark: the convosql driver against a hand-written REST client on the sandbox with
 * injected latency; a program, not a test. See {@code BENCHMARKS.md}.
 */
package io.convosql.bench;
