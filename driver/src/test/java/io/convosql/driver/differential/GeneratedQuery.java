package io.convosql.driver.differential;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One generated query: its SQL, the values of its {@code ?} parameters (bound the same way in both
 * modes), how its two answers are compared and which features it uses (for the coverage summary).
 *
 * @param check how the answers are compared
 * @param unlimited for {@link Check#SUBSET} and {@link Check#PREFIX}: the query without its
 *     ORDER BY and LIMIT/OFFSET
 */
record GeneratedQuery(String sql, List<Param> params, Check check, String unlimited,
    Set<String> features) {

  /** How the two answers must agree. */
  enum Check {
    /** The same rows in the same order (the query orders its rows totally). */
    ORDERED,
    /** The same rows as multisets. */
    UNORDERED,
    /**
     * LIMIT without a total order: the same number of rows, each answer a sub-multiset of the
     * answer without the limit.
     */
    SUBSET,
    /**
     * ORDER BY one key (the first output column) with LIMIT/OFFSET: rows tied on the key where the
     * limit or offset cuts may differ. The same number of rows and the same keys in the same order,
     * each answer a sub-multiset of the answer without the limit, and the same rows between the
     * cuts.
     */
    PREFIX
  }

  /**
   * A parameter value and the setter that binds it.
   *
   * @param sqlType for {@link Setter#NULL}: the {@link java.sql.Types} type given to setNull
   */
  record Param(Object value, Setter setter, int sqlType) {
    Param(Object value, Setter setter) {
      this(value, setter, 0);
    }

    @Override
    public String toString() {
      return setter.name() + "(" + (setter == Setter.NULL ? sqlType : Sql.describe(value)) + ")";
    }
  }

  /** The {@code PreparedStatement} setters the generator uses. */
  enum Setter { OBJECT, STRING, INT, LONG, BOOLEAN, TIMESTAMP, NULL }

  String describe() {
    return sql + (params.isEmpty() ? "" : "\n  params: " + params.stream().map(Param::toString)
        .collect(Collectors.joining(", ")));
  }
}
