package io.convosql.driver;

import java.io.StringReader;
import java.lang.reflect.Field;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.sql.validate.SqlValidatorException;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The SQLException (42000) for SQL that does not parse or validate, in a line or two: where, which
 * token, and a hint (quote a reserved word used as a name, what was expected, where the statement
 * ended, what to write instead of another database's syntax), instead of the parser's list of every
 * token it could have taken next. The hint to quote a reserved word is given only where a reserved
 * word stands where a name goes, never for a statement that merely ends early or a stray symbol.
 */
final class SyntaxErrors {
  /** At most this many expected tokens are named in a hint; more say nothing useful. */
  private static final int FEW = 6;
  private static final String SQL_STATE = "42000";
  private static final String QUOTES =
      " Check that every 'string' and \"name\" has its closing quote.";
  private static final String QUOTE_NAME = " A name that is a reserved word goes in double quotes: \"order\".";
  /** Calcite's message when the token is a keyword where a name could stand. */
  private static final Pattern NEAR_KEYWORD =
      Pattern.compile("near the keyword '(.+)' at line (\\d+), column (\\d+)");
  /** Calcite's message for a function it does not have. */
  private static final Pattern MISSING_FUNCTION =
      Pattern.compile("No match found for function signature ([A-Za-z_][A-Za-z0-9_]*)\\(");
  /** Avatica's prefix of a failure, which quotes the SQL as given. */
  private static final Pattern QUOTED_SQL = Pattern.compile(
      "Error while executing SQL \"(.*)\"|Error while preparing statement \\[(.*)]", Pattern.DOTALL);

  private SyntaxErrors() {}

  /** The error for {@code thrown}, whose cause chain holds {@code cause}, a parse or validation error. */
  static SQLException of(Throwable thrown, Throwable cause) {
    String message = String.valueOf(thrown.getMessage());
    if (cause instanceof SqlParseException parse) {
      int at = message.indexOf(": parse failed");
      String prefix = at >= 0 ? message.substring(0, at) : message.lines().findFirst().orElse("");
      Matcher quoted = QUOTED_SQL.matcher(prefix);
      String sql = !quoted.matches() ? null : quoted.group(1) != null ? quoted.group(1) : quoted.group(2);
      return new SQLException(prefix + ": " + describe(parse, sql), SQL_STATE, thrown);
    }
    String detail = cause.getMessage();
    if (cause instanceof SqlValidatorException) { // the context exception above it says where
      for (Throwable t = thrown; t != null && t != cause; t = t.getCause()) {
        if (t instanceof CalciteContextException) {
          detail = t.getMessage();
        }
      }
    }
    String hint = detail != null && detail.contains("Illegal use of dynamic parameter")
        ? ": nothing around this ? gives it a type; write CAST(? AS VARCHAR), or the type you bind"
        : "";
    Matcher missing = detail == null ? null : MISSING_FUNCTION.matcher(detail);
    String instead = missing != null && missing.find() ? OtherDialects.functionHint(missing.group(1)) : null;
    String operator = detail == null ? null : OtherDialects.operatorHint(detail);
    if (instead != null || operator != null) {
      hint = ": " + (instead != null ? instead : operator);
    }
    if (detail != null && detail.contains("function signature TOP(")) {
      // SELECT TOP (5) parses as a call of a function TOP: say what to write, not "did you mean HOP"
      int at = message.indexOf(": " + detail);
      String prefix = at >= 0 ? message.substring(0, at) : message.strip();
      Matcher quoted = QUOTED_SQL.matcher(prefix);
      String sql = !quoted.matches() ? null : quoted.group(1) != null ? quoted.group(1) : quoted.group(2);
      String dialect = sql == null ? null : OtherDialects.hint(sql);
      if (dialect != null) {
        return new SQLException(prefix + ": " + dialect, SQL_STATE, thrown);
      }
    }
    return new SQLException((detail == null || message.contains(detail) ? message
        : message + ": " + detail) + hint, SQL_STATE, thrown);
  }

  /** One token the parser read: its text (empty at the end) and where it starts. */
  private record Token(String image, int line, int column) {
    boolean isWord() { // a keyword or a name, as opposed to a symbol or literal
      return image.matches("[A-Za-z_][A-Za-z0-9_$]*");
    }
  }

  /** @param sql the SQL as parsed, when known: it tells what follows a keyword and other dialects */
  static String describe(SqlParseException e, @Nullable String sql) {
    String dialect = sql == null ? null : OtherDialects.hint(sql);
    if (dialect != null) {
      return dialect;
    }
    List<Token> tokens = encountered(e);
    boolean partial = false; // only the first token is known (Calcite's "near the keyword" form)
    String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("").strip();
    Matcher keyword = NEAR_KEYWORD.matcher(first);
    if (tokens.isEmpty() && keyword.find()) {
      tokens.add(new Token(keyword.group(1), Integer.parseInt(keyword.group(2)),
          Integer.parseInt(keyword.group(3))));
      partial = true;
    }
    SqlParserPos pos = e.getPos();
    if (tokens.isEmpty()) { // not the grammar: a lexical error, or a rule checked while parsing
      return "Syntax error" + (pos != null && pos.getLineNum() > 0 ? " at line " + pos.getLineNum() + ", column "
          + pos.getColumnNum() : "") + ": " + hint(first);
    }
    for (Token t : tokens) {
      if (t.isWord() && !t.image().equals(t.image().toUpperCase(Locale.ROOT)) && reserved(t)) {
        String name = t.image();
        return at(t) + "unexpected " + name.toUpperCase(Locale.ROOT) + ", a reserved word. If "
            + name + " is a column, table or alias name, write \"" + name + "\".";
      }
    }
    Token last = tokens.get(tokens.size() - 1);
    if (last.image().isEmpty()) {
      Token before = tokens.size() > 1 ? tokens.get(tokens.size() - 2) : null;
      return at(last) + "the statement ends too early"
          + (before == null ? "." : ", after " + before.image() + ".");
    }
    Collection<String> expected = e.getExpectedTokenNames();
    // only a reserved word where a name goes: not a symbol, a number or the end
    String quote = expected.contains("<IDENTIFIER>") && last.isWord() && reserved(last) ? QUOTE_NAME : "";
    if (partial) {
      Set<String> next = following(e, last.image().toUpperCase(Locale.ROOT));
      if (!next.isEmpty() && next.size() <= FEW) {
        return at(last) + last.image().toUpperCase(Locale.ROOT) + " must be followed by "
            + String.join(" or ", next) + ".";
      }
      String after = sql == null ? null : afterKeyword(sql, last);
      if (after != null) {
        return after;
      }
      return at(last) + "what follows " + last.image().toUpperCase(Locale.ROOT) + " is missing or not valid."
          + (sql == null && expected.contains("<IDENTIFIER>") ? QUOTE_NAME : "");
    }
    if (last.image().startsWith("'") || last.image().startsWith("\"")) {
      return at(last) + "unexpected " + last.image() + "." + QUOTES;
    }
    if (last.image().equals(";")) {
      return at(last) + "unexpected \";\". A call runs one statement: end it with one ; at most, and"
          + " run the next statement on its own.";
    }
    return at(last) + "unexpected \"" + last.image() + "\"." + (expected.isEmpty()
        || expected.size() > FEW ? " Check the SQL just before it." + quote : " Expected "
        + expected.stream().map(SyntaxErrors::plain).collect(Collectors.joining(", ")) + ".");
  }

  /**
   * What is wrong after the keyword Calcite names (its message tells nothing of what follows), read
   * from the SQL: the end of the statement, or a reserved word where a name goes; null when neither,
   * or when the keyword is not where the message puts it.
   */
  private static @Nullable String afterKeyword(String sql, Token keyword) {
    int offset = offset(sql, keyword.line(), keyword.column());
    int end = offset + keyword.image().length();
    if (offset < 0 || end > sql.length() || !sql.substring(offset, end).equalsIgnoreCase(keyword.image())) {
      return null;
    }
    Matcher next = Pattern.compile("(?:\\s|--[^\n]*|/\\*[\\s\\S]*?\\*/)*([A-Za-z_][A-Za-z0-9_$]*|;?\\s*$)")
        .matcher(sql).region(end, sql.length());
    if (!next.lookingAt()) {
      return null;
    }
    String word = next.group(1);
    if (!word.matches("[A-Za-z_].*")) {
      return at(keyword) + "the statement ends too early, after " + keyword.image().toUpperCase(Locale.ROOT) + ".";
    }
    Token t = new Token(word, 0, 0);
    if (!reserved(t)) {
      return null;
    }
    return OtherDialects.at(sql, next.start(1)) + "unexpected " + word.toUpperCase(Locale.ROOT)
        + ", a reserved word. If " + word + " is a column, table or alias name, write \"" + word + "\".";
  }

  /** The offset in the SQL of a line and column as the parser counts them; -1 past its lines. */
  private static int offset(String sql, int line, int column) {
    int start = 0;
    for (int l = 1; l < line; l++) {
      start = sql.indexOf('\n', start) + 1;
      if (start == 0) {
        return -1;
      }
    }
    return start + column - 1;
  }

  /** The tokens the parser would have taken right after the keyword. */
  private static Set<String> following(SqlParseException e, String keyword) {
    Set<String> next = new TreeSet<>();
    int[][] sequences = e.getExpectedTokenSequences();
    String[] images = e.getTokenImages();
    if (sequences != null && images != null) {
      for (int[] sequence : sequences) {
        if (sequence.length >= 2 && images[sequence[0]].equals("\"" + keyword + "\"")) {
          next.add(plain(images[sequence[1]]));
        }
      }
    }
    return next;
  }

  private static String at(Token t) {
    return "Syntax error at line " + t.line() + ", column " + t.column() + ": ";
  }

  /** Whether the word is reserved in the SQL convosql parses (Babel's), so it cannot be a name. */
  private static boolean reserved(Token t) {
    return Reserved.WORDS.isReservedWord(t.image().toUpperCase(Locale.ROOT));
  }

  /** Babel's parser metadata, made once when first needed. */
  private static final class Reserved {
    static final SqlAbstractParserImpl.Metadata WORDS =
        SqlBabelParserImpl.FACTORY.getParser(new StringReader("")).getMetadata();
  }

  /** The parser's own first line, with a hint for the messages users meet. */
  private static String hint(String message) {
    if (message.contains("Non-query expression")) {
      return "this is not a statement. A statement starts with SELECT, WITH, VALUES, EXPLAIN or"
          + " DELETE.";
    }
    if (message.contains("'!='")) {
      return "'!=' is not allowed under this connection's conformance. Write <> for not equal.";
    }
    if (message.startsWith("Lexical error") && message.contains("Encountered: \"`\"")) {
      return "a backtick (`), which is not SQL: names are quoted with double quotes, as in \"name\".";
    }
    if (message.startsWith("Lexical error")) {
      return "a character that is not SQL." + QUOTES;
    }
    return message;
  }

  /** {@code "BY"} as BY, {@code <IDENTIFIER>} as a name. */
  private static String plain(String tokenImage) {
    if (tokenImage.equals("<IDENTIFIER>") || tokenImage.endsWith("IDENTIFIER>")) {
      return "a name";
    }
    if (tokenImage.equals("<EOF>")) {
      return "the end";
    }
    return tokenImage.replace("\"", "");
  }

  /**
   * The tokens the parser read from the failing one on (JavaCC's {@code currentToken.next} chain,
   * as long as the longest sequence it expected); empty when the cause is no grammar error.
   */
  private static List<Token> encountered(SqlParseException e) {
    List<Token> out = new ArrayList<>();
    Throwable cause = e.getCause();
    int[][] sequences = e.getExpectedTokenSequences();
    if (cause == null || sequences == null) {
      return out;
    }
    int length = 0;
    for (int[] s : sequences) {
      length = Math.max(length, s.length);
    }
    try {
      Object token = field(cause, "currentToken");
      for (int i = 0; i < length && token != null; i++) {
        token = field(token, "next");
        if (token == null) {
          break;
        }
        int kind = (Integer) field(token, "kind");
        out.add(new Token(kind == 0 ? "" : String.valueOf(field(token, "image")),
            (Integer) field(token, "beginLine"), (Integer) field(token, "beginColumn")));
        if (kind == 0) {
          break;
        }
      }
    } catch (ReflectiveOperationException | ClassCastException ex) {
      out.clear();
    }
    return out;
  }

  private static @Nullable Object field(Object o, String name) throws ReflectiveOperationException {
    Field f = o.getClass().getField(name);
    return f.get(o);
  }
}
