package io.convosql.driver;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.jdbc.CalciteConnection;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The statements that choose the schema unqualified table names are looked up in, as MySQL
 * ({@code USE pathsim}), PostgreSQL ({@code SET search_path TO pathsim}) and standard SQL
 * ({@code SET SCHEMA 'pathsim'}) users write them: each sets the connection's schema, as
 * {@code Connection.setSchema} does, so that {@code SELECT * FROM sessions} then reads
 * {@code pathsim.sessions}. A schema the connection does not have is refused (3F000), naming those
 * it has; in a search path, the first one it has is taken.
 */
final class SchemaStatements {
  private static final Pattern STATEMENT = Pattern.compile("\\s*(?:USE\\s+|SET\\s+(?:SESSION\\s+|LOCAL\\s+)?"
      + "(?:SCHEMA\\s+|search_path\\s*(?:TO\\s+|=\\s*)))([^;]+?)\\s*;?\\s*", Pattern.CASE_INSENSITIVE);

  private SchemaStatements() {}

  /** The schema list the statement names, or null when it is not such a statement. */
  static @Nullable String named(String sql) {
    Matcher m = STATEMENT.matcher(sql);
    return m.matches() ? m.group(1) : null;
  }

  /** Sets the connection's schema to the first of {@code names} (a comma-separated list) it has. */
  static void use(Connection connection, String names) throws SQLException {
    Set<String> schemas = new TreeSet<>(
        connection.unwrap(CalciteConnection.class).getRootSchema().getSubSchemaNames());
    for (String raw : names.split(",")) {
      String name = unquoted(raw.strip());
      for (String schema : schemas) {
        if (schema.equals(name) || !quoted(raw.strip()) && schema.equalsIgnoreCase(name)) {
          connection.setSchema(schema);
          return;
        }
      }
    }
    throw new SQLException("Schema " + names.strip() + " does not exist: the schemas are "
        + String.join(", ", schemas), "3F000");
  }

  /**
   * {@code Connection.setSchema(name)}: a schema of the connection, named in any case (tools pass the
   * names {@code getSchemas} gave). Another name fails with 3F000 as {@code USE} does, rather than
   * being kept and failing every unqualified name later; null fails with 22004 (the SQL standard's
   * "null value not allowed") when the connection has a schema: Calcite ignored it, so the connection
   * silently kept its schema. On a connection without one, null changes nothing, so that
   * {@code setSchema(getSchema())}, as code restoring the schema it read calls it, holds everywhere.
   */
  static void set(Connection connection, @Nullable String name) throws SQLException {
    String now = name == null ? connection.getSchema() : null;
    if (name == null && now == null) {
      return;
    }
    Set<String> schemas = new TreeSet<>(
        connection.unwrap(CalciteConnection.class).getRootSchema().getSubSchemaNames());
    if (name == null) {
      throw new SQLException("setSchema(null): a schema name is needed, and the connection's schema"
          + " stays " + now + ". Pass one of " + String.join(", ", schemas)
          + ", or qualify table names with their schema (pathsim.sessions), which works whatever the"
          + " connection's schema", "22004");
    }
    String match = schemas.contains(name) ? name
        : schemas.stream().filter(s -> s.equalsIgnoreCase(name)).findFirst().orElse(null);
    if (match == null) {
      throw new SQLException("Schema " + name + " does not exist: the schemas are " + String.join(", ", schemas),
          "3F000");
    }
    connection.setSchema(match);
  }

  private static boolean quoted(String s) {
    return s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("`") && s.endsWith("`"));
  }

  private static String unquoted(String s) {
    boolean text = s.length() >= 2 && s.startsWith("'") && s.endsWith("'");
    return quoted(s) || text ? s.substring(1, s.length() - 1) : s;
  }
}
