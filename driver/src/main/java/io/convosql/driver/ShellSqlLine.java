package io.convosql.driver;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jline.reader.History;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import sqlline.Application;
import sqlline.BuiltInProperty;
import sqlline.OutputFormat;
import sqlline.SqlLine;
import sqlline.TemporalNullJsonFormat;

/**
 * sqlline as the convosql shell runs it: results never cut when standard output is not a terminal,
 * EXPLAIN printed whole, a hint before the first prompt, Ctrl-C at an idle prompt clearing the line,
 * and SQL errors and warnings reported as their message alone unless {@code --verbose=true}.
 */
final class ShellSqlLine extends SqlLine {
  /** What the first prompt is preceded by in the interactive shell. */
  static final String HINT = "Type !tables to list the tables, !describe pathsim.sessions for a table's"
      + " columns, !help for the commands, !quit to leave; end SQL with ;";
  /** JLine globs, ':'-separated: lines that carry a key in any spelling of its property. */
  static final String HISTORY_IGNORE = "*apiKey*:*apikey*:*APIKEY*:*ApiKey*:*API_KEY*";
  private static final String BANNER = new Application().getInfoMessage();
  private static final int WIDTH_WITHOUT_TERMINAL_SIZE = 200;
  /** sqlline's maxWidth for "no limit" (it subtracts 4 for the table's borders). */
  static final int UNLIMITED = Integer.MAX_VALUE;

  private final boolean oneStatement;
  private final boolean terminal;
  private int widthBeforeExplain = -1;

  /**
   * @param oneStatement whether the shell runs one {@code -e} statement (no banner, no hint)
   * @param terminal whether standard output is a terminal; if not, table rows are never cut
   */
  ShellSqlLine(boolean oneStatement, boolean terminal) {
    this.oneStatement = oneStatement;
    this.terminal = terminal;
    reportAsAtThePrompt();
    setOpts(new ShellOpts(this));
    Map<String, OutputFormat> formats = new HashMap<>(getOutputFormats());
    formats.put("json", new TemporalNullJsonFormat(this)); // a NULL timestamp is null, not "null"
    updateOutputFormats(formats);
  }

  /**
   * Makes sqlline report warnings during {@code -e} and {@code --run} as it does at the prompt: one
   * line each, the Java stack trace only with {@code --verbose=true}. sqlline treats every warning
   * before its set-up ends (the statements given on the command line run inside that set-up) as if
   * {@code --verbose=true} and {@code --showNestedErrs=true} had been given, through a private flag
   * it sets once the set-up is done; warnings reach no method a subclass can override. Left as it is
   * if a sqlline version has no such flag.
   */
  private static void reportAsAtThePrompt() {
    try {
      Field setUpDone = SqlLine.class.getDeclaredField("initComplete");
      setUpDone.setAccessible(true);
      setUpDone.setBoolean(null, true);
    } catch (ReflectiveOperationException | RuntimeException e) {
      // warnings keep sqlline's own verbose report
    }
  }

  /**
   * Reads lines like sqlline, with these widths: no limit for {@code -e} and when standard output is
   * not a terminal; the terminal's width otherwise (200 when it has none), and no limit for EXPLAIN.
   * {@code --maxWidth=N} given on the command line wins, being read after this. Keeps any line that
   * sets a key (say, a typed {@code !connect} URL) out of the history file.
   */
  @Override
  public LineReader getConsoleReader(InputStream inputStream, History fileHistory) throws IOException {
    LineReader reader = super.getConsoleReader(inputStream, fileHistory);
    reader.setVariable(LineReader.HISTORY_IGNORE, HISTORY_IGNORE);
    if (oneStatement || !terminal) {
      getOpts().set(BuiltInProperty.MAX_WIDTH, UNLIMITED);
    } else if (getOpts().getMaxWidth() <= 0) {
      getOpts().set(BuiltInProperty.MAX_WIDTH, WIDTH_WITHOUT_TERMINAL_SIZE);
    }
    if (oneStatement) {
      return reader;
    }
    return (LineReader) Proxy.newProxyInstance(LineReader.class.getClassLoader(),
        new Class<?>[] {LineReader.class}, new ReadHook(reader));
  }

  /** Before each statement read at the prompt: the width it prints with. */
  private void beforeDispatch(String line) {
    boolean explain = line.strip().toLowerCase(Locale.ROOT).startsWith("explain");
    if (explain && widthBeforeExplain < 0) {
      widthBeforeExplain = getOpts().getMaxWidth();
      getOpts().set(BuiltInProperty.MAX_WIDTH, UNLIMITED);
    } else if (!explain && widthBeforeExplain >= 0) {
      getOpts().set(BuiltInProperty.MAX_WIDTH, widthBeforeExplain);
      widthBeforeExplain = -1;
    }
  }

  /**
   * The line reader sqlline reads statements with, seen through: a read line sets the width it
   * prints with, and Ctrl-C at the prompt reads as an empty line (sqlline would otherwise cancel the
   * statement before, long closed, and print its error).
   */
  private final class ReadHook implements InvocationHandler {
    private final LineReader reader;

    ReadHook(LineReader reader) {
      this.reader = reader;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      try {
        Object result = method.invoke(reader, args);
        if (method.getName().equals("readLine") && result instanceof String line) {
          beforeDispatch(line);
        }
        return result;
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof UserInterruptException && method.getName().equals("readLine")) {
          return "";
        }
        throw e.getCause();
      }
    }
  }

  @Override
  public void info(String msg) {
    if (BANNER.equals(msg)) {
      if (!oneStatement) {
        super.info(msg);
        super.info(HINT);
      }
      return;
    }
    super.info(msg);
  }

  @Override
  public void handleException(Throwable e) {
    SQLException sql = OneShot.sqlCause(e);
    if (sql == null || getOpts().getVerbose()) {
      super.handleException(e);
      return;
    }
    for (String line : OneShot.errorLines(sql)) {
      error(line);
    }
  }
}
