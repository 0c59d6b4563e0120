package io.convosql.driver;

import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.calcite.linq4j.function.Predicate1;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ScalarFunction;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The rows of {@code getFunctions} and {@code getFunctionColumns}: the functions convosql adds to
 * SQL ({@code matches}, {@code convert_tz} and the percentile aggregates), which are called
 * unqualified, so their schema and catalog are null.
 */
final class FunctionRows {
  static final List<String> FUNCTION_COLUMNS = List.of("FUNCTION_CAT", "FUNCTION_SCHEM",
      "FUNCTION_NAME", "REMARKS", "FUNCTION_TYPE", "SPECIFIC_NAME");
  static final List<Class<?>> FUNCTION_TYPES = List.of(String.class, String.class, String.class,
      String.class, Short.class, String.class);
  static final List<String> PARAMETER_COLUMNS = List.of("FUNCTION_CAT", "FUNCTION_SCHEM",
      "FUNCTION_NAME", "COLUMN_NAME", "COLUMN_TYPE", "DATA_TYPE", "TYPE_NAME", "PRECISION",
      "LENGTH", "SCALE", "RADIX", "NULLABLE", "REMARKS", "CHAR_OCTET_LENGTH", "ORDINAL_POSITION",
      "IS_NULLABLE", "SPECIFIC_NAME");
  static final List<Class<?>> PARAMETER_TYPES = List.of(String.class, String.class, String.class,
      String.class, Short.class, Integer.class, String.class, Integer.class, Integer.class,
      Short.class, Short.class, Short.class, String.class, Integer.class, Integer.class,
      String.class, String.class);

  /** What each function does, for REMARKS (the README's words). */
  private static final Map<String, String> REMARKS = Map.of("matches",
      "matches(text, words): true when any word of words is a word of text, words as"
          + " ElasticSearch's standard analyser splits them (Unicode word boundaries, lower-cased);"
          + " pushed to Insights as a full-text match",
      ConvertTz.NAME, "convert_tz(t, from_zone, to_zone): the timestamp t read in from_zone as the"
          + " wall clock of the same instant in to_zone, as in convert_tz(started_at, 'UTC',"
          + " 'America/New_York')");

  /**
   * The aggregate functions convosql runs that Calcite cannot ({@link Percentiles}), each with what
   * it does; {@code MEDIAN} only with the default functions ({@code fun=postgresql}).
   */
  private static final Map<String, String> AGGREGATES = Map.of(
      "PERCENTILE_CONT", "PERCENTILE_CONT(f) WITHIN GROUP (ORDER BY x [DESC]): an aggregate, the"
          + " value a fraction f (0 to 1, as 0.95 for p95) of the way through the group's values of x,"
          + " interpolated linearly, a DOUBLE; NULLs left out, as in PostgreSQL",
      "PERCENTILE_DISC", "PERCENTILE_DISC(f) WITHIN GROUP (ORDER BY x [DESC]): an aggregate, the first"
          + " of the group's values of x whose cumulative distribution reaches f (0 to 1), of x's type;"
          + " NULLs left out, as in PostgreSQL",
      "MEDIAN", "MEDIAN(x): an aggregate, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY x)");

  private FunctionRows() {}

  /**
   * One row per function whose name matches: those of the root schema, and the aggregates convosql
   * adds ({@code MEDIAN} only when {@code defaults}, the default functions).
   */
  static List<Object[]> functions(SchemaPlus root, Predicate1<String> name, boolean defaults) {
    Map<String, String> remarks = new TreeMap<>();
    for (String f : root.getFunctionNames()) {
      if (name.apply(f) && scalar(root, f) != null) {
        remarks.put(f, REMARKS.get(f));
      }
    }
    AGGREGATES.forEach((f, what) -> {
      if (name.apply(f) && (defaults || !f.equals("MEDIAN"))) {
        remarks.put(f, what);
      }
    });
    List<Object[]> rows = new ArrayList<>();
    remarks.forEach((f, what) -> rows.add(new Object[] {null, null, f, what,
        (short) DatabaseMetaData.functionNoTable, f}));
    return rows;
  }

  /**
   * The return value (position 0) and the parameters of each function whose name matches, those
   * {@link #functions} lists ({@code MEDIAN} only when {@code defaults}).
   */
  static List<Object[]> parameters(SchemaPlus root, RelDataTypeFactory types,
      Predicate1<String> name, Predicate1<String> column, boolean defaults) {
    Map<String, List<Object[]>> byName = new TreeMap<>();
    for (String f : new TreeSet<>(root.getFunctionNames())) {
      ScalarFunction function = name.apply(f) ? scalar(root, f) : null;
      if (function == null) {
        continue;
      }
      List<Object[]> rows = byName.computeIfAbsent(f, k -> new ArrayList<>());
      if (column.apply("")) {
        rows.add(row(f, "", DatabaseMetaData.functionReturn, function.getReturnType(types), 0, null));
      }
      for (FunctionParameter p : function.getParameters()) {
        if (column.apply(p.getName())) {
          rows.add(row(f, p.getName(), DatabaseMetaData.functionColumnIn, p.getType(types),
              p.getOrdinal() + 1, null));
        }
      }
    }
    for (String f : AGGREGATES.keySet()) {
      if (name.apply(f) && (defaults || !f.equals("MEDIAN"))) {
        List<Object[]> rows = byName.computeIfAbsent(f, k -> new ArrayList<>());
        for (Object[] row : aggregateParameters(f, types)) {
          if (column.apply((String) row[3])) {
            rows.add(row);
          }
        }
      }
    }
    List<Object[]> rows = new ArrayList<>();
    byName.values().forEach(rows::addAll);
    return rows;
  }

  /**
   * The percentiles' result and parameters, as PostgreSQL's catalog gives them: the fraction f, then
   * x, the value ordered in {@code WITHIN GROUP (ORDER BY x)}; PERCENTILE_DISC takes any type that
   * orders (ANY) and gives a value of it.
   */
  private static List<Object[]> aggregateParameters(String f, RelDataTypeFactory types) {
    RelDataType number = types.createTypeWithNullability(types.createSqlType(SqlTypeName.DOUBLE), true);
    RelDataType any = types.createTypeWithNullability(types.createSqlType(SqlTypeName.ANY), true);
    String fraction = "the fraction, 0 to 1 (0.95 for p95)";
    return switch (f) {
      case "MEDIAN" -> List.of(
          row(f, "", DatabaseMetaData.functionReturn, number, 0, "a DOUBLE"),
          row(f, "x", DatabaseMetaData.functionColumnIn, number, 1, "a number"));
      case "PERCENTILE_CONT" -> List.of(
          row(f, "", DatabaseMetaData.functionReturn, number, 0, "a DOUBLE"),
          row(f, "f", DatabaseMetaData.functionColumnIn, number, 1, fraction),
          row(f, "x", DatabaseMetaData.functionColumnIn, number, 2,
              "a number, in WITHIN GROUP (ORDER BY x [DESC])"));
      default -> List.of(
          row(f, "", DatabaseMetaData.functionReturn, any, 0, "of x's type"),
          row(f, "f", DatabaseMetaData.functionColumnIn, number, 1, fraction),
          row(f, "x", DatabaseMetaData.functionColumnIn, any, 2, "a number, date, time, timestamp or"
              + " interval, in WITHIN GROUP (ORDER BY x [DESC])"));
    };
  }

  private static @Nullable ScalarFunction scalar(SchemaPlus root, String name) {
    for (Function f : root.getFunctions(name)) {
      if (f instanceof ScalarFunction s) {
        return s;
      }
    }
    return null;
  }

  private static Object[] row(String function, String column, int kind, RelDataType type,
      int ordinal, @Nullable String remarks) {
    int precision = type.getPrecision();
    return new Object[] {null, null, function, column, (short) kind,
        type.getSqlTypeName().getJdbcOrdinal(), type.getSqlTypeName().getName(),
        precision < 0 ? null : precision, null, null, (short) 10,
        (short) (type.isNullable() ? DatabaseMetaData.functionNullable
            : DatabaseMetaData.functionNoNulls), remarks, null, ordinal,
        type.isNullable() ? "YES" : "NO", function};
  }
}
