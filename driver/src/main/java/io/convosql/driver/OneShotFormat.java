package io.convosql.driver;

import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A result set printed as sqlline 1.12 prints it for {@code -e} (no colour, its default table
 * style, values as {@code BufferedRows} reads them), byte for byte, without building sqlline:
 * {@link OneShot}'s printer. Rows are read in batches of 1,000 as sqlline reads them, since the
 * table's column widths are those of the first batch, then grow with each later row.
 */
final class OneShotFormat {
  /** sqlline's output format names this printer knows. */
  static final List<String> NAMES = List.of("table", "vertical", "csv", "tsv", "json", "xmlattr",
      "xmlattrs", "xmlelements", "ansiconsole");
  private static final int BATCH = 1000;
  /** sqlline's escapes in JSON strings ({@code Rows.ESCAPING_MAP}). */
  private static final Map<Character, String> JSON_ESCAPES = jsonEscapes();

  private final String name;
  private final boolean showHeader;
  private final int maxWidth;
  private final PrintStream out;

  /**
   * @param name one of {@link #NAMES}
   * @param maxWidth sqlline's {@code maxWidth} (the table format cuts rows at 4 less)
   */
  OneShotFormat(String name, boolean showHeader, int maxWidth, PrintStream out) {
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException("not a sqlline output format: " + name);
    }
    this.name = name;
    this.showHeader = showHeader;
    this.maxWidth = maxWidth;
    this.out = out;
  }

  /** Whether a NULL prints as nothing in this format unless nullValue is set ({@link ShellOpts}). */
  static boolean blankNulls(String outputFormat) {
    return Set.of("table", "vertical", "csv", "tsv", "ansiconsole").contains(outputFormat);
  }

  private static Map<Character, String> jsonEscapes() {
    Map<Character, String> m = new HashMap<>(Map.of('\\', "\\\\", '"', "\\\"", '\b', "\\b",
        '\f', "\\f", '\n', "\\n", '\r', "\\r", '\t', "\\t", '/', "\\/"));
    for (char c = 0; c < 0x20; c++) {
      if (c != '\b' && c != '\f' && c != '\n' && c != '\r' && c != '\t') {
        m.put(c, String.format(Locale.ROOT, "\\u%04X", (int) c));
      }
    }
    return Map.copyOf(m);
  }

  /** A row as sqlline holds it: its values as printed and each value's width. */
  private static final class Row {
    final String[] values;
    int[] sizes;

    Row(String[] values) {
      this.values = values;
      this.sizes = new int[values.length];
      for (int i = 0; i < values.length; i++) {
        sizes[i] = values[i] == null ? 1
            : Arrays.stream(values[i].split("\n")).map(String::length).max(Integer::compare).orElse(1);
      }
    }
  }

  /** The result set's rows, header first, read and widened as sqlline's {@code BufferedRows}. */
  private static final class Rows {
    final ResultSet rs;
    final ResultSetMetaData meta;
    final int columns;
    /** What a NULL prints as ({@link #blankNulls}): nothing, or for JSON and XML sqlline's null. */
    final String nullValue;
    List<Row> batch = new ArrayList<>();
    int next;
    int[] max;

    Rows(ResultSet rs, String nullValue) throws SQLException {
      this.rs = rs;
      this.nullValue = nullValue;
      this.meta = rs.getMetaData();
      this.columns = meta.getColumnCount();
      String[] labels = new String[columns];
      for (int i = 0; i < columns; i++) {
        labels[i] = meta.getColumnLabel(i + 1);
      }
      batch.add(new Row(labels));
      read();
    }

    private void read() throws SQLException {
      if (rs.isClosed()) {
        return;
      }
      for (int n = 0; n < BATCH && rs.next(); n++) {
        String[] values = new String[columns];
        for (int i = 0; i < columns; i++) {
          values[i] = value(i + 1);
        }
        batch.add(new Row(values));
      }
    }

    private String value(int column) throws SQLException {
      switch (meta.getColumnType(column)) {
        case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.REAL, Types.FLOAT,
            Types.DOUBLE, Types.DECIMAL, Types.NUMERIC, Types.BIT, Types.CLOB, Types.BLOB, Types.REF,
            Types.JAVA_OBJECT, Types.STRUCT, Types.ROWID, Types.NCLOB, Types.SQLXML, Types.TIME,
            Types.DATE, Types.TIMESTAMP:
          // sqlline prints these as their object's toString, and a null as its nullValue's (the
          // word null when none is set)
          Object value = rs.getObject(column);
          return String.valueOf(value == null ? nullValue : value);
        default:
          String text = rs.getString(column);
          return text == null ? nullValue : text;
      }
    }

    /** The widths of the first batch, header included, before the first row is printed. */
    void widenAll() {
      for (Row r : batch) {
        widen(r);
      }
    }

    private void widen(Row r) {
      if (max == null) {
        max = new int[r.values.length];
      }
      for (int j = 0; j < max.length; j++) {
        max[j] = Math.max(max[j], r.sizes[j]);
      }
      r.sizes = max;
    }

    boolean hasNext() throws SQLException {
      if (next < batch.size()) {
        return true;
      }
      batch = new ArrayList<>();
      next = 0;
      read();
      return !batch.isEmpty();
    }

    Row next() {
      Row r = batch.get(next++);
      widen(r);
      return r;
    }
  }

  /** Prints the result set; returns its number of rows. */
  int print(ResultSet rs) throws SQLException {
    Rows rows = new Rows(rs, blankNulls(name) ? "" : null);
    switch (name) {
      case "table":
        return table(rows);
      case "ansiconsole":
        return ansiConsole(rows);
      case "vertical":
        return vertical(rows);
      default:
        return lines(rows);
    }
  }

  private int table(Rows rows) throws SQLException {
    int width = Math.max(maxWidth - 4, 0);
    rows.widenAll();
    int index = 0;
    String headerCols = null;
    String header = null;
    String bottom = null;
    while (rows.hasNext()) {
      Row row = rows.next();
      boolean isHeader = index == 0;
      String line = cells(row, isHeader, " | ");
      line = line.substring(0, Math.min(line.length(), width));
      if (index <= 1) {
        headerCols = isHeader ? line : headerCols;
        header = border(row, headerCols.length());
        bottom = header;
      }
      if (showHeader && index == 0) {
        out.println("+-" + header + "-+");
        out.println("| " + headerCols + " |");
      } else if (showHeader && index == 1) {
        out.println("+-" + header + "-+");
      }
      if (!isHeader) {
        out.println("| " + line + " |");
      }
      index++;
    }
    if (bottom != null && showHeader) {
      out.println("+-" + bottom + "-+");
    }
    return index - 1;
  }

  /** sqlline's line above, between or below rows (its default style has + at every cross). */
  private static String border(Row row, int cut) {
    StringBuilder b = new StringBuilder();
    for (int size : row.sizes) {
      b.append("-".repeat(size + 1)).append("+-");
    }
    return b.substring(0, Math.min(b.length(), cut));
  }

  private static String cells(Row row, boolean header, String delim) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < row.values.length; i++) {
      if (b.length() > 0) {
        b.append(delim);
      }
      b.append(header ? center(row.values[i], row.sizes[i]) : rpad(row.values[i], row.sizes[i]));
    }
    return b.toString();
  }

  private int ansiConsole(Rows rows) throws SQLException {
    int width = Math.max(maxWidth, 0);
    rows.widenAll();
    int index = 0;
    while (rows.hasNext()) {
      Row row = rows.next();
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < row.values.length; i++) {
        if (b.length() > 0) {
          b.append(' ');
        }
        b.append(rpad(row.values[i], row.sizes[i]));
      }
      out.println(b.substring(0, Math.min(b.length(), width)));
      index++;
    }
    return index - 1;
  }

  private int vertical(Rows rows) throws SQLException {
    int count = 0;
    String[] head = rows.next().values;
    while (rows.hasNext()) {
      String[] values = rows.next().values;
      int headWidth = 0;
      for (int i = 0; i < head.length && i < values.length; i++) {
        headWidth = Math.max(headWidth, head[i].length());
      }
      headWidth += 2;
      for (int i = 0; i < head.length && i < values.length; i++) {
        out.println(rpad(head[i], headWidth) + (values[i] == null ? "" : values[i]));
      }
      out.println("");
      count++;
    }
    return count;
  }

  /** The formats of a header line, a line per row and a footer (sqlline's AbstractOutputFormat). */
  private int lines(Rows rows) throws SQLException {
    int count = 0;
    String[] head = rows.next().values;
    if (showHeader) {
      switch (name) {
        case "json" -> out.println("{\"resultset\":[");
        case "csv", "tsv" -> out.println(separated(head));
        default -> out.println("<resultset>");
      }
    }
    int[] types = null;
    while (rows.hasNext()) {
      String[] values = rows.next().values;
      switch (name) {
        case "csv", "tsv" -> out.println(separated(values));
        case "xmlattr", "xmlattrs" -> {
          StringBuilder b = new StringBuilder("  <result");
          for (int i = 0; i < head.length && i < values.length; i++) {
            b.append(' ').append(head[i]).append("=\"").append(xml(values[i], "'>")).append('"');
          }
          out.println(b.append("/>"));
        }
        case "xmlelements" -> {
          out.println("  <result>");
          for (int i = 0; i < head.length && i < values.length; i++) {
            out.println("    <" + head[i] + ">" + xml(values[i], "'\">") + "</" + head[i] + ">");
          }
          out.println("  </result>");
        }
        default -> {
          if (types == null && head.length > 0 && values.length > 0) {
            types = new int[head.length];
            for (int j = 0; j < head.length; j++) {
              types[j] = rows.meta.getColumnType(j + 1);
            }
          }
          StringBuilder b = new StringBuilder("{");
          for (int i = 0; i < head.length && i < values.length; i++) {
            b.append('"').append(head[i]).append("\":");
            json(b, values[i], types[i]);
            b.append(i < head.length - 1 && i < values.length - 1 ? "," : "");
          }
          out.println(b.append(rows.hasNext() ? "}," : "}"));
        }
      }
      count++;
    }
    switch (name) {
      case "json" -> out.println("]}");
      case "csv", "tsv" -> { }
      default -> out.println("</resultset>");
    }
    return count;
  }

  private String separated(String[] values) {
    String separator = name.equals("csv") ? "," : "\t";
    StringBuilder b = new StringBuilder();
    for (String v : values) {
      b.append(b.length() == 0 ? "" : separator).append('"');
      if (v != null) {
        b.append(v.replace("\"", "\"\""));
      }
      b.append('"');
    }
    return b.toString();
  }

  private static void json(StringBuilder b, String value, int type) {
    boolean temporal = type == Types.DATE || type == Types.TIME || type == Types.TIMESTAMP
        || type == Types.TIME_WITH_TIMEZONE || type == Types.TIMESTAMP_WITH_TIMEZONE;
    if (value == null || temporal && value.equals("null")) { // as the shell's TemporalNullJsonFormat
      b.append((String) null);
      return;
    }
    switch (type) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.REAL, Types.FLOAT,
          Types.DOUBLE, Types.DECIMAL, Types.NUMERIC, Types.NULL -> b.append(value);
      case Types.BOOLEAN -> b.append(value.equalsIgnoreCase("TRUE"));
      default -> {
        b.append('"');
        for (int i = 0; i < value.length(); i++) {
          String escaped = JSON_ESCAPES.get(value.charAt(i));
          if (escaped != null) {
            b.append(escaped);
          } else {
            b.append(value.charAt(i));
          }
        }
        b.append('"');
      }
    }
  }

  /** sqlline's XML encoding: {@code < &} always, {@code " ' >} unless allowed ({@code >} after ]]). */
  private static String xml(String s, String allowed) {
    if (s == null) {
      return null;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append(allowed.indexOf(c) == -1 ? "&quot;" : "\"");
        case '<' -> b.append("&lt;");
        case '&' -> b.append("&amp;");
        case '>' -> b.append(i > 1 && s.charAt(i - 1) == ']' && s.charAt(i - 2) == ']'
            || allowed.indexOf(c) == -1 ? "&gt;" : ">");
        case '\'' -> b.append(allowed.indexOf(c) == -1 ? "&apos;" : "'");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** sqlline's {@code rpad}, which fails as it does on a width of 0. */
  private static String rpad(String value, int width) {
    return String.format(Locale.ROOT, "%1$-" + width + "s", Objects.toString(value, ""));
  }

  private static String center(String s, int width) {
    int n = width - s.length();
    if (n <= 0) {
      return s;
    }
    return " ".repeat(n / 2) + s + " ".repeat(n - n / 2);
  }
}
