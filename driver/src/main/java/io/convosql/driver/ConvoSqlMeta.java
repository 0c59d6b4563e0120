package io.convosql.driver;

import io.convosql.core.plan.ApiTable;
import io.convosql.core.plan.ForeignKey;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.ConvoSqlMetaBase;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.lookup.LikePattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's metadata plus what SQL tools draw with: table and column REMARKS and plain type names
 * ({@link DescribedMeta}), and the primary and foreign keys the API tables declare, also answered
 * as unique indexes. Everything is read from the schemas' definitions: no metadata call sends an API
 * request.
 */
final class ConvoSqlMeta extends ConvoSqlMetaBase {
  private static final short NO_ACTION = (short) DatabaseMetaData.importedKeyNoAction;
  private static final short NOT_DEFERRABLE = (short) DatabaseMetaData.importedKeyNotDeferrable;
  private static final List<String> PRIMARY_KEY_COLUMNS =
      List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME");
  private static final List<Class<?>> PRIMARY_KEY_TYPES =
      List.of(String.class, String.class, String.class, String.class, Short.class, String.class);
  private static final List<String> FOREIGN_KEY_COLUMNS = List.of("PKTABLE_CAT", "PKTABLE_SCHEM",
      "PKTABLE_NAME", "PKCOLUMN_NAME", "FKTABLE_CAT", "FKTABLE_SCHEM", "FKTABLE_NAME",
      "FKCOLUMN_NAME", "KEY_SEQ", "UPDATE_RULE", "DELETE_RULE", "FK_NAME", "PK_NAME", "DEFERRABILITY");
  private static final List<Class<?>> FOREIGN_KEY_TYPES = List.of(String.class, String.class,
      String.class, String.class, String.class, String.class, String.class, String.class,
      Short.class, Short.class, Short.class, String.class, String.class, Short.class);
  private static final List<String> INDEX_COLUMNS = List.of("TABLE_CAT", "TABLE_SCHEM",
      "TABLE_NAME", "NON_UNIQUE", "INDEX_QUALIFIER", "INDEX_NAME", "TYPE", "ORDINAL_POSITION",
      "COLUMN_NAME", "ASC_OR_DESC", "CARDINALITY", "PAGES", "FILTER_CONDITION");
  private static final List<Class<?>> INDEX_TYPES = List.of(String.class, String.class,
      String.class, Boolean.class, String.class, String.class, Short.class, Short.class,
      String.class, String.class, Long.class, Long.class, String.class);

  /** The types SQL over convosql can use (in CAST, literals); Calcite's list adds internal ones. */
  private static final Set<String> SQL_TYPES = Set.of("BOOLEAN", "TINYINT", "SMALLINT", "INTEGER",
      "BIGINT", "DECIMAL", "REAL", "FLOAT", "DOUBLE", "CHAR", "VARCHAR", "BINARY", "VARBINARY",
      "DATE", "TIME", "TIMESTAMP");

  /** The function {@code Schemas} registers, as tools list it. */
  private static final String MATCHES = "matches";

  ConvoSqlMeta(AvaticaConnection connection) {
    super(connection, DescribedMeta.TABLES, DescribedMeta.COLUMNS);
  }

  /** One API table with its schema's name. */
  private record Named(String schema, ApiTable table) {}

  /** The API tables of the connection, by schema then name (the root schema is read at each call). */
  private List<Named> tables() {
    SchemaPlus root = root();
    List<Named> out = new ArrayList<>();
    for (String schemaName : new TreeSet<>(root.subSchemas().getNames(LikePattern.any()))) {
      SchemaPlus schema = Objects.requireNonNull(root.subSchemas().get(schemaName), schemaName);
      for (String tableName : new TreeSet<>(schema.tables().getNames(LikePattern.any()))) {
        Table table = schema.tables().get(tableName);
        if (table instanceof ApiTable api) {
          out.add(new Named(schemaName, api));
        }
      }
    }
    return out;
  }

  private @Nullable String catalog() {
    try {
      return connection.getCatalog();
    } catch (SQLException e) {
      return null;
    }
  }

  /** Whether {@code t} is the table the JDBC arguments name (a null argument matches any). */
  private boolean names(Named t, @Nullable String catalog, @Nullable String schema,
      @Nullable String table) {
    return (catalog == null || catalog.equals(Objects.requireNonNullElse(catalog(), "")))
        && (schema == null || schema.equals(t.schema()))
        && (table == null || table.equals(t.table().name()));
  }

  private static String primaryKeyName(ApiTable table) {
    return table.name() + "_pk";
  }

  @Override
  public MetaResultSet getPrimaryKeys(ConnectionHandle ch, @Nullable String catalog,
      @Nullable String schema, @Nullable String table) {
    List<Object[]> rows = new ArrayList<>();
    for (Named t : tables()) {
      if (names(t, catalog, schema, table)) {
        List<String> key = t.table().primaryKey();
        for (int i = 0; i < key.size(); i++) {
          rows.add(new Object[] {catalog(), t.schema(), t.table().name(), key.get(i),
              (short) (i + 1), primaryKeyName(t.table())});
        }
      }
    }
    rows.sort(Comparator.comparing((Object[] r) -> (String) r[3]));
    return rows(PRIMARY_KEY_COLUMNS, PRIMARY_KEY_TYPES, rows);
  }

  @Override
  public MetaResultSet getImportedKeys(ConnectionHandle ch, @Nullable String catalog,
      @Nullable String schema, @Nullable String table) {
    return foreignKeys(null, null, null, catalog, schema, table, 0);
  }

  @Override
  public MetaResultSet getExportedKeys(ConnectionHandle ch, @Nullable String catalog,
      @Nullable String schema, @Nullable String table) {
    return foreignKeys(catalog, schema, table, null, null, null, 4);
  }

  @Override
  public MetaResultSet getCrossReference(ConnectionHandle ch, @Nullable String parentCatalog,
      @Nullable String parentSchema, @Nullable String parentTable, @Nullable String foreignCatalog,
      @Nullable String foreignSchema, @Nullable String foreignTable) {
    return foreignKeys(parentCatalog, parentSchema, parentTable, foreignCatalog, foreignSchema,
        foreignTable, 4);
  }

  /**
   * The foreign keys from the tables the last three arguments name (children) to those the first
   * three name (parents), ordered as JDBC asks: by the parent's schema, table and column
   * ({@code orderBy} 0, for imported keys) or by the child's ({@code orderBy} 4, the child's first
   * column in a row), then by KEY_SEQ: one row per column of each key.
   */
  private MetaResultSet foreignKeys(@Nullable String pkCatalog, @Nullable String pkSchema,
      @Nullable String pkTable, @Nullable String fkCatalog, @Nullable String fkSchema,
      @Nullable String fkTable, int orderBy) {
    List<Named> all = tables();
    List<Object[]> rows = new ArrayList<>();
    for (Named child : all) {
      if (!names(child, fkCatalog, fkSchema, fkTable)) {
        continue;
      }
      for (ForeignKey key : child.table().foreignKeys()) {
        for (Named parent : all) {
          if (parent.schema().equals(child.schema()) && parent.table().name().equals(key.table())
              && names(parent, pkCatalog, pkSchema, pkTable)) {
            String name = child.table().name() + "_" + String.join("_", key.columns()) + "_fk";
            for (int i = 0; i < key.columns().size(); i++) {
              rows.add(new Object[] {catalog(), parent.schema(), parent.table().name(),
                  key.tableColumns().get(i), catalog(), child.schema(), child.table().name(),
                  key.columns().get(i), (short) (i + 1), NO_ACTION, NO_ACTION, name,
                  primaryKeyName(parent.table()), NOT_DEFERRABLE});
            }
          }
        }
      }
    }
    // JDBC's order: the schema and table of the parent (imported) or child (exported), then KEY_SEQ;
    // keys between the same two tables apart by name
    rows.sort(Comparator.comparing((Object[] r) -> (String) r[orderBy + 1])
        .thenComparing(r -> (String) r[orderBy + 2]).thenComparing(r -> (String) r[11])
        .thenComparing(r -> (Short) r[8]));
    return rows(FOREIGN_KEY_COLUMNS, FOREIGN_KEY_TYPES, rows);
  }

  /**
   * Each table's primary key as a unique index, which is how tools find a row's identity; the APIs
   * have no other index to report.
   */
  @Override
  public MetaResultSet getIndexInfo(ConnectionHandle ch, @Nullable String catalog,
      @Nullable String schema, @Nullable String table, boolean unique, boolean approximate) {
    List<Object[]> rows = new ArrayList<>();
    for (Named t : tables()) {
      if (names(t, catalog, schema, table)) {
        List<String> key = t.table().primaryKey();
        for (int i = 0; i < key.size(); i++) {
          rows.add(new Object[] {catalog(), t.schema(), t.table().name(), false, null,
              primaryKeyName(t.table()), (short) DatabaseMetaData.tableIndexOther, (short) (i + 1),
              key.get(i), null, null, null, null});
        }
      }
    }
    return rows(INDEX_COLUMNS, INDEX_TYPES, rows);
  }

  /** No catalogs: the schemas are the top level, and every TABLE_CAT is null. */
  /** Schemas whose names match the pattern as JDBC reads it ({@link NamePattern}). */
  @Override
  public MetaResultSet getSchemas(ConnectionHandle ch, @Nullable String catalog, Pat schemaPattern) {
    NamePattern schema = NamePattern.of(schemaPattern);
    return NamePattern.filter(super.getSchemas(ch, catalog, NamePattern.widened(schemaPattern)),
        row -> schema.matches(((MetaSchema) row).tableSchem));
  }

  /** Tables whose schema and name match the patterns as JDBC reads them ({@link NamePattern}). */
  @Override
  public MetaResultSet getTables(ConnectionHandle ch, @Nullable String catalog, Pat schemaPattern,
      Pat tableNamePattern, @Nullable List<String> typeList) {
    NamePattern schema = NamePattern.of(schemaPattern);
    NamePattern table = NamePattern.of(tableNamePattern);
    return NamePattern.filter(super.getTables(ch, catalog, NamePattern.widened(schemaPattern),
            NamePattern.widened(tableNamePattern), typeList),
        row -> schema.matches(((MetaTable) row).tableSchem)
            && table.matches(((MetaTable) row).tableName));
  }

  /** Columns whose schema, table and name match the patterns as JDBC reads them. */
  @Override
  public MetaResultSet getColumns(ConnectionHandle ch, @Nullable String catalog, Pat schemaPattern,
      Pat tableNamePattern, Pat columnNamePattern) {
    NamePattern schema = NamePattern.of(schemaPattern);
    NamePattern table = NamePattern.of(tableNamePattern);
    NamePattern column = NamePattern.of(columnNamePattern);
    return NamePattern.filter(super.getColumns(ch, catalog, NamePattern.widened(schemaPattern),
            NamePattern.widened(tableNamePattern), NamePattern.widened(columnNamePattern)),
        row -> schema.matches(((MetaColumn) row).tableSchem)
            && table.matches(((MetaColumn) row).tableName)
            && column.matches(((MetaColumn) row).columnName));
  }

  @Override
  public MetaResultSet getCatalogs(ConnectionHandle ch) {
    return rows(List.of("TABLE_CAT"), List.of(String.class), List.of());
  }

  /**
   * The functions convosql adds ({@code matches}, the percentile aggregates); Calcite lists only
   * those inside schemas.
   */
  @Override
  public MetaResultSet getFunctions(ConnectionHandle ch, @Nullable String catalog, Pat schemaPattern,
      Pat functionNamePattern) {
    return rows(FunctionRows.FUNCTION_COLUMNS, FunctionRows.FUNCTION_TYPES,
        !unqualified(catalog, schemaPattern) ? List.of()
        : FunctionRows.functions(root(), NamePattern.of(functionNamePattern)::matches,
            PostgresqlFunctions.FUN.equals(
                CalciteConnectionProperty.FUN.wrap(connection().getProperties()).getString())));
  }

  /** The return value and parameters of the functions {@link #getFunctions} lists. */
  @Override
  public MetaResultSet getFunctionColumns(ConnectionHandle ch, @Nullable String catalog,
      Pat schemaPattern, Pat functionNamePattern, Pat columnNamePattern) {
    return rows(FunctionRows.PARAMETER_COLUMNS, FunctionRows.PARAMETER_TYPES,
        !unqualified(catalog, schemaPattern) ? List.of()
        : FunctionRows.parameters(root(), connection().getTypeFactory(),
            NamePattern.of(functionNamePattern)::matches,
            NamePattern.of(columnNamePattern)::matches, PostgresqlFunctions.FUN.equals(
                CalciteConnectionProperty.FUN.wrap(connection().getProperties()).getString())));
  }

  /** Whether the arguments admit functions outside any catalog and schema (null or "" or "%"). */
  private static boolean unqualified(@Nullable String catalog, Pat schema) {
    return (catalog == null || catalog.isEmpty())
        && (schema.s == null || schema.s.isEmpty() || schema.s.equals("%"));
  }

  private CalciteConnection connection() {
    try {
      return connection.unwrap(CalciteConnection.class);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private SchemaPlus root() {
    return connection().getRootSchema();
  }

  /**
   * {@code getTypeInfo}: Calcite's rows for the types one can write, ordered by DATA_TYPE as JDBC
   * asks, without the internal ones (UTINYINT reported as SMALLINT, TIME_TZ, INTERVAL_DAY_HOUR, ...)
   * that made tools map a JDBC type to a name they cannot use.
   */
  @Override
  protected Enumerable<MetaTypeInfo> allTypeInfo() {
    List<MetaTypeInfo> types = new ArrayList<>();
    for (MetaTypeInfo t : super.allTypeInfo()) {
      if (SQL_TYPES.contains(t.typeName)) {
        types.add(t.typeName.equals("VARBINARY") ? binaryLiteral(t) : t);
      }
    }
    types.sort(Comparator.comparingInt(t -> t.dataType));
    return Linq4j.asEnumerable(types);
  }

  /**
   * Calcite's database properties (JDBC's escape functions), with convosql's own functions added
   * where SQL tools (sqlline's completion, DBeaver) look for function names: {@code matches} among
   * the string functions, {@code convert_tz} among the time and date ones, and with the default
   * functions Oracle's {@code NVL} beside {@code IFNULL}, {@code LOG2} and {@code TRUNC} among the
   * numeric, {@code BTRIM} among the string and {@code DAY} among the time and date functions
   * ({@link FunctionSynonyms}, {@link TruncFunction}; without them, {@code CONVERT_TIMEZONE},
   * which only their synonym runs, is left out). Each runs in {@code {fn …}} as in plain SQL.
   */
  @Override
  public Map<DatabaseProperty, Object> getDatabaseProperties(ConnectionHandle ch) {
    Map<DatabaseProperty, Object> properties = new EnumMap<>(DatabaseProperty.class);
    properties.putAll(super.getDatabaseProperties(ch));
    append(properties, DatabaseProperty.GET_STRING_FUNCTIONS, MATCHES);
    append(properties, DatabaseProperty.GET_TIME_DATE_FUNCTIONS, ConvertTz.NAME);
    if (PostgresqlFunctions.FUN.equals(
        CalciteConnectionProperty.FUN.wrap(connection().getProperties()).getString())) {
      append(properties, DatabaseProperty.GET_SYSTEM_FUNCTIONS, "NVL");
      append(properties, DatabaseProperty.GET_NUMERIC_FUNCTIONS, "LOG2");
      append(properties, DatabaseProperty.GET_NUMERIC_FUNCTIONS, "TRUNC");
      append(properties, DatabaseProperty.GET_STRING_FUNCTIONS, "BTRIM");
      append(properties, DatabaseProperty.GET_TIME_DATE_FUNCTIONS, "DAY");
    } else { // Calcite lists it but cannot run it; only the default functions' synonym does
      properties.put(DatabaseProperty.GET_TIME_DATE_FUNCTIONS, String.join(",", Arrays.stream(
          properties.get(DatabaseProperty.GET_TIME_DATE_FUNCTIONS).toString().split(","))
          .filter(f -> !f.equals("CONVERT_TIMEZONE")).toList()));
    }
    return properties;
  }

  private static void append(Map<DatabaseProperty, Object> properties, DatabaseProperty list,
      String name) {
    Object calcite = properties.getOrDefault(list, list.defaultValue);
    String names = calcite == null ? "" : calcite.toString();
    properties.put(list, names.isEmpty() ? name : names + "," + name);
  }

  /** The type with the literal prefix of a binary string, {@code x'}, which Calcite leaves out. */
  private static MetaTypeInfo binaryLiteral(MetaTypeInfo t) {
    return new MetaTypeInfo(t.typeName, t.dataType, t.precision, "x'", t.literalSuffix, t.nullable,
        t.caseSensitive, t.searchable, t.unsignedAttribute, t.fixedPrecScale, t.autoIncrement,
        t.minimumScale, t.maximumScale, t.numPrecRadix == null ? 0 : t.numPrecRadix); // 0: none
  }

  private MetaResultSet rows(List<String> names, List<Class<?>> types, List<Object[]> rows) {
    List<ColumnMetaData> columns = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      columns.add(MetaImpl.columnMetaData(names.get(i), i, types.get(i), true));
    }
    return createResultSet(Map.of(), columns, CursorFactory.ARRAY,
        new Frame(0, true, new ArrayList<Object>(rows)));
  }
}
