package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.lang.reflect.Field;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.junit.jupiter.api.Test;

/**
 * The functions of {@code fun=postgresql} come from {@link PostgresqlFunctions}' list: the very
 * operators, in the same order, of the table Calcite builds by reflection for that setting; and
 * any other {@code fun} is still Calcite's own.
 */
class PostgresqlFunctionsTest {
  @Test
  void theListedTableIsTheOneCalciteBuildsForFunPostgresql() throws IllegalAccessException {
    Properties fun = new Properties();
    fun.setProperty("fun", PostgresqlFunctions.FUN);
    SqlOperatorTable calcite = new CalciteConnectionConfigImpl(fun).fun(SqlOperatorTable.class, null);
    List<SqlOperator> expected = calcite.getOperatorList();
    List<SqlOperator> listed = PostgresqlFunctions.table().getOperatorList();
    int standard = SqlStdOperatorTable.instance().getOperatorList().size();

    assertThat(PostgresqlFunctions.table().getClass()).isSameAs(calcite.getClass());
    Map<SqlOperator, String> fields = new IdentityHashMap<>();
    for (Field f : SqlLibraryOperators.class.getFields()) {
      if (SqlOperator.class.isAssignableFrom(f.getType())) {
        fields.put((SqlOperator) f.get(null), "SqlLibraryOperators." + f.getName());
      }
    }
    assertThat(listed)
        .as("Calcite's fun=postgresql operators are now (update PostgresqlFunctions): %s",
            expected.subList(Math.min(standard, expected.size()), expected.size()).stream()
                .map(op -> fields.getOrDefault(op, op.getName())).collect(Collectors.joining(", ")))
        .usingElementComparator((a, b) -> a == b ? 0 : 1)
        .containsExactlyElementsOf(expected);
    assertThat(PostgresqlFunctions.postgresqlOperators()).hasSize(expected.size() - standard);
  }

  @Test
  void theDefaultAndAnExplicitFunPostgresqlHavePostgresqlsFunctionsAndOtherValuesCalcites()
      throws SQLException {
    String postgresqlOnly = "SELECT STRPOS('convosql', 'sql'), 'Staging' ILIKE 'stag%'";
    String mysqlOnly = "SELECT STRCMP('a', 'a')";
    try (Connection byDefault = DriverFixture.connect();
        Connection explicit = DriverFixture.connect("fun=postgresql");
        Connection mysql = DriverFixture.connect("fun=mysql");
        Connection standard = DriverFixture.connect("fun=standard")) {
      assertThat(DriverFixture.rows(byDefault, postgresqlOnly)).containsExactly("6; true");
      assertThat(DriverFixture.rows(explicit, postgresqlOnly)).containsExactly("6; true");
      assertThat(DriverFixture.queryFailure(byDefault, mysqlOnly)).hasMessageContaining("STRCMP");
      assertThat(DriverFixture.rows(mysql, mysqlOnly)).containsExactly("0");
      assertThat(DriverFixture.queryFailure(mysql, postgresqlOnly)).hasMessageContaining("STRPOS");
      assertThat(DriverFixture.queryFailure(standard, "SELECT 'a' ILIKE 'A'")).hasMessageContaining("ILIKE");
    }
  }
}
