package io.convosql.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.linq4j.function.Strict;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ScalarFunction;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.junit.jupiter.api.Test;

/**
 * {@link LazyScalarFunction} is Calcite's {@code ScalarFunctionImpl} for {@code matches} in all a
 * user sees (parameters, types, rows, nulls, errors) and builds its code generator only when a
 * query first compiles a call.
 */
class LazyScalarFunctionTest {
  private static final String QUERY = "SELECT \"matches\"(t, w) AS m, \"matches\"(t, w) IS NULL AS n"
      + " FROM (VALUES ('I want a REFUND', 'refund'), ('Where is it?', 'refund'),"
      + " (CAST(NULL AS VARCHAR), 'x'), ('x', CAST(NULL AS VARCHAR)), ('a b', ' ?! ')) AS v(t, w)";

  @Test
  void theParametersAndReturnTypeAreCalcites() {
    RelDataTypeFactory types = new JavaTypeFactoryImpl();
    ScalarFunction calcite = ScalarFunctionImpl.create(Matches.class, "matches");
    LazyScalarFunction lazy = Matches.function();
    assertThat(describe(lazy, types)).isEqualTo(describe(calcite, types))
        .containsExactly("return JavaType(class java.lang.Boolean)",
            "0 " + calcite.getParameters().get(0).getName() + " JavaType(class java.lang.String) false",
            "1 " + calcite.getParameters().get(1).getName() + " JavaType(class java.lang.String) false");
  }

  @Test
  void theRowsAndNullsAreThoseOfCalcitesFunctionAndTheGeneratorWaitsForTheFirstQuery()
      throws SQLException {
    LazyScalarFunction lazy = Matches.function();
    List<String> ours;
    try (Connection c = connection()) {
      c.unwrap(CalciteConnection.class).getRootSchema().add("matches", lazy);
      assertThat(lazy.implemented()).isFalse();
      ours = rows(c, QUERY);
    }
    assertThat(lazy.implemented()).isTrue();
    List<String> calcites;
    try (Connection c = connection()) {
      c.unwrap(CalciteConnection.class).getRootSchema()
          .add("matches", ScalarFunctionImpl.create(Matches.class, "matches"));
      calcites = rows(c, QUERY);
    }
    assertThat(ours).isEqualTo(calcites).containsExactly("BOOLEAN BOOLEAN", "true false",
        "false false", "null true", "null true", "false false");
  }

  @Test
  void aWrongCallFailsAsWithCalcitesFunction() throws SQLException {
    String ours;
    String calcites;
    try (Connection c = connection()) {
      c.unwrap(CalciteConnection.class).getRootSchema().add("matches", Matches.function());
      ours = failure(c, "SELECT \"matches\"('a') FROM (VALUES (1))");
    }
    try (Connection c = connection()) {
      c.unwrap(CalciteConnection.class).getRootSchema()
          .add("matches", ScalarFunctionImpl.create(Matches.class, "matches"));
      calcites = failure(c, "SELECT \"matches\"('a') FROM (VALUES (1))");
    }
    assertThat(ours).isEqualTo(calcites).contains("No match found for function signature matches(<CHARACTER>)");
  }

  @Test
  void onlyPublicStaticNonStrictMethodsAreTaken() {
    assertThatThrownBy(() -> LazyScalarFunction.of(StrictOne.class, "twice"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strict");
    assertThatThrownBy(() -> LazyScalarFunction.of(Matches.class, "nothing"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("io.convosql.core.plan.Matches has no public method nothing");
    assertThatThrownBy(() -> LazyScalarFunction.of(String.class, "length"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not public and static");
  }

  /** A strict function, which Calcite types differently. */
  public static final class StrictOne {
    private StrictOne() {}

    @Strict
    public static int twice(int x) {
      return 2 * x;
    }
  }

  private static List<String> describe(ScalarFunction f, RelDataTypeFactory types) {
    List<String> out = new ArrayList<>();
    out.add("return " + f.getReturnType(types).getFullTypeString());
    for (FunctionParameter p : f.getParameters()) {
      out.add(p.getOrdinal() + " " + p.getName() + " " + p.getType(types).getFullTypeString() + " "
          + p.isOptional());
    }
    return out;
  }

  private static Connection connection() throws SQLException {
    return DriverManager.getConnection("jdbc:calcite:");
  }

  /** The column types, then each row's values. */
  private static List<String> rows(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
      ResultSetMetaData md = rs.getMetaData();
      out.add(md.getColumnTypeName(1) + " " + md.getColumnTypeName(2));
      while (rs.next()) {
        out.add(rs.getString(1) + " " + rs.getString(2));
      }
    }
    return out;
  }

  private static String failure(Connection c, String sql) {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      return "prepared";
    } catch (SQLException e) {
      StringBuilder all = new StringBuilder();
      for (Throwable t = e; t != null; t = t.getCause()) {
        all.append(t.getMessage()).append('\n');
      }
      return all.toString();
    }
  }
}
