package io.convosql.driver;

import io.convosql.core.http.ApiException;
import io.convosql.core.http.RequestInterruptedException;
import io.convosql.core.exec.ScanCancelledException;
import java.nio.charset.UnsupportedCharsetException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTimeoutException;
import java.time.DateTimeException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.runtime.CalciteException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidatorException;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Gives the SQLException a statement throws the SQLState of its cause: Calcite wraps what a scan
 * throws in a generic "Error while executing SQL" exception without one. An API failure keeps its
 * own message (API, endpoint, status, hint), SQLState and HTTP status (as the vendor code); a
 * cancelled statement is HY008; SQL that does not parse or validate is 42000; a refusal found while
 * preparing keeps its own ({@link SqlStateException}); a value that cannot be read or converted is
 * 22xxx; a closed connection 08003, a closed statement or result set HY010; an unsupported feature,
 * or SQL Calcite cannot plan or implement ({@link PlanFailures}), 0A000; a statement nested too
 * deeply for the stack 54001; an internal error of Calcite's (an AssertionError) HY000 saying so;
 * anything else HY000.
 */
final class SqlErrors {
  /** A ClassCastException's message: "class a.B cannot be cast to class c.D (...)". */
  private static final Pattern CAST = Pattern.compile("(?:class )?(\\S+) cannot be cast to (?:class )?(\\S+)");

  private SqlErrors() {}

  static SQLException translate(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof StackOverflowError) { // Calcite's parser wraps it as a parse error "null"
        return new SQLException("The statement is too complex: its expressions are nested too deeply for"
            + " the stack (a StackOverflowError). Write it with fewer nested operations, such as IN (…) for"
            + " a long chain of OR, or run the JVM with a larger stack (-Xss4m)", "54001", thrown);
      }
    }
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ApiException api) {
        return new SQLException(api.getMessage(), api.sqlState(), api.status(), thrown);
      }
      if (t instanceof SqlStateException refused) {
        return refused.sqlState().startsWith("22") ? new SQLDataException(refused.getMessage(),
            refused.sqlState(), thrown) : new SQLException(refused.getMessage(), refused.sqlState(), thrown);
      }
      if (t instanceof ScanCancelledException || t instanceof RequestInterruptedException) {
        String message = "The statement was stopped: " + t.getMessage();
        return t.getMessage() != null && t.getMessage().contains("timeout")
            ? new SQLTimeoutException(message, "HY008", thrown) : new SQLException(message, "HY008", thrown);
      }
      if (t instanceof UnsupportedCharsetException charset) {
        return convertToAType(charset.getCharsetName(), thrown);
      }
      if (t instanceof SqlParseException || t instanceof SqlValidatorException
          || t instanceof CalciteContextException) {
        return thrown instanceof SQLException s && s.getSQLState() != null ? s
            : SyntaxErrors.of(thrown, t); // a line or two: where, which token, a hint
      }
    }
    if (thrown instanceof SQLException s && s.getSQLState() != null) {
      return s;
    }
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException s && s.getSQLState() != null) {
        return new SQLException(s.getMessage(), s.getSQLState(), s.getErrorCode(), thrown);
      }
      SQLException data = dataError(t, thrown);
      if (data != null) {
        return data;
      }
    }
    return other(thrown);
  }

  /**
   * CONVERT with a name that is no character set: Calcite reads {@code CONVERT(x, name)} and
   * {@code CONVERT(x USING name)} as conversions of text between character sets (Oracle's and
   * MySQL's), where MySQL users also write a type ({@code CONVERT(x, SIGNED)}); a misspelt character
   * set lands here too, so the message names both readings.
   */
  private static SQLException convertToAType(String name, Throwable thrown) {
    String type = SqlTypeName.get(name.toUpperCase(Locale.ROOT)) != null ? name : "type), as in CAST(x AS BIGINT";
    return new SQLException(name + " is not a character set: CONVERT(x, charset) and CONVERT(x USING"
        + " charset) convert text from one character set to another (UTF8, LATIN1, ...). To change a"
        + " value's type write CAST(x AS " + type + ")", "42000", thrown);
  }

  /**
   * Whether the failure is a generated class that could not be initialized (a constant such as
   * {@code 1/0} that Calcite computes once, when the class loads): a plan holding that class fails
   * every later run with a NoClassDefFoundError, so it must not be kept.
   */
  static boolean generatedCodeFailed(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ExceptionInInitializerError || t instanceof NoClassDefFoundError) {
        return true;
      }
    }
    return false;
  }

  /** A value that cannot be read or converted (22xxx), or null when the cause is something else. */
  private static @Nullable SQLException dataError(Throwable t, Throwable thrown) {
    String message = t.getMessage();
    SQLException argument = functionArgument(t, message, thrown);
    if (argument != null) {
      return argument;
    }
    if (t instanceof NumberFormatException) {
      return new SQLDataException("A value is not a number (" + message + "): compare and bind"
          + " numbers as numbers", "22018", thrown);
    }
    String parsing = t instanceof SQLException && message != null && message.startsWith("Invalid format: ")
        || t instanceof IllegalArgumentException ? dateParser(t) : null;
    if (parsing != null) {
      return new SQLDataException(parsing + ": the text cannot be read with the format (" + message + "): write"
          + " the format in PostgreSQL's patterns, as in " + parsing + "('2025-08-01', 'YYYY-MM-DD') (YYYY,"
          + " MM, DD, HH24, MI, SS)", "22007", thrown);
    }
    if (t instanceof DateTimeException) {
      return new SQLDataException("A value is not a timestamp (" + message + "): write timestamps as"
          + " TIMESTAMP '2025-08-01 10:15:00'", "22007", thrown);
    }
    if (t instanceof ArithmeticException) {
      boolean zero = message != null && message.toLowerCase(Locale.ROOT).contains("zero");
      boolean overflow = message != null && message.contains("overflow");
      return new SQLDataException((zero ? "Division by zero" : "A value is out of range") + " ("
          + message + ")" + (overflow ? ": arithmetic on INTEGER stays INTEGER; cast an operand to"
          + " BIGINT or DECIMAL first, as in CAST(x AS BIGINT) * 100000" : ""), zero ? "22012" : "22003", thrown);
    }
    if (t instanceof ClassCastException && message != null && message.contains("SqlTimestampTzLiteral")) {
      return new SQLFeatureNotSupportedException("TIMESTAMP WITH TIME ZONE literals are not supported: every"
          + " time here is a UTC wall clock, so write the instant as a TIMESTAMP in UTC, such as TIMESTAMP"
          + " '2025-08-10 00:00:00' for '2025-08-10 02:00:00+02:00'", "0A000", thrown);
    }
    if (t instanceof ClassCastException) {
      return new SQLDataException("A value has the wrong type for its use" + castClasses(message)
          + ": bind parameters with the setter of their SQL type", "22000", thrown);
    }
    if (t instanceof CalciteException && message != null && message.contains("for cast")) {
      return new SQLDataException(message + ": write a value of the type compared with", "22018", thrown);
    }
    return null;
  }

  /**
   * A function's argument it cannot take, found while the query runs, with PostgreSQL's SQLState for
   * it: the logarithm of 0 or less (2201E), a negative length of SUBSTRING (22011), of LPAD or RPAD
   * or an empty text to pad with (22023). Before, each was HY000 with Calcite's bare message. Null
   * for anything else.
   */
  private static @Nullable SQLException functionArgument(Throwable t, @Nullable String message, Throwable thrown) {
    if (t instanceof IllegalArgumentException && "Cannot take logarithm of zero or negative number".equals(message)) {
      return new SQLDataException("Cannot take the logarithm of zero or of a negative number: LN, LOG, LOG10"
          + " and LOG2 take a number above 0 (leave the others out, as in CASE WHEN x > 0 THEN LN(x) END)",
          "2201E", thrown);
    }
    if (!(t instanceof CalciteException) || message == null) {
      return null;
    }
    if (message.equals("Substring error: negative substring length not allowed")) {
      return new SQLDataException("Negative substring length not allowed: SUBSTRING(s, from, length) takes"
          + " a length of 0 or more", "22011", thrown);
    }
    if (message.endsWith("for LPAD/RPAD must not be negative") || message.endsWith("for LPAD/RPAD must not be empty")) {
      return new SQLDataException("LPAD and RPAD take a length of 0 or more and text to pad with that is not"
          + " empty (" + message + ")", "22023", thrown);
    }
    return null;
  }

  /**
   * TO_DATE or TO_TIMESTAMP, when {@code t} is thrown where Calcite reads text with a format for them
   * ({@code {fn TO_DATE('a', 'a')}} failed with HY000 "java.sql.SQLException: Invalid format: …", a
   * pattern it does not know with HY000 "Illegal pattern character 'x'"; so did PostgreSQL's plain
   * {@code TO_DATE('2025-02-30', 'YYYY-MM-DD')} of the default functions, another class of Calcite's);
   * null for anything else.
   */
  private static @Nullable String dateParser(Throwable t) {
    for (StackTraceElement frame : t.getStackTrace()) {
      if ((frame.getClassName().endsWith("SqlFunctions$DateFormatFunction")
          || frame.getClassName().endsWith("SqlFunctions$DateFormatFunctionPg")) // the default functions'
          && (frame.getMethodName().equals("toDate") || frame.getMethodName().equals("toTimestamp"))) {
        return frame.getMethodName().equals("toDate") ? "TO_DATE" : "TO_TIMESTAMP";
      }
    }
    return null;
  }

  /**
   * The classes of a ClassCastException's message, as " (LocalDate given, Integer needed)":
   * its own text names modules and class loaders, which tell a user nothing.
   */
  private static String castClasses(@Nullable String message) {
    Matcher m = CAST.matcher(String.valueOf(message));
    return m.find() ? " (" + simpleName(m.group(1)) + " given, " + simpleName(m.group(2))
        + " needed)" : "";
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1).replace('$', '.');
  }

  /** What is neither the API's nor the data's: closed objects, missing features, the rest (HY000). */
  private static SQLException other(Throwable thrown) {
    SQLException unplanned = PlanFailures.of(thrown);
    if (unplanned != null) {
      return unplanned;
    }
    Error internal = internalError(thrown);
    if (internal != null) {
      String name = internal.toString().strip().lines().findFirst().orElse("");
      return new SQLException("Calcite, the SQL engine inside convosql, failed on this statement with an"
          + " internal error (" + (name.length() > 300 ? name.substring(0, 300) + "…" : name) + "): rewrite"
          + " the expression it is about another way, and report it to convosql with the statement",
          "HY000", thrown);
    }
    String message = firstLine(thrown);
    if (message.startsWith("Connection closed")) {
      return new SQLException("The connection is closed: open a new one", "08003", thrown);
    }
    if (message.startsWith("Statement closed") || message.startsWith("ResultSet closed")) {
      return new SQLException(message + ": the object is closed; create a new one", "HY010", thrown);
    }
    if (thrown instanceof SQLFeatureNotSupportedException || message.startsWith("todo")) {
      return new SQLFeatureNotSupportedException("Not supported by convosql: " + message, "0A000", thrown);
    }
    if (message.startsWith("illegal ") || message.startsWith("invalid column ordinal")
        || message.startsWith("parameter ordinal")) {
      return new SQLException(message, "22023", thrown);
    }
    if (message.startsWith("column '") && message.endsWith("' not found")) {
      return new SQLException(message + ": the result set has no column of that label", "42000", thrown);
    }
    if (message.contains("unbound parameter")) {
      return new SQLException("A parameter has no value: bind every ? before executing", "07001", thrown);
    }
    return new SQLException(message, "HY000", thrown);
  }

  /**
   * An Error of Calcite's in the chain, such as an AssertionError of its validator, and not a class
   * that could not be loaded (a LinkageError, reported as it is).
   */
  private static @Nullable Error internalError(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof Error e && !(e instanceof LinkageError)) {
        return e;
      }
    }
    return null;
  }

  /**
   * The message's first line, or the first message in the chain: a planner's message goes on with
   * kilobytes of its state, an ExceptionInInitializerError has none of its own.
   */
  private static String firstLine(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String m = t.getMessage();
      if (m != null && !m.isBlank()) {
        String line = m.strip().lines().findFirst().orElse(m);
        return thrown instanceof RelOptPlanner.CannotPlanException || t instanceof
            RelOptPlanner.CannotPlanException ? line : t == thrown ? m : line;
      }
    }
    return thrown.getClass().getSimpleName();
  }
}
