package io.convosql.driver;

import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.text.ChoiceFormat;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A plain {@code -e} statement run the way sqlline runs it, printing the same bytes, without
 * building sqlline and JLine (options, commands, completers, terminal, line reader, script engine
 * lookup: 0.15-0.4 s before the connection). Anything it does not do exactly as sqlline does (a
 * {@code !} command, several statements, a comment, an option other than those below, a
 * sqlline.properties file, a {@code sqlline.*} system property) is left to sqlline, as is every run
 * when the system property {@value #SQLLINE} is true.
 */
final class OneShot {
  /** The system property that sends every {@code -e} statement through sqlline itself. */
  static final String SQLLINE = "convosql.shell.sqlline";

  private final String url;
  private final boolean nickname;
  private final String sql;
  private String format = "table";
  private boolean showHeader = true;
  private int maxWidth = ShellSqlLine.UNLIMITED;
  private boolean showElapsedTime = true;
  private boolean silent;
  private @Nullable ResourceBundle messages;
  private final Set<SQLWarning> seen = Collections.newSetFromMap(new IdentityHashMap<>());
  private PrintStream out = System.out;
  private PrintStream err = System.err;

  private OneShot(String url, boolean nickname, String sql) {
    this.url = url;
    this.nickname = nickname;
    this.sql = sql;
  }

  /**
   * The run of {@code statement} with sqlline's {@code options}, or null when sqlline must run it.
   *
   * @param nickname whether sqlline would be given a nickname for the connection ({@code -nn})
   */
  static @Nullable OneShot of(String url, boolean nickname, List<String> options, String statement) {
    if (Boolean.getBoolean(SQLLINE) || !url.startsWith(ConvoSqlDriver.PREFIX)
        || url.chars().anyMatch(c -> c == '"' || c == '\'' || c == '\\') || sqllineIsConfigured()) {
      return null;
    }
    String sql = plainSql(statement);
    if (sql == null) {
      return null;
    }
    OneShot run = new OneShot(url, nickname, sql);
    for (String option : options) {
      if (!run.set(option)) {
        return null;
      }
    }
    return run;
  }

  /** Whether sqlline would read settings from a system property or its properties file. */
  private static boolean sqllineIsConfigured() {
    for (String name : System.getProperties().stringPropertyNames()) {
      if (name.startsWith("sqlline.") || name.startsWith("x.sqlline.")) {
        return true;
      }
    }
    boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("windows");
    File dir = new File(System.getProperty("user.home"), (windows ? "" : ".") + "sqlline");
    return new File(dir, "sqlline.properties").exists();
  }

  /**
   * The SQL sqlline would send for a one-statement line, or null when its parser could read the
   * line otherwise: a command, a comment, quotes or brackets left open, a backslash, a ; other than
   * a last one.
   */
  static @Nullable String plainSql(String statement) {
    String line = statement.trim();
    if (line.isEmpty() || line.startsWith("!") || line.equals("?") || line.equalsIgnoreCase("help")) {
      return null;
    }
    char quote = 0;
    int round = 0;
    int square = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' || c == '`') {
        return null;
      } else if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == ';' && i < line.length() - 1 || line.startsWith("--", i) || line.startsWith("/*", i)) {
        return null;
      } else {
        round += c == '(' ? 1 : c == ')' ? -1 : 0;
        square += c == '[' ? 1 : c == ']' ? -1 : 0;
        if (round < 0 || square < 0) {
          return null;
        }
      }
    }
    if (quote != 0 || round != 0 || square != 0) {
      return null;
    }
    return line.endsWith(";") ? line.substring(0, line.length() - 1) : line;
  }

  /** Applies one {@code --name=value} option as sqlline would; false for one it leaves to sqlline. */
  private boolean set(String option) {
    int eq = option.indexOf('=');
    if (!option.startsWith("--") || option.startsWith("--no-") || eq < 0 || option.indexOf('=', eq + 1) >= 0) {
      return false;
    }
    String name = option.substring(2, eq);
    String value = option.substring(eq + 1);
    if (value.isEmpty() || !value.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '+')) {
      return false;
    }
    if (name.equalsIgnoreCase("silent")) {
      silent = true; // sqlline turns silent on for --silent with any value
    } else if (name.equalsIgnoreCase("outputFormat")) {
      // sqlline accepts a name in any case, then finds no format for one not in lower case
      format = value.equalsIgnoreCase("default") ? "table" : value;
      return OneShotFormat.NAMES.contains(format);
    } else if (name.equalsIgnoreCase("showHeader")) {
      showHeader = isTrue(value);
    } else if (name.equalsIgnoreCase("showElapsedTime")) {
      showElapsedTime = isTrue(value);
    } else if (name.equalsIgnoreCase("maxWidth")) {
      try {
        maxWidth = Integer.parseInt(value);
      } catch (NumberFormatException e) {
        return false;
      }
      return maxWidth != 0; // 0: the terminal's width, as sqlline's line reader knows it
    } else {
      return false;
    }
    return true;
  }

  private static boolean isTrue(String value) {
    return Set.of("true", "1", "on", "yes").contains(value.toLowerCase(Locale.ROOT));
  }

  /** Connects, runs the statement, prints as sqlline does; returns the shell's exit status. */
  int run(PrintStream shownOut, PrintStream shownErr) {
    out = new PrintStream(shownOut, true, StandardCharsets.UTF_8);
    err = new PrintStream(shownErr, true, StandardCharsets.UTF_8);
    Connection connection = connect();
    boolean failed;
    if (connection == null) {
      if (nickname) {
        err.println("nickname command requires active connection");
      }
      err.println(message("no-current-connection"));
      failed = true;
    } else {
      failed = !execute(connection);
      try {
        if (!connection.isClosed()) {
          connection.close();
        }
      } catch (Exception e) {
        handle(e);
      }
    }
    out.flush();
    err.flush();
    return failed ? 1 : 0;
  }

  private @Nullable Connection connect() {
    Properties info = new Properties();
    info.put("user", "");
    info.put("password", "");
    String planCache = ConvoSqlProperty.PLAN_CACHE_SIZE.propertyName();
    if (!url.toLowerCase(Locale.ROOT).contains(planCache.toLowerCase(Locale.ROOT))) {
      // one statement: nothing to reuse a plan for, and no cache to build (Caffeine's first cache in
      // a JVM spins method handles no class archive keeps)
      info.put(planCache, "0");
    }
    Connection connection;
    try {
      // The driver itself: DriverManager would first load and initialize every driver the class
      // path lists (Calcite's and Avatica's remote one too) for a URL only this one takes.
      connection = ConvoSqlDriver.REGISTERED.connect(url, info);
    } catch (Exception e) {
      handle(e);
      return null;
    }
    try {
      connection.setAutoCommit(true);
    } catch (Exception e) {
      handle(e);
    }
    try {
      connection.setReadOnly(false);
    } catch (Exception e) {
      handle(e);
    }
    try {
      connection.setTransactionIsolation(Connection.TRANSACTION_NONE);
    } catch (Exception e) {
      handle(e);
    }
    warnings(connection);
    return connection;
  }

  /** sqlline's {@code Commands.executeSingleQuery}; false when the statement failed. */
  private boolean execute(Connection connection) {
    boolean ok = true;
    try {
      Statement statement = null;
      try {
        long start = System.currentTimeMillis();
        statement = connection.createStatement();
        boolean hasResults = statement.execute(sql);
        warnings(connection);
        warnings(statement.getWarnings());
        if (hasResults) {
          do {
            try (ResultSet rs = statement.getResultSet()) {
              int count = new OneShotFormat(format, showHeader, maxWidth, out).print(rs);
              report(count("rows-selected", count), start, System.currentTimeMillis());
            }
          } while (moreResults(statement));
        } else {
          int count = statement.getUpdateCount();
          report(count("rows-affected", count), start, System.currentTimeMillis());
        }
      } finally {
        if (statement != null) {
          warnings(statement.getWarnings());
          statement.close();
        }
      }
    } catch (Exception e) {
      ok = false;
      handle(e);
    }
    warnings(connection);
    return ok;
  }

  private static boolean moreResults(Statement statement) {
    try {
      return statement.getMoreResults();
    } catch (Throwable t) {
      return false;
    }
  }

  private void report(String action, long start, long end) {
    if (silent) {
      return;
    }
    err.println(showElapsedTime ? action + " " + message("time-ms", (end - start) / 1000d) : action);
  }

  private void warnings(Connection connection) {
    try {
      warnings(connection.getWarnings());
    } catch (Exception e) {
      handle(e);
    }
  }

  private void warnings(@Nullable SQLWarning warning) {
    for (SQLWarning w = warning; w != null; ) {
      if (seen.add(w)) {
        err.println(message("Warning", w.getMessage() == null ? "" : w.getMessage().trim(),
            w.getSQLState() == null ? "" : w.getSQLState().trim(), w.getErrorCode()));
      }
      SQLWarning next = w.getNextWarning();
      w = next == w ? null : next;
    }
  }

  /** An exception as the convosql shell prints it ({@link ShellSqlLine#handleException}). */
  private void handle(Throwable e) {
    SQLException sql = sqlCause(e);
    if (sql == null) {
      Throwable t = unwrapped(e);
      err.println(t.getMessage() == null ? t.getClass().getName() : t.getMessage());
      return;
    }
    for (String line : errorLines(sql)) {
      err.println(line);
    }
  }

  /** The SQL exception an exception reports, through reflection's and sqlline's wrappers; or null. */
  static @Nullable SQLException sqlCause(Throwable e) {
    Throwable t = unwrapped(e);
    if (!(t instanceof SQLException) && t.getCause() instanceof SQLException) {
      t = t.getCause(); // sqlline's WrappedSqlException
    }
    return t instanceof SQLException s ? s : null;
  }

  private static Throwable unwrapped(Throwable e) {
    Throwable t = e;
    while (t instanceof InvocationTargetException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** The shell's lines for an SQL error: each chained exception's message and SQLState. */
  static List<String> errorLines(SQLException first) {
    List<String> lines = new ArrayList<>();
    for (SQLException s = first; s != null; s = s.getNextException() == first ? null : s.getNextException()) {
      lines.add("Error: " + (s.getMessage() == null ? s.getClass().getName() : s.getMessage().strip())
          + (s.getSQLState() == null ? "" : " (state=" + s.getSQLState() + ")"));
    }
    return lines;
  }

  private String count(String key, int count) {
    return new MessageFormat(new ChoiceFormat(bundle().getString(key)).format(count), Locale.ROOT)
        .format(new Object[] {count});
  }

  private String message(String key, Object... args) {
    return new MessageFormat(bundle().getString(key), Locale.ROOT).format(args);
  }

  /** sqlline's own messages, read where sqlline reads them. */
  private ResourceBundle bundle() {
    if (messages == null) {
      messages = ResourceBundle.getBundle("sqlline.SqlLine", Locale.ROOT);
    }
    return messages;
  }
}
