package io.convosql.core.plan;

import java.util.Map;
import java.util.Objects;

/**
 * A column of an API table that names one thing many tables describe (an Insights session: its own
 * row, and each of its tags, transcript lines and flow-path nodes), and the columns that hold one of
 * that thing's attributes, the same in every such table. Two rows whose key columns are equal then
 * have equal attributes, so a bound on one table's attribute holds for the other's in a join on the
 * key ({@link KeyedBounds}).
 *
 * @param thing what the key names, the same string in every table that shares it
 * @param keyColumn the column holding the key
 * @param attributes column by column, the attribute each holds (never NULL in any row)
 */
public record SharedKey(String thing, int keyColumn, Map<Integer, String> attributes) {
  public SharedKey {
    Objects.requireNonNull(thing, "thing");
    attributes = Map.copyOf(attributes);
  }

  /** This table's column holding the attribute, or -1. */
  int column(String attribute) {
    return attributes.entrySet().stream().filter(e -> e.getValue().equals(attribute))
        .mapToInt(Map.Entry::getKey).findFirst().orElse(-1);
  }
}
