package io.convosql.driver.differential;

import io.convosql.core.plan.Matches;
import io.convosql.driver.differential.Catalog.Col;
import io.convosql.driver.differential.Catalog.Kind;
import io.convosql.driver.differential.Catalog.Table;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Random WHERE conditions over a table's columns: comparisons, BETWEEN, [NOT] IN, [NOT] LIKE (with
 * {@code %}, {@code _} and escapes), IS [NOT] NULL, boolean tests, {@code matches()}, functions of
 * columns, and AND/OR/NOT of them, with values from {@link Values}.
 */
final class Predicates {
  private final Ctx ctx;
  private final Values values;

  Predicates(Ctx ctx) {
    this.ctx = ctx;
    this.values = new Values(ctx);
  }

  /** A conjunction of 0 to 3 conditions on the table (as {@code alias}); null for none. */
  String where(Table t, String alias, int max) {
    int n = ctx.random.nextInt(100) < 12 ? 0 : ctx.between(1, max);
    List<String> conjuncts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      conjuncts.add(ctx.chance(25) ? category(t, alias) : conjunct(t, alias));
    }
    List<Col> texts = t.columns().stream().filter(c -> c.blob() && c.kind() == Kind.TEXT).toList();
    if (!texts.isEmpty() && ctx.chance(20)) {
      Col c = ctx.pick(texts);
      conjuncts.add(matches((alias == null ? "" : alias + ".") + Sql.ident(c.name()), c));
    }
    return conjuncts.isEmpty() ? null : String.join(" AND ", conjuncts);
  }

  /**
   * One to three conditions that hold for one row of the table (equalities, ranges that hold it,
   * words it contains), so that conjunctions on several columns still select rows.
   */
  String rowConjuncts(Table t, String alias) {
    ctx.feature("row-pinned");
    Map<String, Object> row = ctx.pick(t.rows());
    List<String> out = new ArrayList<>();
    int n = ctx.between(1, 3);
    for (int i = 0; i < n; i++) {
      Col c = column(t);
      if (!row.containsKey(c.name())) {
        continue;
      }
      Object v = row.get(c.name());
      String q = (alias == null ? "" : alias + ".") + Sql.ident(c.name());
      if (v == null) {
        out.add(q + " IS NULL");
      } else if (c.blob()) {
        out.add("\"matches\"(" + q + ", " + ctx.value(someWord(v), Kind.TEXT) + ")");
      } else {
        switch (ctx.random.nextInt(6)) {
          case 0:
            out.add(q + " BETWEEN " + ctx.value(v, c.kind()) + " AND " + ctx.value(v, c.kind()));
            break;
          case 1:
            out.add(q + " IN (" + ctx.value(v, c.kind()) + ", "
                + ctx.value(values.pick(c), c.kind()) + ")");
            break;
          case 2:
            out.add(q + (ctx.chance(50) ? " >= " : " <= ") + ctx.value(v, c.kind()));
            break;
          default:
            out.add(q + " = " + ctx.value(v, c.kind()));
        }
      }
    }
    return out.isEmpty() ? "TRUE" : String.join(" AND ", out);
  }

  /**
   * Two columns (not the key) pinned to the values one row holds, such as a parameter's name and
   * value, or a line's role and a word of its text: combinations an API may search as one field.
   */
  String pairPin(Table t, String alias) {
    ctx.feature("pair-pin");
    Map<String, Object> row = ctx.pick(t.rows());
    List<String> names = new ArrayList<>(row.keySet());
    names.removeAll(t.key());
    java.util.Collections.shuffle(names, ctx.random);
    List<String> out = new ArrayList<>();
    for (String name : names.subList(0, Math.min(2, names.size()))) {
      Col c = t.col(name);
      Object v = row.get(name);
      String q = (alias == null ? "" : alias + ".") + Sql.ident(name);
      if (v == null) {
        out.add(q + " IS NULL");
      } else if (c.blob()) {
        out.add("\"matches\"(" + q + ", " + ctx.value(someWord(v), Kind.TEXT) + ")");
      } else {
        out.add(q + " = " + ctx.value(v, c.kind()));
      }
    }
    return out.isEmpty() ? "TRUE" : String.join(" AND ", out);
  }

  /** One word of a value, as matches() splits words ("" when it has none). */
  String someWord(Object v) {
    List<String> words = new ArrayList<>(Matches.words(v.toString()));
    return words.isEmpty() ? "" : ctx.pick(words);
  }

  /** A bound on session_start_time: one or two sides, BETWEEN, from a day, or any condition. */
  String timeBound(Table t, String alias) {
    Col c = t.col("session_start_time");
    String q = (alias == null ? "" : alias + ".") + Sql.ident(c.name());
    int r = ctx.random.nextInt(100);
    if (r < 30) {
      return ordered(q, c);
    }
    Object a = values.pick(c);
    Object b = values.pick(c);
    if (Catalog.compareValues(a, b) > 0) {
      Object x = a;
      a = b;
      b = x;
    }
    if (r < 50) {
      return q + " >= " + ctx.value(a, Kind.TIMESTAMP);
    }
    if (r < 58) {
      return q + " > " + ctx.value(a, Kind.TIMESTAMP);
    }
    if (r < 75) {
      ctx.feature("two-sided");
      return q + " >= " + ctx.value(a, Kind.TIMESTAMP) + " AND " + q
          + (ctx.chance(70) ? " < " : " <= ") + ctx.value(b, Kind.TIMESTAMP);
    }
    if (r < 85) {
      ctx.feature("between");
      return q + " BETWEEN " + ctx.value(a, Kind.TIMESTAMP) + " AND "
          + ctx.value(b, Kind.TIMESTAMP);
    }
    if (r < 92) {
      return q + (ctx.chance(50) ? " < " : " <= ") + ctx.value(b, Kind.TIMESTAMP);
    }
    ctx.feature("wide-window");
    LocalDateTime first = c.values().isEmpty() ? LocalDateTime.parse("2025-03-01T00:00:00")
        : (LocalDateTime) c.values().get(0);
    return q + " >= " + ctx.value(first.truncatedTo(ChronoUnit.DAYS), Kind.TIMESTAMP);
  }

  /** The table's first key column pinned to one or a few of its values (gets by id). */
  String keyPin(Table t, String alias) {
    String key = t.key().get(0);
    String q = (alias == null ? "" : alias + ".") + Sql.ident(key);
    Map<String, Object> row = ctx.pick(t.rows());
    Object v = row.get(key);
    if (v == null) {
      return q + " IS NULL";
    }
    if (v instanceof String && ctx.chance(15)) {
      v = values.pathLike((String) v);
    }
    String pin;
    if (ctx.chance(60)) {
      pin = q + " = " + ctx.value(v, t.col(key).kind());
    } else {
      List<String> items = new ArrayList<>(List.of(ctx.value(v, t.col(key).kind())));
      int count = ctx.between(1, 3);
      for (int i = 0; i < count; i++) {
        Object other = ctx.pick(t.rows()).get(key);
        items.add(other == null ? "NULL" : ctx.value(other, t.col(key).kind()));
      }
      pin = q + " IN (" + String.join(", ", items) + ")";
    }
    Object start = row.get("session_start_time");
    if (start != null && ctx.chance(50)) {
      ctx.feature("one-day");
      LocalDateTime day = ((LocalDateTime) start).truncatedTo(ChronoUnit.DAYS);
      String s = (alias == null ? "" : alias + ".") + Sql.ident("session_start_time");
      pin += " AND " + s + " >= " + ctx.value(day, Kind.TIMESTAMP) + " AND " + s + " < "
          + ctx.value(day.plusDays(1), Kind.TIMESTAMP);
    }
    return pin;
  }

  /**
   * A column with few values (a type, a status, a channel) pinned to one or two of them: the
   * filters an API most often takes as parameters.
   */
  String category(Table t, String alias) {
    List<Col> few = t.columns().stream()
        .filter(c -> !c.blob() && !c.values().isEmpty() && c.values().size() <= 8).toList();
    if (few.isEmpty()) {
      return conjunct(t, alias);
    }
    ctx.feature("category");
    Col c = ctx.pick(few);
    String q = (alias == null ? "" : alias + ".") + Sql.ident(c.name());
    Object v = ctx.pick(c.values());
    if (v instanceof String && ctx.chance(5)) {
      v = values.pathLike((String) v);
    }
    switch (ctx.random.nextInt(4)) {
      case 0: return q + " IN (" + ctx.value(v, c.kind()) + ")";
      case 1: return q + " IN (" + ctx.value(v, c.kind()) + ", "
          + ctx.value(ctx.pick(c.values()), c.kind()) + ")";
      default: return q + " = " + ctx.value(v, c.kind());
    }
  }

  String conjunct(Table t, String alias) {
    int r = ctx.random.nextInt(100);
    if (r < 70) {
      return atom(t, alias, column(t));
    }
    if (r < 86) {
      ctx.feature("or");
      Col c = column(t);
      Col d = ctx.chance(50) ? c : column(t);
      return "(" + atom(t, alias, c) + " OR " + atom(t, alias, d) + ")";
    }
    if (r < 94) {
      ctx.feature("not");
      return "NOT (" + atom(t, alias, column(t)) + ")";
    }
    ctx.feature("nested");
    return "(NOT (" + atom(t, alias, column(t)) + " AND " + atom(t, alias, column(t)) + ") OR "
        + atom(t, alias, column(t)) + ")";
  }

  /** A column, favouring the leading columns (lists before details) and the row keys. */
  Col column(Table t) {
    List<Col> cols = t.columns();
    int r = ctx.random.nextInt(100);
    if (r < 15) {
      return t.col(ctx.pick(t.key()));
    }
    if (r < 50) {
      return cols.get(ctx.random.nextInt(Math.min(cols.size(), 10)));
    }
    return ctx.pick(cols);
  }

  String atom(Table t, String alias, Col c) {
    String q = (alias == null ? "" : alias + ".") + Sql.ident(c.name());
    if (c.kind() == Kind.BINARY || c.kind() == Kind.OTHER) {
      return nullTest(q);
    }
    if (c.blob()) {
      int r = ctx.random.nextInt(100);
      return r < 45 ? like(q, c) : r < 75 ? matches(q, c) : nullTest(q);
    }
    switch (c.kind()) {
      case BOOLEAN:
        return bool(q, c);
      case TEXT:
        return text(q, c);
      default:
        return ordered(q, c);
    }
  }

  private String nullTest(String q) {
    ctx.feature("is-null");
    return q + (ctx.chance(50) ? " IS NULL" : " IS NOT NULL");
  }

  private String bool(String q, Col c) {
    ctx.feature("boolean");
    switch (ctx.random.nextInt(10)) {
      case 0: return q;
      case 1: return "NOT " + q;
      case 2: return q + " = " + ctx.value(ctx.chance(50), c.kind());
      case 3: return q + " <> " + ctx.value(ctx.chance(50), c.kind());
      case 4: return q + (ctx.chance(50) ? " IS TRUE" : " IS NOT TRUE");
      case 5: return q + (ctx.chance(50) ? " IS FALSE" : " IS NOT FALSE");
      case 6: return q + " IN (TRUE)";
      default: return nullTest(q);
    }
  }

  private String text(String q, Col c) {
    int r = ctx.random.nextInt(100);
    if (r < 12) {
      return like(q, c);
    }
    if (r < 16) {
      ctx.feature("not-like");
      return q + " NOT LIKE " + values.pattern(c).sql();
    }
    if (r < 22) {
      return matches(q, c);
    }
    if (r < 27) {
      ctx.feature("function");
      switch (ctx.random.nextInt(3)) {
        case 0: return "UPPER(" + q + ") = " + ctx.value(values.pick(c).toString().toUpperCase(),
            c.kind());
        case 1: return "CHAR_LENGTH(" + q + ") > " + ctx.between(0, 20);
        default: return "TRIM(" + q + ") = " + ctx.value(values.pick(c), c.kind());
      }
    }
    return ordered(q, c);
  }

  /** Comparisons, ranges, lists and null tests, for every kind of value. */
  private String ordered(String q, Col c) {
    int r = ctx.random.nextInt(100);
    Kind k = c.kind();
    if (r < 25) {
      ctx.feature("eq");
      return q + " = " + ctx.value(values.pick(c), k);
    }
    if (r < 33) {
      ctx.feature("ne");
      return q + " <> " + ctx.value(values.pick(c), k);
    }
    if (r < 49) {
      ctx.feature("compare");
      return q + " " + ctx.pick(List.of("<", "<=", ">", ">=")) + " " + ctx.value(values.pick(c), k);
    }
    if (r < 58) {
      ctx.feature("between");
      Object a = values.pick(c);
      Object b = values.pick(c);
      if (Catalog.compareValues(a, b) > 0 && ctx.chance(80)) {
        Object x = a;
        a = b;
        b = x;
      }
      return q + (ctx.chance(15) ? " NOT BETWEEN " : " BETWEEN ") + ctx.value(a, k) + " AND "
          + ctx.value(b, k);
    }
    if (r < 70) {
      ctx.feature("in");
      return q + " IN (" + list(c) + ")";
    }
    if (r < 76) {
      ctx.feature("not-in");
      return q + " NOT IN (" + list(c) + ")";
    }
    if (r < 80 && k != Kind.TEXT) {
      ctx.feature("function");
      return k == Kind.TIMESTAMP ? q + " + INTERVAL '1' HOUR > " + ctx.value(values.pick(c), k)
          : q + " + 1 > " + ctx.value(values.pick(c), k);
    }
    if (r < 84) {
      ctx.feature("range");
      Object a = values.pick(c);
      Object b = values.pick(c);
      return "(" + q + " >= " + ctx.value(a, k) + " AND " + q + " < " + ctx.value(b, k) + ")";
    }
    if (r < 87) {
      ctx.feature("in-null");
      return q + " IN (" + ctx.value(values.pick(c), k) + ", NULL)";
    }
    return nullTest(q);
  }

  private String list(Col c) {
    int n = ctx.between(1, 4);
    List<String> items = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      items.add(ctx.value(values.pick(c), c.kind()));
    }
    return String.join(", ", items);
  }

  private String like(String q, Col c) {
    ctx.feature("like");
    Values.Like like = values.pattern(c);
    if (like.escape() == null && ctx.chance(20)) {
      ctx.feature("like-param");
      return q + " LIKE " + ctx.value(like.pattern(), Kind.TEXT);
    }
    if (like.escape() != null) {
      ctx.feature("like-escape");
    }
    return q + " LIKE " + like.sql();
  }

  private String matches(String q, Col c) {
    ctx.feature("matches");
    return "\"matches\"(" + q + ", " + ctx.value(values.words(c), Kind.TEXT) + ")";
  }
}
