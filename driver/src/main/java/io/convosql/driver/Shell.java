package io.convosql.driver;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.TreeSet;
import org.apache.calcite.avatica.ConnectStringParser;
import org.checkerframework.checker.nullness.qual.Nullable;
import sqlline.BuiltInProperty;
import sqlline.SqlLine;

/**
 * The convosql shell: sqlline on a convosql connection. {@code --demo} connects to the built-in
 * sandbox, {@code --url 'jdbc:convosql:...'} to real APIs, {@code -e "SQL"} runs one statement,
 * prints its result and exits (0 on success, 1 on error, 2 on bad arguments). Other options go to
 * sqlline as they are. CSV is quoted with {@code "} (RFC 4180); on a terminal, long scans show
 * their progress on standard error. An {@code -e} statement the JVM could not decode under the
 * locale's charset is refused ({@link ArgumentEncoding}).
 */
public final class Shell {
  /** Set by bin/convosql when it records its class archive: runs -e both ways. */
  static final String RECORDING = "convosql.shell.recording";

  private Shell() {}

  public static void main(String[] args) throws IOException {
    if (args.length > 0 && args[0].equals("serve")) {
      int status = Boolean.getBoolean(ServeRecording.PROPERTY) ? ServeRecording.run(System.err)
          : ServeCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err);
      System.exit(status);
    }
    // Without a terminal (a pipe, a CI job), JLine falls back to a dumb terminal quietly.
    setIfAbsent("org.jline.terminal.dumb", "true");
    if (Arrays.asList(args).contains("-e")) {
      // A one-shot run reads nothing, so sqlline builds JLine's terminal on an empty stream. JLine
      // would first try to open a pseudo-terminal through JNA, then Jansi, extracting and loading
      // their native libraries (and running `ldconfig -p`) only to fall back to the same stream
      // terminal: 0.1-0.2 s of CPU and up to 0.8 s of wall time before the first row.
      setIfAbsent("org.jline.terminal.jna", "false");
      setIfAbsent("org.jline.terminal.jansi", "false");
      // Its statement is prepared at once, so the driver's warm-up thread would only compete with it
      // for the CPU (bin/convosql --demo -e: 1.17 s to exit without it, 1.25 s with it).
      setIfAbsent(Warmup.SWITCH, "false");
    }
    if (Boolean.getBoolean(RECORDING)) {
      // bin/convosql's recording run, whose loaded classes become the JVM's archive: the statement
      // through the one-shot path (what a later -e loads: its classes, lambdas and method handles),
      // then through sqlline (what the interactive shell loads).
      int oneShot = run(args, null, System.out, System.err, null, false);
      System.setProperty(OneShot.SQLLINE, "true");
      System.exit(Math.max(oneShot, run(args, null, System.out, System.err, null, false)));
    }
    // Progress only on a terminal: a pipe or a file gets the results alone.
    boolean terminal = System.console() != null;
    System.exit(run(args, null, System.out, System.err,
        terminal ? ScanProgress.DEFAULT_DELAY : null, terminal));
  }

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }

  /** Runs the shell without a progress line; returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
    return run(args, null, out, err, null, false);
  }

  /**
   * Runs the shell with its output and errors going to the given streams; returns the exit status.
   * Interactively, it reads {@code in}, or the process's terminal when null. With {@code
   * progressAfter}, a statement that has been fetching that long shows its pages and rows so far on
   * {@code err}, erased before anything else is printed. Unless {@code terminal}, result rows are
   * never cut to a width.
   */
  static int run(String[] args, @Nullable InputStream in, PrintStream out, PrintStream err,
      @Nullable Duration progressAfter, boolean terminal) throws IOException {
    String url = null;
    String statement = null;
    List<String> passThrough = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if ("--demo".equals(a)) {
        url = ConvoSqlDriver.PREFIX + "demo=true";
      } else if ("--url".equals(a) && i + 1 < args.length) {
        url = args[++i];
      } else if ("-e".equals(a) && i + 1 < args.length) {
        statement = args[++i];
      } else if ("--help".equals(a) || "-h".equals(a)) {
        out.println(usage());
        return 0;
      } else {
        passThrough.add(a);
      }
    }
    if (url == null) {
      err.println(usage());
      return 2;
    }
    String undecoded = statement == null ? null
        : ArgumentEncoding.refusal(statement, System.getProperty("sun.jnu.encoding"));
    if (undecoded != null) {
      err.println(undecoded);
      return 2;
    }
    ScanProgress progress = progressAfter == null ? null : new ScanProgress(err, progressAfter, System::nanoTime);
    // sqlline prints the URL it was given (!list, and with --verbose=true as it connects)
    PrintStream shownOut = MaskingPrintStream.of(progress == null ? out : progress.clearingBefore(out), secrets(url));
    PrintStream shownErr = MaskingPrintStream.of(progress == null ? err : progress.clearingBefore(err), secrets(url));
    // A plain one-shot statement skips building sqlline and JLine, and prints what they would.
    OneShot oneShot = statement == null ? null : OneShot.of(url, !redact(url).equals(url), passThrough, statement);
    if (oneShot != null) {
      ScanProgress.active = progress;
      try {
        return oneShot.run(shownOut, shownErr);
      } finally {
        ScanProgress.active = null;
      }
    }
    return runSqlline(url, passThrough, statement, in, shownOut, shownErr, progress, terminal);
  }

  /** Runs sqlline itself, its output going to the given streams; returns the exit status. */
  private static int runSqlline(String url, List<String> passThrough, @Nullable String statement,
      @Nullable InputStream in, PrintStream shownOut, PrintStream shownErr, @Nullable ScanProgress progress,
      boolean terminal) throws IOException {
    List<String> sqlline = sqllineArgs(url, passThrough, statement);
    ShellSqlLine shell = configure(url, statement != null, terminal);
    shell.setOutputStream(shownOut);
    shell.setErrorStream(shownErr);
    // With -e nothing is read: an empty input keeps sqlline off the process's terminal and stdin.
    InputStream input = statement == null ? in : new ByteArrayInputStream(new byte[0]);
    ScanProgress.active = progress; // the connection sqlline opens reports its requests to it
    SqlLine.Status status;
    try {
      // history is kept for the process's terminal only (a test's input leaves it alone)
      status = shell.begin(sqlline.toArray(new String[0]), input, statement == null && in == null);
    } finally {
      ScanProgress.active = null;
    }
    shownOut.flush();
    shownErr.flush();
    return status == SqlLine.Status.OK ? 0 : 1;
  }

  /** sqlline's arguments: the driver, the URL (its nickname if it holds a key), the rest as given. */
  static List<String> sqllineArgs(String url, List<String> passThrough, @Nullable String statement) {
    List<String> sqlline = new ArrayList<>(List.of(
        "-d", ConvoSqlDriver.class.getName(), "-u", url, "-n", "", "-p", "",
        "--connectInteractionMode=notAskCredentials", "--isolation=TRANSACTION_NONE"));
    if (!redact(url).equals(url)) {
      // The prompt shows the nickname instead of a URL that holds a key.
      sqlline.addAll(List.of("-nn", redact(url)));
    }
    sqlline.addAll(passThrough);
    if (statement != null) {
      sqlline.add("-e");
      sqlline.add(statement);
    }
    return sqlline;
  }

  /** sqlline with convosql's commands and defaults; a saved sqlline.properties or an option wins. */
  static ShellSqlLine configure(String url, boolean oneStatement, boolean terminal) {
    ShellSqlLine shell = new ShellSqlLine(oneStatement, terminal);
    shell.updateCommandHandlers(QualifiedNameCommand.install(shell, shell.getCommandHandlers()));
    if (!oneStatement) {
      // Completion of schemas, tables and columns: sqlline reads them from DatabaseMetaData only
      // when fastConnect is off. -e completes nothing, so it skips that work.
      shell.getOpts().set(BuiltInProperty.FAST_CONNECT, false);
    }
    // CSV as other tools read it (RFC 4180 quotes); sqlline's own default quote is '.
    shell.getOpts().setCsvQuoteCharacter("\"");
    shell.getOpts().set(BuiltInProperty.PROMPT, prompt(url));
    return shell;
  }

  /** {@code convosql> }, or {@code convosql demo> } on the sandbox. */
  static String prompt(String url) {
    return url.equals(ConvoSqlDriver.PREFIX + "demo=true") ? "convosql demo> " : "convosql> ";
  }

  /**
   * The values of the secret properties in a convosql URL, to mask in what the shell prints; the
   * whole of a URL that does not parse. Values shorter than 8 characters are left alone: no real
   * key is that short, and masking them would garble the results.
   */
  static List<String> secrets(String url) {
    if (!url.startsWith(ConvoSqlDriver.PREFIX)) {
      return List.of();
    }
    Properties pairs;
    try {
      pairs = ConnectStringParser.parse(url.substring(ConvoSqlDriver.PREFIX.length()));
    } catch (SQLException e) {
      return List.of(url.substring(ConvoSqlDriver.PREFIX.length()));
    }
    List<String> secrets = new ArrayList<>();
    for (String name : pairs.stringPropertyNames()) {
      ConvoSqlProperty p = ConvoSqlProperty.byNameIgnoreCase(name);
      String value = pairs.getProperty(name);
      if (p != null && p.secret() && value.length() >= 8) {
        secrets.add(value);
      }
    }
    return secrets;
  }

  /** The URL with the value of every secret property replaced by {@code ****}. */
  static String redact(String url) {
    if (!url.startsWith(ConvoSqlDriver.PREFIX)) {
      return url;
    }
    Properties pairs;
    try {
      pairs = ConnectStringParser.parse(url.substring(ConvoSqlDriver.PREFIX.length()));
    } catch (SQLException e) {
      return ConvoSqlDriver.PREFIX + "…";
    }
    if (pairs.stringPropertyNames().stream().map(ConvoSqlProperty::byNameIgnoreCase)
        .noneMatch(p -> p != null && p.secret())) {
      return url;
    }
    // A loop, not a stream: the launcher's archive is recorded on the demo's URL, which has no key,
    // so a lambda here would be linked afresh on every real URL's run.
    StringJoiner shown = new StringJoiner(";", ConvoSqlDriver.PREFIX, "");
    for (String name : new TreeSet<>(pairs.stringPropertyNames())) {
      ConvoSqlProperty p = ConvoSqlProperty.byNameIgnoreCase(name);
      shown.add(name + "=" + (p != null && p.secret() ? "****" : pairs.getProperty(name)));
    }
    return shown.toString();
  }

  static String usage() {
    return String.join(System.lineSeparator(),
        "convosql shell: SQL over the PathSim and Insights APIs",
        "",
        "  java -jar convosql-jdbc.jar --demo                 the sandbox with generated data",
        "  java -jar convosql-jdbc.jar --url 'jdbc:convosql:pathsim.apiKey=…'",
        "  java -jar convosql-jdbc.jar --demo -e \"SELECT * FROM pathsim.workspaces\"",
        "  java -jar convosql-jdbc.jar serve --users users.properties   a remote server (serve --help)",
        "",
        "  --demo        connect to the built-in sandbox (no key needed)",
        "  --url URL     connect with a jdbc:convosql: URL; keys may also come from the",
        "                environment (PATHSIM_API_KEY, INSIGHTS_API_KEY) or from",
        "                ~/.convosql/credentials (see docs/keys.md)",
        "  -e SQL        run one statement, print its result and exit (1 on error)",
        "  --help        this text",
        "",
        "Other options go to sqlline, e.g. --outputformat=csv (or json, tsv, table, vertical)",
        "for scripts. Rows print whole with -e and without a terminal; on a terminal the table",
        "format cuts them at its width, or at --maxWidth=N. On a terminal, a long query shows its",
        "pages and rows fetched so far on standard error; SELECT * FROM convosql.requests lists",
        "the requests it sent. bin/convosql starts the same shell quicker (see docs/shell.md).");
  }
}
