package io.convosql.driver;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.jline.reader.Completer;
import sqlline.CommandHandler;
import sqlline.DispatchCallback;
import sqlline.SqlLine;

/**
 * A sqlline command on one table ({@code !describe}, {@code !columns}) that also takes the table as
 * {@code schema.table}: sqlline alone reads {@code insights.sessions} as a table named
 * {@code insights}. The qualified name is passed on as sqlline's two-argument form (schema, then
 * table), which {@code !columns} runs; other forms go to sqlline's command as they are.
 */
final class QualifiedNameCommand implements CommandHandler {
  private final SqlLine sqlLine;
  private final CommandHandler own;
  private final CommandHandler columns;

  private QualifiedNameCommand(SqlLine sqlLine, CommandHandler own, CommandHandler columns) {
    this.sqlLine = Objects.requireNonNull(sqlLine, "sqlLine");
    this.own = Objects.requireNonNull(own, "own");
    this.columns = Objects.requireNonNull(columns, "columns");
  }

  /** sqlline's commands with {@code !describe} and {@code !columns} reading qualified names. */
  static List<CommandHandler> install(SqlLine sqlLine, Collection<CommandHandler> handlers) {
    CommandHandler columns = handlers.stream().filter(h -> h.getName().equals("columns")).findFirst()
        .orElseThrow(() -> new IllegalStateException("sqlline has no !columns command"));
    List<CommandHandler> out = new ArrayList<>();
    for (CommandHandler h : handlers) {
      boolean ours = h.getName().equals("describe") || h.getName().equals("columns");
      out.add(ours ? new QualifiedNameCommand(sqlLine, h, columns) : h);
    }
    return out;
  }

  @Override
  public void execute(String line, DispatchCallback callback) {
    String[][] words = sqlLine.splitCompound(line);
    if (words != null && words.length >= 2 && words.length <= 3 && words[1].length == 2
        && !(words.length == 3 && words[2].length != 1)) {
      StringBuilder columnsLine = new StringBuilder("columns ")
          .append(quoted(words[1][0])).append(' ').append(quoted(words[1][1]));
      if (words.length == 3) {
        columnsLine.append(' ').append(quoted(words[2][0]));
      }
      columns.execute(columnsLine.toString(), callback);
      return;
    }
    own.execute(line, callback);
  }

  /** A name as sqlline reads it back unchanged: in double quotes, inner quotes doubled. */
  private static String quoted(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  @Override
  public String getName() {
    return own.getName();
  }

  @Override
  public List<String> getNames() {
    return own.getNames();
  }

  @Override
  public String getHelpText() {
    return own.getHelpText();
  }

  @Override
  public String matches(String line) {
    return own.matches(line);
  }

  @Override
  public List<Completer> getParameterCompleters() {
    return own.getParameterCompleters();
  }

  @Override
  public boolean echoToFile() {
    return own.echoToFile();
  }
}
