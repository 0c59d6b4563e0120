package io.convosql.driver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.validate.DelegatingScope;
import org.apache.calcite.sql.validate.ListScope;
import org.apache.calcite.sql.validate.SqlNameMatchers;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorNamespace;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What to add to the validator's "not found" messages: the names the user most likely meant. A
 * typo in a table ({@code pathsim.sesions}), a table named without its schema ({@code sessions},
 * which both schemas have), a schema ({@code pathsm}), a column ({@code nmae}) or a function
 * ({@code lenght}) gets "; did you mean 'sessions'?"; a table the schema does not have and nothing
 * near it, the schema's tables. Calcite itself suggests only names that differ in case. The same
 * measure ({@link #nearest}) names the connection property meant by a mistyped one.
 */
final class NameSuggestions {
  private static final Pattern OBJECT = Pattern.compile("^Object '(.+)' not found$");
  private static final Pattern OBJECT_WITHIN = Pattern.compile("^Object '(.+)' not found within '(.+)'$");
  private static final Pattern COLUMN = Pattern.compile("^Column '(.+)' not found in any table$");
  private static final Pattern COLUMN_IN = Pattern.compile("^Column '(.+)' not found in table '(.+)'$");
  private static final Pattern FUNCTION = Pattern.compile("^No match found for function signature ([^(]+)\\(.*");
  /** Most names suggested at once. */
  private static final int MOST = 3;
  /** A schema with at most this many tables has them listed when none is near the name. */
  private static final int LISTED = 12;

  private NameSuggestions() {}

  /**
   * The text to append to a validator message, or null for none. {@code scope} is the scope of the
   * SELECT {@code validator} is validating, for column names; null outside one.
   */
  static @Nullable String hint(String message, CalciteSchema root, SqlValidator validator,
      @Nullable SqlValidatorScope scope) {
    Matcher m;
    if ((m = OBJECT_WITHIN.matcher(message)).matches()) {
      CalciteSchema schema = schema(root, m.group(2));
      if (schema == null) {
        return null;
      }
      List<String> near = nearest(m.group(1), schema.getTableNames());
      if (!near.isEmpty()) {
        return didYouMean(near);
      }
      Collection<String> tables = new TreeSet<>(schema.getTableNames());
      return tables.isEmpty() || tables.size() > LISTED ? null
          : "; the tables of '" + m.group(2) + "' are " + String.join(", ", tables);
    }
    if ((m = OBJECT.matcher(message)).matches()) {
      String name = m.group(1);
      List<String> qualified = new ArrayList<>();
      List<String> all = new ArrayList<>();
      for (CalciteSchema schema : root.getSubSchemaMap().values()) {
        for (String table : schema.getTableNames()) {
          all.add(schema.getName() + "." + table);
          if (table.equalsIgnoreCase(name)) {
            qualified.add(schema.getName() + "." + table);
          }
        }
      }
      if (!qualified.isEmpty()) { // a table named without its schema
        qualified.sort(null);
        return didYouMean(qualified);
      }
      List<String> near = nearest(name, root.getSubSchemaMap().keySet());
      if (near.isEmpty()) {
        near = nearest(name, all.stream().map(n -> n.substring(n.indexOf('.') + 1)).toList());
        List<String> tables = new ArrayList<>();
        for (String n : all) {
          if (near.contains(n.substring(n.indexOf('.') + 1))) {
            tables.add(n);
          }
        }
        near = tables;
      }
      return near.isEmpty() ? null : didYouMean(near);
    }
    if (message.equals("Unknown identifier '*'")) { // cout(*): the parser takes * only in COUNT
      return "; only COUNT takes *, as in COUNT(*)";
    }
    if ((m = FUNCTION.matcher(message)).matches()) {
      return function(m.group(1), validator);
    }
    String column;
    String table = null;
    if ((m = COLUMN.matcher(message)).matches()) {
      column = m.group(1);
    } else if ((m = COLUMN_IN.matcher(message)).matches()) {
      column = m.group(1);
      table = m.group(2);
    } else {
      return null;
    }
    while (scope instanceof DelegatingScope d && !(scope instanceof ListScope)) {
      scope = d.getParent(); // a GROUP BY's scope: the SELECT's is its parent
    }
    if (!(scope instanceof ListScope list)) {
      return null;
    }
    List<SqlValidatorNamespace> from = list.getChildren();
    if (table != null) { // the alias named: its columns alone, when it resolves
      SqlValidatorScope.ResolvedImpl resolved = new SqlValidatorScope.ResolvedImpl();
      list.resolve(List.of(table), SqlNameMatchers.liberal(), false, resolved);
      if (resolved.count() == 1) {
        from = List.of(resolved.only().namespace);
      }
    }
    Collection<String> columns = new TreeSet<>();
    Collection<String> tables = new ArrayList<>();
    for (SqlValidatorNamespace namespace : from) {
      // only what is validated already: asking a namespace for its row type would validate it
      SqlNode node = namespace.getNode();
      RelDataType type = node == null ? null : validator.getValidatedNodeTypeIfKnown(node);
      if (type != null && type.isStruct()) {
        type.getFieldNames().forEach(columns::add);
      }
      if (namespace.getTable() != null) {
        tables.addAll(namespace.getTable().getQualifiedName());
      }
    }
    List<String> near = nearest(column, columns);
    if (near.isEmpty()) {
      near = sharingAWord(column, columns, tables);
    }
    return near.isEmpty() ? null : didYouMean(near);
  }

  /**
   * The candidates that share the most word stems with the typed name, at most {@link #MOST}:
   * {@code started_at} and {@code session_start_time} share "start", so a name from one API's table
   * finds the other's. Words are the parts between underscores; those shorter than 4 letters, and
   * those of the {@code tables}' own names ({@code session_id} in {@code sessions}), are not compared.
   */
  static List<String> sharingAWord(String typed, Collection<String> candidates, Collection<String> tables) {
    List<String> named = tables.stream().flatMap(t -> words(t).stream()).toList();
    List<String> meant = words(typed).stream()
        .filter(w -> named.stream().noneMatch(n -> sameStem(w, n))).toList();
    Map<String, Integer> shared = new TreeMap<>();
    for (String c : candidates) {
      List<String> its = words(c);
      int n = (int) meant.stream().filter(w -> its.stream().anyMatch(x -> sameStem(w, x))).count();
      if (n > 0 && !c.equalsIgnoreCase(typed)) {
        shared.put(c, n);
      }
    }
    int most = shared.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    return shared.entrySet().stream().filter(e -> e.getValue() == most).limit(MOST).map(Map.Entry::getKey)
        .toList();
  }

  private static List<String> words(String name) {
    return Arrays.stream(name.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")).filter(w -> w.length() >= 4)
        .toList();
  }

  /** Whether two words start alike: "start" and "started", "created" and "creation". */
  private static boolean sameStem(String a, String b) {
    int common = 0;
    while (common < a.length() && common < b.length() && a.charAt(common) == b.charAt(common)) {
      common++;
    }
    return common >= Math.max(4, Math.min(a.length(), b.length()) - 2);
  }

  /** The functions nearest a name no function has; null when one has it (its arguments are wrong). */
  private static @Nullable String function(String typed, SqlValidator validator) {
    Collection<String> names = new TreeSet<>();
    for (SqlOperator op : validator.getOperatorTable().getOperatorList()) {
      if (op instanceof SqlFunction && op.getName().matches("[A-Za-z_][A-Za-z0-9_]*")) {
        if (op.getName().equalsIgnoreCase(typed)) {
          return null;
        }
        names.add(op.getName());
      }
    }
    List<String> near = nearest(typed, names);
    return near.isEmpty() ? null : didYouMean(near);
  }

  private static @Nullable CalciteSchema schema(CalciteSchema root, String name) {
    CalciteSchema s = root.getSubSchema(name, true);
    return s != null ? s : root.getSubSchema(name, false);
  }

  private static String didYouMean(List<String> names) {
    return "; did you mean '" + String.join("' or '", names) + "'?";
  }

  /**
   * The candidates nearest the typed name, at most {@link #MOST}: within a few edits (a letter left
   * out, added, changed, or two swapped; more for longer names), or starting with what was typed.
   * Case is ignored.
   */
  static List<String> nearest(String typed, Collection<String> candidates) {
    String t = typed.toLowerCase(Locale.ROOT);
    int allowed = t.length() <= 4 ? 1 : t.length() <= 8 ? 2 : 3;
    record Scored(String name, int distance) {}
    List<Scored> scored = new ArrayList<>();
    for (String c : new TreeSet<>(candidates)) {
      String lower = c.toLowerCase(Locale.ROOT);
      if (lower.equals(t)) {
        continue; // the same name: not what was missing
      }
      int d = distance(t, lower);
      if (d <= allowed) {
        scored.add(new Scored(c, d));
      } else if (t.length() >= 3 && lower.startsWith(t)) {
        scored.add(new Scored(c, allowed + 1));
      }
    }
    if (scored.isEmpty()) {
      return List.of();
    }
    int best = scored.stream().mapToInt(Scored::distance).min().orElseThrow();
    return scored.stream().filter(s -> s.distance() == best).sorted(Comparator.comparing(Scored::name))
        .limit(MOST).map(Scored::name).toList();
  }

  /** Edits from one word to the other: insertions, deletions, substitutions, adjacent swaps. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
