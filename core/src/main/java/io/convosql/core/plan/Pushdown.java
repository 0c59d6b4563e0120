package io.convosql.core.plan;

/** How an adapter takes a predicate term. */
public enum Pushdown {
  /** The scan's answer satisfies the term exactly; Calcite no longer checks it. */
  EXACT,
  /** The API narrows by a looser version of the term; Calcite still checks the term itself. */
  SUPERSET,
  /** The API cannot express the term; it stays with Calcite. */
  NONE
}
