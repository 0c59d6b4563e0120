package io.convosql.driver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCollation;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlValidatorImpl;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A column of a select list that can only be NULL, a call Calcite typed NULL because all it can give
 * is a bare NULL ({@code COALESCE(NULL, NULL)}, {@code NULLIF(NULL, NULL)}, {@code CASE WHEN … THEN
 * NULL ELSE NULL END}, {@code GREATEST(NULL, NULL)}, {@code IFNULL}, {@code NVL}, {@code IIF}), is a
 * NULL VARCHAR, as PostgreSQL resolves its unknown to text: a column of JDBC type NULL was one tools
 * could not show or bind. A bare {@code NULL} literal keeps its type, so that it still takes a type
 * from the other branches of a {@code UNION}; so do such a call within another expression, an
 * aggregate ({@code MAX(NULL)}) and a sub-query.
 */
final class TextNulls {
  private TextNulls() {}

  /**
   * The row type of {@code select}, validated as {@code row}, with the select-list calls of type NULL
   * typed as a nullable VARCHAR; each such call is given to {@code alwaysNull}, to be converted to a
   * NULL of that type ({@link NullArguments#convertlets}).
   */
  static RelDataType type(SqlValidatorImpl validator, SqlSelect select, RelDataType row,
      Consumer<SqlNode> alwaysNull) {
    SqlNodeList items = select.getSelectList();
    if (items.size() != row.getFieldCount()
        || row.getFieldList().stream().noneMatch(f -> f.getType().getSqlTypeName() == SqlTypeName.NULL)) {
      return row;
    }
    RelDataTypeFactory types = validator.getTypeFactory();
    RelDataType text = types.createTypeWithNullability(types.createTypeWithCharsetAndCollation(
        types.createSqlType(SqlTypeName.VARCHAR), types.getDefaultCharset(), SqlCollation.IMPLICIT), true);
    List<RelDataType> fields = new ArrayList<>();
    boolean changed = false;
    for (RelDataTypeField field : row.getFieldList()) {
      SqlNode item = items.get(field.getIndex());
      SqlNode expr = SqlUtil.stripAs(item);
      if (field.getType().getSqlTypeName() == SqlTypeName.NULL && expr instanceof SqlCall call
          && !call.isA(SqlKind.QUERY) && call.getKind() != SqlKind.SCALAR_QUERY && call.getKind() != SqlKind.OVER
          && !call.getOperator().isAggregator()) { // those are converted otherwise, and keep their type
        validator.setValidatedNodeType(expr, text);
        validator.setValidatedNodeType(item, text);
        alwaysNull.accept(expr);
        fields.add(text);
        changed = true;
      } else {
        fields.add(field.getType());
      }
    }
    return changed ? types.createStructType(row.getStructKind(), fields, row.getFieldNames()) : row;
  }

  /**
   * The operands of the set operations (UNION, INTERSECT, EXCEPT) in {@code top}, by identity: a
   * branch's all-NULL column takes the other branches' type, as a bare NULL does there.
   */
  static Set<SqlNode> setOperationBranches(@Nullable SqlNode top) {
    Set<SqlNode> found = Collections.newSetFromMap(new IdentityHashMap<>());
    if (top != null) {
      top.accept(new SqlBasicVisitor<Void>() {
        @Override
        public Void visit(SqlCall call) {
          if (call.getKind().belongsTo(SqlKind.SET_QUERY)) {
            call.getOperandList().forEach(found::add);
          }
          return super.visit(call);
        }
      });
    }
    return found;
  }
}
