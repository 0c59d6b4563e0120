package io.convosql.driver;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import sqlline.SqlLine;

/**
 * The convosql shell: sqlline on a convosql connection. {@code --demo} connects to the built-in
 * sandbox, {@code --url 'jdbc:convosql:...'} to real APIs, {@code -e "SQL"} runs one statement,
 * prints its result and exits (0 on success, 1 on error). Other options go to sqlline as they are.
 */
public final class Shell {
  private Shell() {}

  public static void main(String[] args) throws IOException {
    System.exit(run(args, System.out));
  }

  /** Runs the shell and returns its exit status. */
  static int run(String[] args, PrintStream out) throws IOException {
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
      out.println(usage());
      return 2;
    }
    List<String> sqlline = new ArrayList<>(List.of(
        "-d", ConvoSqlDriver.class.getName(), "-u", url, "-n", "", "-p", "",
        "--connectInteractionMode=notAskCredentials", "--maxWidth=200"));
    sqlline.addAll(passThrough);
    if (statement != null) {
      sqlline.add("-e");
      sqlline.add(statement);
    }
    SqlLine.Status status = SqlLine.start(sqlline.toArray(new String[0]), null, statement == null);
    return status == SqlLine.Status.OK ? 0 : 1;
  }

  static String usage() {
    return String.join(System.lineSeparator(),
        "convosql shell: SQL over the PathSim and Insights APIs",
        "",
        "  java -jar convosql-jdbc.jar --demo                 the sandbox with generated data",
        "  java -jar convosql-jdbc.jar --url 'jdbc:convosql:pathsim.apiKey=…'",
        "  java -jar convosql-jdbc.jar --demo -e \"SELECT * FROM pathsim.workspaces\"",
        "",
        "Other options go to sqlline, e.g. --outputformat=csv.");
  }
}
