package sqlline;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.history.DefaultHistory;

/**
 * Test access to what sqlline offers on Tab: it builds its completer only on the process's terminal,
 * so a test connects a shell on given streams and asks the completer sqlline made for the connection.
 */
public final class Completions {
  private Completions() {}

  /** Connects the shell with its command-line arguments, as {@code begin} would, without reading. */
  public static void connect(SqlLine shell, List<String> args) throws IOException {
    shell.getConsoleReader(new ByteArrayInputStream(new byte[0]), new DefaultHistory());
    SqlLine.Status status = shell.initArgs(args.toArray(new String[0]), new DispatchCallback());
    if (status != SqlLine.Status.OK) {
      throw new IllegalStateException("sqlline did not connect: " + status);
    }
  }

  /** The values Tab offers at the end of {@code typed}, as sqlline's completer lists them. */
  public static List<String> at(SqlLine shell, String typed) {
    LineReader reader = shell.getLineReader();
    reader.getBuffer().clear();
    reader.getBuffer().write(typed);
    ParsedLine parsed = reader.getParser().parse(typed, typed.length(), org.jline.reader.Parser.ParseContext.COMPLETE);
    List<Candidate> candidates = new ArrayList<>();
    new SqlLineCompleter(shell).complete(reader, parsed, candidates);
    List<String> values = new ArrayList<>();
    String word = parsed.word().substring(0, parsed.wordCursor());
    for (Candidate c : candidates) {
      if (c.value().regionMatches(true, 0, word, 0, word.length())) {
        values.add(c.value());
      }
    }
    return values;
  }

  /** Closes the shell's connection. */
  public static void close(SqlLine shell) {
    shell.getCommands().closeall(null, new DispatchCallback());
  }
}
