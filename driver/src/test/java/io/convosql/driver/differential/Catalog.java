package io.convosql.driver.differential;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every table and column of both schemas as {@link DatabaseMetaData#getColumns} reports them, with
 * the distinct values each column holds (read once, with pushdown off), so that generated
 * predicates use values that select rows. New tables and columns are covered without changing the
 * generator.
 */
final class Catalog {
  static final List<String> SCHEMAS = List.of("pathsim", "insights");

  /** Columns whose values can be compared and ordered. */
  enum Kind { TEXT, INTEGER, BOOLEAN, TIMESTAMP, BINARY, OTHER }

  /** A column and the values it holds: strings, longs, booleans or LocalDateTimes. */
  record Col(String name, int jdbcType, Kind kind, List<Object> values, boolean hasNull,
      int maxLength) {
    /** Long free text (documents, transcripts): only LIKE, matches() and null tests. */
    boolean blob() {
      return kind == Kind.TEXT && maxLength > 160 || kind == Kind.BINARY || kind == Kind.OTHER;
    }

    boolean orderable() {
      return !blob();
    }
  }

  /** A table with its columns and a set of columns that identifies its rows. */
  record Table(String schema, String name, List<Col> columns, List<String> key,
      List<Map<String, Object>> rows) {
    String qualified() {
      return Sql.ident(schema) + "." + Sql.ident(name);
    }

    Col col(String column) {
      return columns.stream().filter(c -> c.name().equals(column)).findFirst().orElse(null);
    }

    boolean insights() {
      return schema.equals("insights");
    }

    /** The session a row belongs to, for tables that join to their schema's sessions. */
    boolean child() {
      return col("session_id") != null;
    }
  }

  /** Key columns of the known tables, checked for uniqueness against the data. */
  private static final Map<String, List<String>> KEYS = Map.ofEntries(
      Map.entry("workspaces", List.of("id")),
      Map.entry("sessions", List.of("id")),
      Map.entry("transcript_lines", List.of("session_id", "line_no")),
      Map.entry("steps", List.of("session_id", "step_number")),
      Map.entry("recordings", List.of("session_id")),
      Map.entry("tags", List.of("session_id", "category", "tag")),
      Map.entry("flow_path", List.of("session_id", "step_no")),
      Map.entry("parameters", List.of("session_id", "name")),
      Map.entry("collected_tags", List.of("session_id", "collect_no")),
      Map.entry("collected_parameters", List.of("session_id", "collect_no")),
      Map.entry("request_ids", List.of("session_id", "request_id")),
      Map.entry("node_tags", List.of("session_id", "step_no", "category", "tag")),
      Map.entry("execution_parameters", List.of("session_id", "step_no", "name")),
      Map.entry("altered_parameters", List.of("session_id", "step_no", "name")));

  final List<Table> tables;

  private Catalog(List<Table> tables) {
    this.tables = List.copyOf(tables);
  }

  /** Only the tables that pass the test. */
  Table table(String schema, String name) {
    return tables.stream().filter(t -> t.schema().equals(schema) && t.name().equals(name))
        .findFirst().orElseThrow();
  }

  static Catalog read(Connection plain) throws SQLException {
    DatabaseMetaData md = plain.getMetaData();
    List<Table> tables = new ArrayList<>();
    for (String schema : SCHEMAS) {
      List<String> names = new ArrayList<>();
      try (ResultSet rs = md.getTables(null, schema, "%", null)) {
        while (rs.next()) {
          names.add(rs.getString("TABLE_NAME"));
        }
      }
      for (String name : names) {
        Map<String, Integer> types = new LinkedHashMap<>();
        try (ResultSet rs = md.getColumns(null, schema, name, "%")) {
          while (rs.next()) {
            types.put(rs.getString("COLUMN_NAME"), rs.getInt("DATA_TYPE"));
          }
        }
        tables.add(sample(plain, schema, name, types));
      }
    }
    return new Catalog(tables);
  }

  static Kind kind(int jdbcType) {
    switch (jdbcType) {
      case Types.VARCHAR:
      case Types.CHAR:
        return Kind.TEXT;
      case Types.INTEGER:
      case Types.BIGINT:
      case Types.SMALLINT:
      case Types.TINYINT:
        return Kind.INTEGER;
      case Types.BOOLEAN:
        return Kind.BOOLEAN;
      case Types.TIMESTAMP:
        return Kind.TIMESTAMP;
      case Types.VARBINARY:
      case Types.BINARY:
        return Kind.BINARY;
      default:
        return Kind.OTHER;
    }
  }

  /** Reads the whole table once (but binary columns) and keeps each column's distinct values. */
  private static Table sample(Connection plain, String schema, String name,
      Map<String, Integer> types) throws SQLException {
    List<String> read = types.entrySet().stream().filter(e -> kind(e.getValue()) != Kind.BINARY)
        .map(Map.Entry::getKey).toList();
    String sql = "SELECT " + String.join(", ", read.stream().map(Sql::ident).toList()) + " FROM "
        + Sql.ident(schema) + "." + Sql.ident(name);
    List<Set<Object>> values = new ArrayList<>();
    read.forEach(c -> values.add(new TreeSet<>(Catalog::compareValues)));
    boolean[] nulls = new boolean[read.size()];
    int[] lengths = new int[read.size()];
    List<List<Object>> rows = new ArrayList<>();
    List<Map<String, Object>> named = new ArrayList<>();
    try (PreparedStatement s = plain.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 0; i < read.size(); i++) {
          Object v = value(rs, i + 1, kind(types.get(read.get(i))));
          row.add(v);
          if (v == null) {
            nulls[i] = true;
          } else {
            values.get(i).add(v);
            lengths[i] = Math.max(lengths[i], v.toString().length());
          }
        }
        rows.add(row);
        Map<String, Object> byName = new LinkedHashMap<>();
        for (int i = 0; i < read.size(); i++) {
          byName.put(read.get(i), row.get(i));
        }
        named.add(byName);
      }
    }
    List<Col> cols = new ArrayList<>();
    for (Map.Entry<String, Integer> e : types.entrySet()) {
      int i = read.indexOf(e.getKey());
      Kind k = kind(e.getValue());
      cols.add(i < 0 ? new Col(e.getKey(), e.getValue(), k, List.of(), true, 0)
          : new Col(e.getKey(), e.getValue(), k, List.copyOf(values.get(i)), nulls[i], lengths[i]));
    }
    List<String> key = key(name, read, rows);
    return new Table(schema, name, cols, key, List.copyOf(named));
  }

  /** The known key when the data shows it unique; otherwise every orderable column. */
  private static List<String> key(String table, List<String> read, List<List<Object>> rows) {
    List<String> known = KEYS.get(table);
    if (known != null && read.containsAll(known)) {
      Set<List<Object>> seen = new HashSet<>();
      boolean unique = true;
      for (List<Object> row : rows) {
        unique &= seen.add(known.stream().map(c -> row.get(read.indexOf(c))).toList());
      }
      if (unique) {
        return known;
      }
    }
    return read;
  }

  private static Object value(ResultSet rs, int i, Kind kind) throws SQLException {
    switch (kind) {
      case INTEGER: {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
      }
      case BOOLEAN: {
        boolean v = rs.getBoolean(i);
        return rs.wasNull() ? null : v;
      }
      case TIMESTAMP: {
        String v = rs.getString(i);
        return v == null ? null : LocalDateTime.parse(v.replace(' ', 'T'));
      }
      default:
        return rs.getString(i);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static int compareValues(Object a, Object b) {
    return ((Comparable) a).compareTo(b);
  }
}
