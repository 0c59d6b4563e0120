package io.convosql.core.plan;

import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A value compared with a column of a closed set of values that the API writes in another spelling:
 * {@code 'voice'} where PathSim's rows say {@code 'Voice'}, {@code 'not_achieved'} (its document's
 * parameter value) where they say {@code 'Not Achieved'}, {@code 'Ended'} where Insights writes
 * {@code 'ended'}. SQL compares text as written, so such a query finds nothing, or only rows the
 * service spells unlike its document; the statement gets a warning saying what the API writes, where
 * it would otherwise see an empty answer with no word why.
 *
 * @param table the table, with its schema ({@code pathsim.sessions})
 * @param column the SQL column
 * @param given the value the query compares it with
 * @param documented the column's value as the API writes it
 * @param param the API parameter that stands for the column, or null when none is named
 * @param apiValue the parameter's value for {@code documented}
 * @param values every documented value of the column, SQL value to parameter value
 */
public record SpellingMiss(String table, String column, String given, String documented,
    @Nullable String param, String apiValue, Map<String, String> values) {

  /**
   * Every miss among the equalities ({@code =}, {@code IN}) of {@code terms} on the columns whose
   * documented values are given.
   *
   * @param columns the table's columns, for their names
   * @param documented by column index: each documented value as SQL reads it, to the API's value
   * @param params by column index: the API parameter that stands for the column, where one does
   */
  public static List<SpellingMiss> among(String table, List<Term> terms, List<Column> columns,
      Map<Integer, Map<String, String>> documented, Map<Integer, String> params) {
    List<SpellingMiss> misses = new ArrayList<>();
    for (Term t : terms) {
      Map<String, String> values = documented.get(t.column());
      List<Object> eq = values == null ? null : Term.equalities(t);
      for (Object v : eq == null ? List.of() : eq) {
        SpellingMiss miss = of(table, columns.get(t.column()).name(), v, params.get(t.column()), values);
        if (miss != null) {
          misses.add(miss);
        }
      }
    }
    return misses;
  }

  /** The miss when {@code given} is a documented value spelt otherwise; null when it is none. */
  public static @Nullable SpellingMiss of(String table, String column, @Nullable Object given,
      @Nullable String param, Map<String, String> values) {
    if (!(given instanceof String g) || values.containsKey(g)) {
      return null;
    }
    String key = loose(g);
    for (Map.Entry<String, String> e : values.entrySet()) {
      if (loose(e.getKey()).equals(key) || loose(e.getValue()).equals(key)) {
        return new SpellingMiss(table, column, g, e.getKey(), param, e.getValue(), values);
      }
    }
    return null;
  }

  /** Lower case, with spaces, underscores and hyphens alike. */
  private static String loose(String s) {
    return s.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "_");
  }

  /** The warning for the statement (SQLState 01000). */
  public SQLWarning warning() {
    String all = values.keySet().stream().sorted().map(v -> "'" + v + "'")
        .collect(Collectors.joining(", "));
    String stands = param == null ? ""
        : " (its parameter " + param + "=" + apiValue + " stands for " + column + " = '" + documented + "')";
    return new SQLWarning(table + ": " + column + " is compared with '" + given + "' as written, but the"
        + " API writes " + column + " as one of " + all + stands + ": write '" + documented
        + "', or compare LOWER(" + column + ") to match in any case", "01000");
  }
}
