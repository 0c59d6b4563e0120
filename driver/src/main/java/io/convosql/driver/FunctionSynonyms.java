package io.convosql.driver;

import static org.apache.calcite.util.Static.RESOURCE;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlJdbcFunctionCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.fun.SqlTrimFunction;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * Other names for functions SQL here has, as MySQL, Redshift and Snowflake users type them and as
 * JDBC's escape functions name them ({@code {fn UCASE(s)}} worked, {@code UCASE(s)} did not):
 * {@code UCASE}, {@code LCASE}, {@code CURDATE()}, {@code CURTIME()}, {@code LOCATE(sub, s [, from])},
 * {@code CONVERT_TIMEZONE([from_zone,] to_zone, t)} ({@code from_zone} UTC when left out, as
 * Redshift reads it), {@code DATE(x)} (a cast to DATE), MySQL's {@code SCHEMA()} and
 * {@code DATABASE()} (the connection's schema, {@link SessionFunctions}), PostgreSQL's
 * {@code version()}, MySQL's {@code IF(c, a, b)} and SQL Server's {@code IIF} (a CASE), MySQL's
 * {@code UNIX_TIMESTAMP([t])} and Oracle's {@code MEDIAN(x)} ({@link Percentiles}), PostgreSQL's
 * {@code BTRIM(s [, chars])} and the second argument of its {@code LTRIM} and {@code RTRIM} (TRIM),
 * MySQL's {@code LOG2(x)} ({@code LOG(2, x)}, PostgreSQL's, so 0 or less fails as there) and MySQL's
 * and SQL Server's {@code DAY(t)} ({@code EXTRACT(DAY FROM t)}). Each call is rewritten before
 * validation into the function it names, so planning, pushdown and errors are those of that function.
 */
final class FunctionSynonyms {
  private FunctionSynonyms() {}

  /** The synonyms, for an operator table. */
  static List<SqlOperator> operators() {
    return List.of(
        new Synonym("UCASE", SqlFunctionCategory.STRING, 1, 1,
            call -> SqlStdOperatorTable.UPPER.createCall(call.getParserPosition(), text(call, 0))),
        new Synonym("LCASE", SqlFunctionCategory.STRING, 1, 1,
            call -> SqlStdOperatorTable.LOWER.createCall(call.getParserPosition(), text(call, 0))),
        new Synonym("LOCATE", SqlFunctionCategory.NUMERIC, 2, 3, FunctionSynonyms::locate),
        new Synonym("CURDATE", SqlFunctionCategory.TIMEDATE, 0, 0,
            call -> SqlStdOperatorTable.CURRENT_DATE.createCall(call.getParserPosition())),
        new Synonym("CURTIME", SqlFunctionCategory.TIMEDATE, 0, 0,
            call -> SqlStdOperatorTable.CURRENT_TIME.createCall(call.getParserPosition())),
        new Synonym("CONVERT_TIMEZONE", SqlFunctionCategory.TIMEDATE, 2, 3,
            FunctionSynonyms::convertTz),
        new Synonym("DATE", SqlFunctionCategory.TIMEDATE, 1, 1, FunctionSynonyms::date),
        new Synonym("SCHEMA", SqlFunctionCategory.SYSTEM, 0, 0,
            call -> SessionFunctions.CURRENT_SCHEMA.createCall(call.getParserPosition())),
        new Synonym("DATABASE", SqlFunctionCategory.SYSTEM, 0, 0,
            call -> SessionFunctions.CURRENT_SCHEMA.createCall(call.getParserPosition())),
        new Synonym("VERSION", SqlFunctionCategory.SYSTEM, 0, 0, call -> cast(
            SqlLiteral.createCharString(version(), call.getParserPosition()), SqlTypeName.VARCHAR)),
        new Synonym("MEDIAN", SqlFunctionCategory.NUMERIC, 1, 1, Percentiles::median),
        new Synonym("IF", SqlFunctionCategory.SYSTEM, 3, 3, FunctionSynonyms::ifThenElse),
        new Synonym("IIF", SqlFunctionCategory.SYSTEM, 3, 3, FunctionSynonyms::ifThenElse),
        new Synonym("UNIX_TIMESTAMP", SqlFunctionCategory.TIMEDATE, 0, 1, FunctionSynonyms::unixTimestamp),
        new Synonym("BTRIM", SqlFunctionCategory.STRING, 1, 2, call -> trim(call, SqlTrimFunction.Flag.BOTH)),
        new Synonym("LOG2", SqlFunctionCategory.NUMERIC, 1, 1, call -> SqlLibraryOperators.LOG_POSTGRES
            .createCall(call.getParserPosition(), SqlLiteral.createExactNumeric("2", call.getParserPosition()),
                call.operand(0))),
        new Synonym("DAY", SqlFunctionCategory.TIMEDATE, 1, 1, call -> SqlStdOperatorTable.EXTRACT.createCall(
            call.getParserPosition(), new SqlIntervalQualifier(TimeUnit.DAY, null, call.getParserPosition()),
            call.operand(0))));
  }

  /**
   * The functions of {@code table} with LTRIM and RTRIM that also take PostgreSQL's second argument,
   * the characters to strip: {@code LTRIM(s, 'xy')} failed with 42000 "Invalid number of arguments".
   */
  static SqlOperatorTable withTrims(SqlOperatorTable table) {
    return ReplacedOperator.in(ReplacedOperator.in(table, SqlLibraryOperators.LTRIM,
        new Synonym("LTRIM", SqlFunctionCategory.STRING, 1, 2, call -> trim(call, SqlTrimFunction.Flag.LEADING))),
        SqlLibraryOperators.RTRIM,
        new Synonym("RTRIM", SqlFunctionCategory.STRING, 1, 2, call -> trim(call, SqlTrimFunction.Flag.TRAILING)));
  }

  /**
   * PostgreSQL's {@code BTRIM(s [, chars])}, {@code LTRIM} and {@code RTRIM} as {@code TRIM(BOTH |
   * LEADING | TRAILING chars FROM s)}: every character of {@code chars} (a space when left out) is
   * stripped from that end, as PostgreSQL's do ({@code BTRIM('xyaxy', 'yx')} is {@code 'a'}).
   */
  private static SqlNode trim(SqlCall call, SqlTrimFunction.Flag flag) {
    SqlParserPos pos = call.getParserPosition();
    SqlNode chars = call.operandCount() == 2 ? call.operand(1) : SqlLiteral.createCharString(" ", pos);
    return SqlStdOperatorTable.TRIM.createCall(pos, flag.symbol(pos), chars, call.operand(0));
  }

  /**
   * MySQL's {@code IF(c, a, b)} and SQL Server's {@code IIF(c, a, b)}: {@code CASE WHEN c THEN a ELSE b
   * END}, so b when c is false or NULL, as in both; the branches' types meet as a CASE's do.
   */
  private static SqlNode ifThenElse(SqlCall call) {
    return SqlStdOperatorTable.CASE.createCall(null, call.getParserPosition(), null,
        SqlNodeList.of(WrittenChecks.condition(call.getOperator().getName(), call.operand(0),
            call.operand(0).getParserPosition())), SqlNodeList.of(call.operand(1)), call.operand(2));
  }

  /**
   * MySQL's {@code UNIX_TIMESTAMP(t)}, the whole seconds from 1970-01-01 00:00:00 UTC to t (a UTC wall
   * clock, as every time here), rounded down, a BIGINT: {@code EXTRACT(EPOCH FROM t)} of t floored to
   * its second ({@link WrittenChecks#unixTimestamp}); text, a {@code ?} or NULL is
   * read as a TIMESTAMP (so {@code UNIX_TIMESTAMP(NULL)} is NULL, as in MySQL). {@code UNIX_TIMESTAMP()} is that of {@code CURRENT_TIMESTAMP}.
   */
  private static SqlNode unixTimestamp(SqlCall call) {
    SqlParserPos pos = call.getParserPosition();
    SqlNode t = call.operandCount() == 0 ? SqlStdOperatorTable.CURRENT_TIMESTAMP.createCall(pos)
        : call.operand(0) instanceof SqlCharStringLiteral || call.operand(0) instanceof SqlDynamicParam
            || SqlUtil.isNullLiteral(call.operand(0), false)
        ? cast(call.operand(0), SqlTypeName.TIMESTAMP) : call.operand(0);
    return SqlStdOperatorTable.EXTRACT.createCall(pos,
        new SqlIntervalQualifier(TimeUnit.EPOCH, null, pos), WrittenChecks.unixTimestamp(t, pos));
  }

  /** What {@code version()} gives, as PostgreSQL's names the server and its version. */
  static String version() {
    return "convosql " + ConvoSqlDriver.VERSION + ", a JDBC driver on Apache Calcite";
  }

  /**
   * MySQL's, SQLite's and PostgreSQL's {@code DATE(x)}, the day of a time or of text: {@code CAST(x AS
   * DATE)}, and for a text literal {@code CAST(CAST(x AS TIMESTAMP) AS DATE)}, so that text with a time
   * ({@code DATE('2025-08-10 13:14:15')}) is its day as in MySQL, where a cast to DATE refuses it.
   */
  private static SqlNode date(SqlCall call) {
    SqlNode x = call.operand(0);
    return cast(x instanceof SqlCharStringLiteral ? cast(x, SqlTypeName.TIMESTAMP) : x, SqlTypeName.DATE);
  }

  private static SqlNode cast(SqlNode operand, SqlTypeName type) {
    SqlParserPos pos = operand.getParserPosition();
    return SqlStdOperatorTable.CAST.createCall(pos, operand,
        new SqlDataTypeSpec(new SqlBasicTypeNameSpec(type, pos), pos));
  }

  /**
   * JDBC's {@code {fn LOCATE(sub, s [, from])}} as the plain {@code LOCATE}, which Calcite's own
   * escape read as POSITION, so that a {@code from} of 0 failed (HY000) and a negative one searched
   * backwards; any other call as it is. It needs no function of the connection's, so it holds under
   * every {@code fun}. Its count of arguments is checked before, as every escape's
   * ({@link EscapeArity}).
   */
  static SqlCall escaped(SqlCall call) {
    if (!(call.getOperator() instanceof SqlJdbcFunctionCall jdbc)) {
      return call;
    }
    return switch (jdbc.getName()) {
      case "{fn LOCATE}" -> locate(call);
      case "{fn MOD}" -> Modulo.escaped(call); // MOD of a DOUBLE too, as the plain MOD
      default -> call;
    };
  }

  /**
   * Operand {@code i}, a {@code ?} as {@code CAST(? AS VARCHAR)}: UPPER and POSITION infer no type for
   * it, so {@code UCASE(?)} failed and {@code LOCATE(?, 'abc')} took the other operand's CHAR(3),
   * padding a bound {@code 'b'} to {@code 'b  '}, found nowhere.
   */
  private static SqlNode text(SqlCall call, int i) {
    return typed(call.operand(i), SqlTypeName.VARCHAR);
  }

  private static SqlNode typed(SqlNode operand, SqlTypeName type) {
    return operand instanceof SqlDynamicParam ? cast(operand, type) : operand;
  }

  /**
   * {@code LOCATE(sub, s [, from])} as {@code POSITION(sub IN s [FROM from])}; a {@code from} below 1
   * gives 0 as in MySQL (NULL when {@code sub} or {@code s} is), where POSITION fails on 0 and
   * searches backwards from the end for a negative one. {@code from} is cast to INTEGER, so that text
   * that is a whole number counts as that number, as MySQL converts it ({@code LOCATE('b', s, '3')}
   * failed with 0A000 "POSITION is not supported"), and other text fails with 22018.
   */
  private static SqlCall locate(SqlCall call) {
    SqlParserPos pos = call.getParserPosition();
    SqlNode sub = text(call, 0);
    SqlNode s = text(call, 1);
    if (call.operandCount() == 2) {
      return SqlStdOperatorTable.POSITION.createCall(pos, sub, s);
    }
    SqlNode from = cast(call.operand(2), SqlTypeName.INTEGER);
    SqlNode none = SqlStdOperatorTable.MULTIPLY.createCall(pos, // 0, or NULL as POSITION gives it
        SqlStdOperatorTable.POSITION.createCall(pos, sub, s), SqlLiteral.createExactNumeric("0", pos));
    return SqlStdOperatorTable.CASE.createCall(null, pos, null,
        SqlNodeList.of(SqlStdOperatorTable.LESS_THAN.createCall(pos, from,
            SqlLiteral.createExactNumeric("1", pos))),
        SqlNodeList.of(none),
        SqlStdOperatorTable.POSITION.createCall(pos, sub, s, from));
  }

  /**
   * {@code POSITION(sub IN s FROM from)} with {@code from} cast to INTEGER, as LOCATE's: text that is
   * a whole number counts as that number, other text fails with 22018 ({@code FROM '3'} failed with
   * 0A000 "POSITION is not supported", where {@code LOCATE('b', s, '3')} ran). A number, a {@code ?} or
   * a cast to INTEGER is left as it is; so is any other call.
   */
  static SqlCall positionFrom(SqlCall call) {
    if (call.getKind() != SqlKind.POSITION || call.operandCount() != 3
        || call.operand(2) instanceof SqlNumericLiteral || call.operand(2) instanceof SqlDynamicParam
        || call.operand(2).getKind() == SqlKind.MINUS_PREFIX || integerCast(call.operand(2))) {
      return call;
    }
    call.setOperand(2, cast(call.operand(2), SqlTypeName.INTEGER));
    return call;
  }

  private static boolean integerCast(SqlNode node) {
    return node.getKind() == SqlKind.CAST && node instanceof SqlCall cast
        && cast.operand(1) instanceof SqlDataTypeSpec spec && spec.getTypeName().isSimple()
        && spec.getTypeName().getSimple().equalsIgnoreCase(SqlTypeName.INTEGER.getName());
  }

  /** {@code CONVERT_TIMEZONE([from,] to, t)} as {@code convert_tz(t, from, to)}. */
  private static SqlNode convertTz(SqlCall call) {
    SqlParserPos pos = call.getParserPosition();
    List<SqlNode> args = call.getOperandList();
    SqlNode from = args.size() == 3 ? args.get(0) : SqlLiteral.createCharString("UTC", pos);
    SqlNode to = args.get(args.size() - 2);
    SqlNode t = args.get(args.size() - 1);
    SqlFunction convertTz = new SqlUnresolvedFunction(new SqlIdentifier(ConvertTz.NAME, pos), null,
        null, null, null, SqlFunctionCategory.USER_DEFINED_FUNCTION);
    return new SqlBasicCall(convertTz, List.of(t, from, to), pos);
  }

  /** A name whose calls become calls of another function, with its count of arguments checked. */
  private static final class Synonym extends SqlFunction {
    private final int min;
    private final int max;
    private final Function<SqlCall, SqlNode> rewrite;

    Synonym(String name, SqlFunctionCategory category, int min, int max,
        Function<SqlCall, SqlNode> rewrite) {
      super(name, SqlKind.OTHER_FUNCTION, ReturnTypes.ARG0, null, OperandTypes.VARIADIC, category);
      this.min = min;
      this.max = max;
      this.rewrite = rewrite;
    }

    @Override
    public SqlOperandCountRange getOperandCountRange() {
      return SqlOperandCountRanges.between(min, max);
    }

    @Override
    public SqlNode rewriteCall(SqlValidator validator, SqlCall call) {
      int n = call.operandCount();
      if (n < min || n > max) {
        throw validator.newValidationError(call, RESOURCE.invalidArgCount(getName(), n < min ? min : max));
      }
      return resolved(validator, rewrite.apply(call));
    }

    /**
     * The call with its function looked up, as the validator looks up a parsed call's before this
     * rewrite: {@code convert_tz} left unresolved inferred no type for a {@code ?}, which then took
     * the timestamp's ({@code CONVERT_TIMEZONE('UTC', ?, t)} failed to prepare).
     */
    private static SqlNode resolved(SqlValidator validator, SqlNode node) {
      if (node instanceof SqlBasicCall call && call.getOperator() instanceof SqlUnresolvedFunction f) {
        List<SqlOperator> found = new ArrayList<>();
        validator.getOperatorTable().lookupOperatorOverloads(f.getNameAsId(), f.getFunctionType(),
            SqlSyntax.FUNCTION, found, validator.getCatalogReader().nameMatcher());
        if (found.size() == 1) {
          call.setOperator(found.get(0));
        }
      }
      return node;
    }
  }
}
