package io.convosql.driver.differential;

import io.convosql.driver.differential.Catalog.Col;
import io.convosql.driver.differential.Catalog.Kind;
import io.convosql.driver.differential.Catalog.Table;
import io.convosql.driver.differential.GeneratedQuery.Check;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Generates random queries over the catalog's tables from a seed: single-table selects with
 * filters, orders and limits; aggregates; DISTINCT; joins of sessions to their child tables;
 * semi-joins; joins across the two schemas. Each query's comparison is fixed by its shape: in order
 * when the order is total, as multisets otherwise, as a bounded subset for LIMIT without an order,
 * and with ties allowed at the cuts for ORDER BY one key with a limit.
 */
final class QueryGenerator {
  private final Catalog catalog;

  QueryGenerator(Catalog catalog) {
    this.catalog = catalog;
  }

  /** The query of one seed; the same seed always gives the same query. */
  GeneratedQuery generate(long seed) {
    Ctx ctx = new Ctx(seed);
    int r = ctx.random.nextInt(100);
    if (r < 50) {
      return single(ctx);
    }
    if (r < 62) {
      return aggregate(ctx);
    }
    if (r < 70) {
      return distinct(ctx);
    }
    if (r < 86) {
      return join(ctx);
    }
    if (r < 95) {
      return semiJoin(ctx);
    }
    return crossSchema(ctx);
  }

  private Table table(Ctx ctx) {
    List<Table> sessions =
        catalog.tables.stream().filter(t -> t.name().equals("sessions")).toList();
    return ctx.chance(25) ? ctx.pick(sessions) : ctx.pick(catalog.tables);
  }

  private static String q(String alias, String column) {
    return (alias == null ? "" : alias + ".") + Sql.ident(column);
  }

  /**
   * The WHERE of one table: random conditions or conditions one row meets, and now and then a
   * session_start_time bound, a pinned key and two columns pinned to one row's values.
   */
  private static List<String> conditions(Ctx ctx, Predicates p, Table t, String alias, int max) {
    List<String> out = new ArrayList<>();
    if (t.col("text") != null && (t.col("role") != null || t.col("speaker") != null) && ctx.chance(35)) {
      out.add(speakerMatches(ctx, p, t, alias)); // alone, so that the row it comes from is in the answer
      return out;
    }
    String w = ctx.chance(25) ? p.rowConjuncts(t, alias) : p.where(t, alias, max);
    if (w != null) {
      out.add(w);
    }
    Col start = t.col("session_start_time");
    if (start != null && ctx.chance(65)) {
      ctx.feature("time-bound");
      out.add(p.timeBound(t, alias));
    }
    if (ctx.chance(8)) {
      ctx.feature("pinned-key");
      out.add(p.keyPin(t, alias));
    }
    if (ctx.chance(8)) {
      out.add(p.pairPin(t, alias));
    }
    return out;
  }

  /**
   * A line's role (or speaker) and a word of its text, taken from one row: the pair an API may search
   * as one field (Insights keys a turn by its speaker), so a wrong field loses that row.
   */
  private static String speakerMatches(Ctx ctx, Predicates p, Table t, String alias) {
    ctx.feature("speaker-matches");
    Map<String, Object> row = ctx.pick(t.rows());
    String who = t.col("role") != null && ctx.chance(70) ? "role" : "speaker";
    Object said = row.get("text");
    Object speaker = row.get(who);
    String pin = speaker == null ? q(alias, who) + " IS NULL" : q(alias, who) + " = " + ctx.value(speaker, Kind.TEXT);
    return said == null ? pin
        : pin + " AND \"matches\"(" + q(alias, "text") + ", " + ctx.value(p.someWord(said), Kind.TEXT) + ")";
  }

  private static String where(List<String> conditions) {
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  /** Output columns: sometimes *, otherwise some columns and now and then an expression. */
  private static List<String> projection(Ctx ctx, Table t, String alias, int max) {
    return projection(ctx, t, alias, max, null);
  }

  private static List<String> projection(Ctx ctx, Table t, String alias, int max, Col without) {
    List<Col> cols = new ArrayList<>(t.columns().stream()
        .filter(c -> c != without && (c.kind() != Kind.BINARY || ctx.chance(10))).toList());
    Collections.shuffle(cols, ctx.random);
    List<String> out = new ArrayList<>();
    int n = ctx.between(1, Math.min(max, cols.size()));
    for (int i = 0; i < n; i++) {
      Col c = cols.get(i);
      if (c.blob() && c.kind() == Kind.TEXT && ctx.chance(60)) {
        out.add("CHAR_LENGTH(" + q(alias, c.name()) + ")");
      } else {
        out.add(q(alias, c.name()));
      }
    }
    if (ctx.chance(12)) {
      ctx.feature("expression");
      Col c = ctx.pick(t.columns());
      String x = q(alias, c.name());
      out.add(ctx.pick(List.of(x + " IS NULL", "COALESCE(CAST(" + x + " AS VARCHAR), '-')",
          "CASE WHEN " + x + " IS NULL THEN 0 ELSE 1 END")));
    }
    return out;
  }

  /** ORDER BY on some columns, then the key of every table so that the order is total. */
  private static String totalOrder(Ctx ctx, List<Table> tables, List<String> aliases) {
    ctx.feature("order-by");
    List<String> keys = new ArrayList<>();
    int count = ctx.between(0, 2);
    for (int i = 0; i < count; i++) {
      int which = ctx.random.nextInt(tables.size());
      List<Col> orderable = tables.get(which).columns().stream().filter(Col::orderable).toList();
      keys.add(direction(ctx, q(aliases.get(which), ctx.pick(orderable).name())));
    }
    for (int i = 0; i < tables.size(); i++) {
      for (String k : tables.get(i).key()) {
        keys.add(direction(ctx, q(aliases.get(i), k)));
      }
    }
    return " ORDER BY " + String.join(", ", keys);
  }

  private static String direction(Ctx ctx, String key) {
    String d = ctx.chance(40) ? " DESC" : ctx.chance(20) ? " ASC" : "";
    if (ctx.chance(15)) {
      ctx.feature("nulls-first-last");
      d += ctx.chance(50) ? " NULLS FIRST" : " NULLS LAST";
    }
    return key + d;
  }

  private static String limit(Ctx ctx, boolean allowParams) {
    ctx.feature("limit");
    long n = ctx.pick(List.of(0L, 1L, 2L, 3L, 5L, 10L, 20L, 50L, 120L));
    long m = ctx.pick(List.of(0L, 1L, 2L, 5L, 10L, 40L, 100L, 1000L));
    int form = ctx.random.nextInt(5);
    if (form >= 2) {
      ctx.feature("offset");
    }
    switch (form) {
      case 0: return " LIMIT " + ctx.count(n, allowParams);
      case 1: return " FETCH FIRST " + ctx.count(n, allowParams) + " ROWS ONLY";
      case 2: return " LIMIT " + ctx.count(n, allowParams) + " OFFSET " + ctx.count(m, allowParams);
      case 3: return " OFFSET " + ctx.count(m, allowParams) + " ROWS FETCH NEXT "
          + ctx.count(n, allowParams) + " ROWS ONLY";
      default: return " OFFSET " + ctx.count(m, allowParams) + " ROWS";
    }
  }

  private GeneratedQuery single(Ctx ctx) {
    Table t = table(ctx);
    String alias = ctx.chance(50) ? null : "t";
    Predicates p = new Predicates(ctx);
    String from = " FROM " + t.qualified() + (alias == null ? "" : " " + alias);
    int r = ctx.random.nextInt(100);
    if (r < 25) {
      return orderedPrefix(ctx, p, t, alias, from);
    }
    String select = ctx.chance(8) ? "*" : String.join(", ", projection(ctx, t, alias, 5));
    String base = "SELECT " + select + from + where(conditions(ctx, p, t, alias, 3));
    if (r < 35) {
      return done(ctx, base + limit(ctx, false), Check.SUBSET, base);
    }
    if (r < 75) {
      String order = totalOrder(ctx, List.of(t), Collections.singletonList(alias));
      String lim = ctx.chance(55) ? limit(ctx, true) : "";
      return done(ctx, base + order + lim, Check.ORDERED, null);
    }
    if (r < 85) {
      ctx.feature("partial-order");
      Col c = ctx.pick(t.columns().stream().filter(Col::orderable).toList());
      return done(ctx, base + " ORDER BY " + direction(ctx, q(alias, c.name())), Check.UNORDERED,
          null);
    }
    return done(ctx, base, Check.UNORDERED, null);
  }

  /**
   * ORDER BY one key with LIMIT/OFFSET, the order an API may produce itself (a time column most
   * often); the key leads the output so that ties at the cuts can be told apart.
   */
  private static GeneratedQuery orderedPrefix(Ctx ctx, Predicates p, Table t, String alias,
      String from) {
    ctx.feature("order-prefix");
    List<Col> orderable = t.columns().stream().filter(Col::orderable).toList();
    Col time = orderable.stream().filter(c -> c.kind() == Kind.TIMESTAMP).findFirst().orElse(null);
    Col k = time != null && ctx.chance(50) ? time : ctx.pick(orderable);
    String key = q(alias, k.name());
    String base = "SELECT " + key + ", " + String.join(", ", projection(ctx, t, alias, 3, k)) + from
        + where(conditions(ctx, p, t, alias, 3));
    return done(ctx, base + " ORDER BY " + direction(ctx, key) + limit(ctx, false), Check.PREFIX,
        base);
  }

  private GeneratedQuery aggregate(Ctx ctx) {
    ctx.feature("aggregate");
    Table t = table(ctx);
    Predicates p = new Predicates(ctx);
    List<Col> orderable = t.columns().stream().filter(Col::orderable).toList();
    List<String> groups = new ArrayList<>();
    int count = ctx.between(0, 2);
    for (int i = 0; i < count; i++) {
      String g = Sql.ident(ctx.pick(orderable).name());
      if (!groups.contains(g)) {
        groups.add(g);
      }
    }
    List<String> out = new ArrayList<>(groups);
    out.add("COUNT(*)");
    Col c = ctx.pick(orderable);
    String x = Sql.ident(c.name());
    out.add(ctx.pick(List.of("COUNT(" + x + ")", "COUNT(DISTINCT " + x + ")", "MIN(" + x + ")",
        "MAX(" + x + ")")));
    Col n = t.columns().stream().filter(k -> k.kind() == Kind.INTEGER).findAny().orElse(null);
    if (n != null && ctx.chance(50)) {
      out.add(ctx.pick(List.of("SUM(", "AVG(", "MIN(")) + Sql.ident(n.name()) + ")");
    }
    String sql = "SELECT " + String.join(", ", out) + " FROM " + t.qualified()
        + where(conditions(ctx, p, t, null, 3))
        + (groups.isEmpty() ? "" : " GROUP BY " + String.join(", ", groups))
        + (ctx.chance(15) ? " HAVING COUNT(*) > " + ctx.between(0, 3) : "");
    if (groups.isEmpty()) {
      return done(ctx, sql, Check.ORDERED, null);
    }
    if (ctx.chance(40)) {
      List<String> keys = groups.stream().map(g -> direction(ctx, g)).toList();
      return done(ctx, sql + " ORDER BY " + String.join(", ", keys)
          + (ctx.chance(50) ? limit(ctx, true) : ""), Check.ORDERED, null);
    }
    return done(ctx, sql, Check.UNORDERED, null);
  }

  private GeneratedQuery distinct(Ctx ctx) {
    ctx.feature("distinct");
    Table t = table(ctx);
    Predicates p = new Predicates(ctx);
    List<Col> orderable = new ArrayList<>(t.columns().stream().filter(Col::orderable).toList());
    Collections.shuffle(orderable, ctx.random);
    List<String> cols = orderable.subList(0, ctx.between(1, Math.min(2, orderable.size()))).stream()
        .map(c -> Sql.ident(c.name())).toList();
    String sql = "SELECT DISTINCT " + String.join(", ", cols) + " FROM " + t.qualified()
        + where(conditions(ctx, p, t, null, 3));
    if (ctx.chance(60)) {
      List<String> keys = cols.stream().map(k -> direction(ctx, k)).toList();
      return done(ctx, sql + " ORDER BY " + String.join(", ", keys)
          + (ctx.chance(60) ? limit(ctx, true) : ""), Check.ORDERED, null);
    }
    return done(ctx, sql, Check.UNORDERED, null);
  }

  /** A table of the schema joined to its parent: child rows to sessions, sessions to workspaces. */
  private GeneratedQuery join(Ctx ctx) {
    ctx.feature("join");
    List<Table> children = catalog.tables.stream().filter(t -> t.child()
        || t.name().equals("sessions") && t.col("workspace_id") != null).toList();
    Table child = ctx.pick(children);
    Table parent = child.child() ? catalog.table(child.schema(), "sessions")
        : catalog.table(child.schema(), "workspaces");
    String on = child.child() ? "c.\"session_id\" = s.\"id\"" : "c.\"workspace_id\" = s.\"id\"";
    if (child.col("session_start_time") != null && ctx.chance(40)) {
      on += " AND c.\"session_start_time\" = s.\"session_start_time\"";
    }
    boolean left = ctx.chance(20);
    Predicates p = new Predicates(ctx);
    List<String> out = new ArrayList<>(projection(ctx, parent, "s", 3));
    out.addAll(projection(ctx, child, "c", 3));
    List<String> conds = new ArrayList<>(conditions(ctx, p, parent, "s", 2));
    if (!left || ctx.chance(30)) {
      conds.addAll(conditions(ctx, p, child, "c", 2));
    }
    String base = "SELECT " + String.join(", ", out) + " FROM " + parent.qualified() + " s"
        + (left ? " LEFT JOIN " : " JOIN ") + child.qualified() + " c ON " + on + where(conds);
    if (left) {
      ctx.feature("left-join");
    }
    if (ctx.chance(55)) {
      String order = totalOrder(ctx, List.of(parent, child), List.of("s", "c"));
      String lim = ctx.chance(50) ? limit(ctx, true) : "";
      return done(ctx, base + order + lim, Check.ORDERED, null);
    }
    return done(ctx, base, Check.UNORDERED, null);
  }

  /** Sessions that have (or lack) child rows meeting conditions: IN, NOT IN or EXISTS. */
  private GeneratedQuery semiJoin(Ctx ctx) {
    ctx.feature("semi-join");
    Table child = ctx.pick(catalog.tables.stream().filter(Table::child).toList());
    Table parent = catalog.table(child.schema(), "sessions");
    Predicates p = new Predicates(ctx);
    // Parameters are bound in the order their ? appear: the outer conditions come first.
    List<String> conds = new ArrayList<>(conditions(ctx, p, parent, "s", 2));
    List<String> inner = conditions(ctx, p, child, "c", 2);
    int r = ctx.random.nextInt(3);
    if (r == 2) {
      inner.add(0, "c.\"session_id\" = s.\"id\"");
      conds.add((ctx.chance(70) ? "" : "NOT ") + "EXISTS (SELECT 1 FROM " + child.qualified() + " c"
          + where(inner) + ")");
    } else {
      conds.add("s.\"id\"" + (r == 0 ? " IN " : " NOT IN ") + "(SELECT c.\"session_id\" FROM "
          + child.qualified() + " c" + where(inner) + ")");
    }
    String base = "SELECT " + String.join(", ", projection(ctx, parent, "s", 4)) + " FROM "
        + parent.qualified() + " s" + where(conds);
    if (ctx.chance(50)) {
      return done(ctx, base + totalOrder(ctx, List.of(parent), List.of("s"))
          + (ctx.chance(50) ? limit(ctx, true) : ""), Check.ORDERED, null);
    }
    return done(ctx, base, Check.UNORDERED, null);
  }

  /** PathSim calls joined to the Insights sessions they produced, as in docs/tables.md. */
  private GeneratedQuery crossSchema(Ctx ctx) {
    ctx.feature("cross-schema");
    Table ps = catalog.table("pathsim", "sessions");
    Table is = catalog.table("insights", "sessions");
    Predicates p = new Predicates(ctx);
    List<String> out = new ArrayList<>(projection(ctx, ps, "s", 2));
    out.addAll(projection(ctx, is, "c", 2));
    List<String> conds = new ArrayList<>(conditions(ctx, p, ps, "s", 1));
    conds.addAll(conditions(ctx, p, is, "c", 1));
    String base = "SELECT " + String.join(", ", out) + " FROM " + ps.qualified() + " s JOIN "
        + is.qualified() + " c ON c.\"destination\" = s.\"target\" AND c.\"session_start_time\""
        + " BETWEEN s.\"started_at\" AND s.\"started_at\" + INTERVAL '5' MINUTE" + where(conds);
    if (ctx.chance(50)) {
      String order = totalOrder(ctx, List.of(ps, is), List.of("s", "c"));
      String lim = ctx.chance(50) ? limit(ctx, true) : "";
      return done(ctx, base + order + lim, Check.ORDERED, null);
    }
    return done(ctx, base, Check.UNORDERED, null);
  }

  private static GeneratedQuery done(Ctx ctx, String sql, Check check, String unlimited) {
    if (!ctx.params.isEmpty()) {
      ctx.feature("prepared");
    }
    return new GeneratedQuery(sql, List.copyOf(ctx.params), check, unlimited,
        java.util.Set.copyOf(ctx.features));
  }
}
