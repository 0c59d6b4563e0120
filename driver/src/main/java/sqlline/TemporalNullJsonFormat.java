package sqlline;

import java.sql.SQLException;
import java.sql.Types;

/**
 * sqlline's JSON output as the convosql shell prints it: a NULL date, time or timestamp is JSON's
 * {@code null}, where sqlline writes the text {@code "null"} (it reads such columns as objects and
 * prints a NULL one as the word, then quotes it as it quotes a timestamp). No date, time or timestamp
 * value is ever that text. In sqlline's package because a format's rows and its row printer are
 * package-private there; the convosql shell registers it ({@code io.convosql.driver.ShellSqlLine}).
 */
public class TemporalNullJsonFormat extends JsonOutputFormat {
  public TemporalNullJsonFormat(SqlLine sqlLine) {
    super(sqlLine);
  }

  @Override
  void printRow(Rows rows, Rows.Row header, Rows.Row row) {
    if (!row.isMeta) {
      for (int i = 0; i < row.values.length; i++) {
        if ("null".equals(row.values[i]) && temporal(rows, i + 1)) {
          row.values[i] = null;
        }
      }
    }
    super.printRow(rows, header, row);
  }

  private static boolean temporal(Rows rows, int column) {
    try {
      int type = rows.rsMeta.getColumnType(column);
      return type == Types.DATE || type == Types.TIME || type == Types.TIMESTAMP
          || type == Types.TIME_WITH_TIMEZONE || type == Types.TIMESTAMP_WITH_TIMEZONE;
    } catch (SQLException e) {
      return false;
    }
  }
}
