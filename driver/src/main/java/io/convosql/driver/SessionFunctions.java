package io.convosql.driver;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlBaseContextVariable;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;

/**
 * The session's schema as SQL asks for it, {@code CURRENT_SCHEMA} and {@code current_schema()}
 * (PostgreSQL's; {@link FunctionSynonyms} adds MySQL's {@code SCHEMA()} and {@code DATABASE()}): the
 * connection's schema, as {@code Connection.getSchema()} gives it ({@code setSchema}, {@code USE},
 * {@code SET search_path}, the {@code schema} property), NULL when it has none, as in PostgreSQL and
 * MySQL. Calcite's own CURRENT_SCHEMA could not run (0A000 "not supported") and is never NULL; in the
 * default functions this one stands in its place. Its value is a literal of the statement's plan,
 * which the plan cache keeps per schema ({@link PlanCache.Key}).
 */
final class SessionFunctions {
  /** CURRENT_SCHEMA, written with or without parentheses. */
  static final SqlFunction CURRENT_SCHEMA = new SqlBaseContextVariable("CURRENT_SCHEMA",
      ReturnTypes.VARCHAR_2000.andThen(SqlTypeTransforms.FORCE_NULLABLE), SqlFunctionCategory.SYSTEM) { };

  private SessionFunctions() {}

  /** The functions of {@code table} with this CURRENT_SCHEMA in place of Calcite's. */
  static SqlOperatorTable replacing(SqlOperatorTable table) {
    return ReplacedOperator.in(table, SqlStdOperatorTable.CURRENT_SCHEMA, CURRENT_SCHEMA);
  }

  /**
   * Calcite's conversion of calls to expressions, with CURRENT_SCHEMA the name of the last schema of
   * {@code schemaPath} (the connection's), or NULL when the path is empty.
   */
  static SqlRexConvertletTable convertlets(SqlRexConvertletTable calcite, List<String> schemaPath) {
    String schema = schemaPath.isEmpty() ? null : schemaPath.get(schemaPath.size() - 1);
    SqlRexConvertlet current = (cx, call) -> {
      RexBuilder rex = cx.getRexBuilder();
      RelDataType type = rex.getTypeFactory().createTypeWithNullability(
          rex.getTypeFactory().createSqlType(SqlTypeName.VARCHAR, 2000), true); // as validated
      return schema == null ? rex.makeNullLiteral(type) : rex.makeLiteral(schema, type, true);
    };
    return (SqlCall call) -> call.getOperator() == CURRENT_SCHEMA ? current : calcite.get(call);
  }
}
