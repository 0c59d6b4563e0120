package io.convosql.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.junit.jupiter.api.Test;

/**
 * A parameter of a pushed term is read as Calcite's generated code reads it, so a term and
 * Calcite's own filter agree (found by the driver's differential test: {@code line_no <> ?} bound
 * to a Long out of the INTEGER range failed with pushdown and answered without it).
 */
class ParameterValuesTest {
  private static final Column INT = new Column("n", SqlTypeName.INTEGER, "an integer");
  private static final Column BIG = new Column("b", SqlTypeName.BIGINT, "a bigint");

  private static DataContext params(Map<String, Object> values) {
    return new DataContext() {
      @Override
      public @Nullable SchemaPlus getRootSchema() {
        return null;
      }

      @Override
      public JavaTypeFactory getTypeFactory() {
        throw new UnsupportedOperationException();
      }

      @Override
      public QueryProvider getQueryProvider() {
        throw new UnsupportedOperationException();
      }

      @Override
      public @Nullable Object get(String name) {
        return values.get(name);
      }
    };
  }

  @Test
  void numbersAreNarrowedAsJavaNarrowsThem() {
    assertThat(Values.parameter(4_294_967_297L, INT)).isEqualTo(1);
    assertThat(Values.parameter(3_000_000_000L, INT)).isEqualTo((int) 3_000_000_000L);
    assertThat(Values.parameter(1.7d, INT)).isEqualTo(1);
    assertThat(Values.parameter(2.5d, BIG)).isEqualTo(2L);
    assertThat(Values.parameter(7, BIG)).isEqualTo(7L);
    assertThat(Values.parameter(null, INT)).isNull();
  }

  @Test
  void aBoundTermReadsItsParameterSo() {
    DataContext context = params(Map.of("?0", 4_294_967_297L));
    Term bound = new Term.Compare(0, Term.Op.EQ, Operand.parameter(0)).bind(context, INT);
    assertThat(bound.test(new Object[] {1})).isTrue();
    assertThat(bound.test(new Object[] {2})).isFalse();
    Term list = new Term.InList(0, java.util.List.of(Operand.parameter(0)), true)
        .bind(context, INT);
    assertThat(list.test(new Object[] {1})).isFalse();
  }

  @Test
  void literalsThatDoNotFitStayUnpushed() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Values.coerce(3_000_000_000L, INT))
        .isInstanceOf(ArithmeticException.class);
  }
}
