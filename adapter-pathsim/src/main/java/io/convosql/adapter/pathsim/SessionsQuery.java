package io.convosql.adapter.pathsim;

import static io.convosql.adapter.pathsim.SessionColumns.CONNECTED;
import static io.convosql.adapter.pathsim.SessionColumns.ID;
import static io.convosql.adapter.pathsim.SessionColumns.OBJECTIVE;
import static io.convosql.adapter.pathsim.SessionColumns.SOURCE;
import static io.convosql.adapter.pathsim.SessionColumns.STARTED_AT;
import static io.convosql.adapter.pathsim.SessionColumns.TARGET;
import static io.convosql.adapter.pathsim.SessionColumns.TEST_TYPE;
import static io.convosql.adapter.pathsim.SessionColumns.VIRTUAL_CUSTOMER;
import static io.convosql.adapter.pathsim.SessionColumns.WORKSPACE_ID;

import io.convosql.core.plan.Operand;
import io.convosql.core.plan.Term;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What the pushed terms of a sessions scan mean for the PathSim API: which workspaces to read (or
 * which sessions to get by id), the list parameters (type, source, objective, connected, search,
 * created_from/created_to) and whether the API's list is then exactly the answer. Built from bound
 * terms to run, and from unbound terms (parameters still {@code ?N}) to explain.
 */
final class SessionsQuery {
  /** SQL value → API value of each value-mapped parameter, as the document lists them. */
  static final Map<String, String> TYPE = Map.of("Voice", "voice", "Web", "web");
  static final Map<String, String> SOURCES = Map.of("Campaign", "Campaign", "Ad-hoc", "Ad-hoc");
  static final Map<String, String> OBJECTIVES = Map.of("Achieved", "achieved", "Not Achieved", "not_achieved");
  static final Map<String, String> CONNECTIONS = Map.of("Connected", "connected", "Failed", "failed",
      "System Error", "system_error", "In Progress", "in_progress");
  /** By column: the values above, and the list parameter each column is sent as. */
  static final Map<Integer, Map<String, String>> DOCUMENTED = Map.of(TEST_TYPE, TYPE, SOURCE, SOURCES,
      OBJECTIVE, OBJECTIVES, CONNECTED, CONNECTIONS);
  static final Map<Integer, String> PARAMS = Map.of(TEST_TYPE, "type", SOURCE, "source",
      OBJECTIVE, "objective", CONNECTED, "connected");

  /** Workspaces to read, or null for all; values are strings or (unbound) operands. */
  @Nullable Set<Object> workspaces;
  /** Sessions pinned by id, or null. */
  @Nullable Set<Object> ids;
  /** type/source/objective/connected/search → API value (string, or operand when unbound). */
  final Map<String, Object> params = new LinkedHashMap<>();
  /** Bounds on started_at: epoch millis, or operands when unbound. */
  @Nullable Object lower;
  @Nullable Object upper;
  /** Whether the API's list (before objective/connected) is exactly the rows the terms allow. */
  boolean exact = true;
  /** Whether objective or connected is sent (the API applies them after cutting each page). */
  boolean calculated;
  /** Whether the terms contradict each other, so no row can match. */
  boolean contradiction;

  private SessionsQuery() {}

  static SessionsQuery of(List<Term> terms) {
    SessionsQuery q = new SessionsQuery();
    terms.forEach(q::add);
    if (q.lower instanceof Long && q.upper instanceof Long && (Long) q.lower > (Long) q.upper) {
      q.contradiction = true;
    }
    return q;
  }

  private void add(Term t) {
    switch (t.column()) {
      case WORKSPACE_ID:
        workspaces = pin(workspaces, t);
        break;
      case ID:
        ids = pin(ids, t);
        exact = false; // in a list scan the ids are checked locally
        break;
      case TEST_TYPE:
      case SOURCE:
        mapped(t);
        break;
      case OBJECTIVE:
      case CONNECTED:
        calculated |= mapped(t);
        break;
      case VIRTUAL_CUSTOMER:
      case TARGET:
        exact = false;
        Object text = searchText(t);
        if (text != null) {
          params.putIfAbsent("search", text);
        }
        break;
      case STARTED_AT:
        exact = false;
        bound(t);
        break;
      default:
        exact = false;
        break;
    }
  }

  /** Intersects the pinned set with an equality or IN term; other terms are checked locally. */
  private @Nullable Set<Object> pin(@Nullable Set<Object> current, Term t) {
    List<Object> values = equalities(t);
    if (values == null) {
      exact = false;
      return current;
    }
    Set<Object> next = new LinkedHashSet<>(values);
    if (current != null) {
      next.retainAll(current);
    }
    if (next.isEmpty()) {
      contradiction = true;
    }
    return next;
  }

  /** Sends a value-mapped parameter for one documented value; returns whether it was sent. */
  private boolean mapped(Term t) {
    String param = PARAMS.get(t.column());
    Map<String, String> values = DOCUMENTED.get(t.column());
    List<Object> eq = equalities(t);
    if (eq == null || eq.size() != 1 || params.containsKey(param)) {
      exact = false;
      return false;
    }
    Object v = eq.get(0);
    Object api = v instanceof Operand ? v : values.get(v);
    if (api == null) {
      exact = false; // not a documented value: checked locally only
      return false;
    }
    params.put(param, api);
    if (v instanceof Operand) {
      exact = false; // the value is known only when the statement runs
    }
    return true;
  }

  /**
   * Whether a pinned id can go into a request path as one segment: not empty, not {@code .} or
   * {@code ..}, without {@code /}. Any other value would reach another endpoint ({@code x/recording})
   * or another session ({@code x/../id}); it names nothing the API can give by id, so it is left out.
   */
  static boolean pathSegment(Object id) {
    String s = id.toString();
    return !s.isEmpty() && !s.equals(".") && !s.equals("..") && s.indexOf('/') < 0;
  }

  private static @Nullable List<Object> equalities(Term t) {
    return Term.equalities(t);
  }

  private static Object value(Operand o) {
    return o.isParameter() ? o : o.literalValue();
  }

  /** The text of {@code = 'x'} or {@code LIKE '%x%'} for the API's search, when it has one. */
  private static @Nullable Object searchText(Term t) {
    if (t instanceof Term.Compare && ((Term.Compare) t).op() == Term.Op.EQ) {
      Object v = value(((Term.Compare) t).value());
      return v instanceof String text ? searchable(text) : v;
    }
    if (t instanceof Term.Like) {
      String text = LikeText.of(((Term.Like) t).pattern(), ((Term.Like) t).escape());
      return text == null ? null : searchable(text);
    }
    return null;
  }

  /** What a service that searches with an unescaped regular expression reads as its syntax. */
  private static final String REGEX_SYNTAX = "\\^$|?*+()[]{}";

  /**
   * The longest run of {@code text} without regular-expression syntax ({@code .} stays: read as a
   * wildcard it only finds more), or null when no such run has more than blanks. The document calls
   * {@code search} a search "in agent names or targets" and does not say how it reads its value; a
   * substring of the text finds a superset of what the text finds under a plain substring search,
   * and also under one that takes the value as a regular expression, where {@code +18316561725} (a
   * Target as the document writes it) is an error and {@code a{2}} or {@code x$y} find other sessions.
   */
  static @Nullable String searchable(String text) {
    int bestStart = 0;
    int bestEnd = 0;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || REGEX_SYNTAX.indexOf(text.charAt(i)) >= 0) {
        if (i - start > bestEnd - bestStart) {
          bestStart = start;
          bestEnd = i;
        }
        start = i + 1;
      }
    }
    String run = text.substring(bestStart, bestEnd);
    return run.isBlank() ? null : run;
  }

  private void bound(Term t) {
    if (t instanceof Term.Compare) {
      Term.Compare c = (Term.Compare) t;
      Object v = value(c.value());
      switch (c.op()) {
        case EQ:
          lower = max(lower, v);
          upper = min(upper, v);
          break;
        case GT:
        case GE:
          lower = max(lower, v);
          break;
        case LT:
        case LE:
          upper = min(upper, v);
          break;
        default:
          break;
      }
    } else if (t instanceof Term.Ranges && !((Term.Ranges) t).orNull()) {
      // With "OR started_at IS NULL" no date is sent: the API does not say whether its date filter
      // keeps a session without a Time, so the range is only checked on each row.
      Object lo = null;
      Object hi = null;
      boolean unboundedLow = false;
      boolean unboundedHigh = false;
      for (Term.Interval i : ((Term.Ranges) t).intervals()) {
        unboundedLow |= i.lower() == null;
        unboundedHigh |= i.upper() == null;
        lo = i.lower() == null ? lo : lo == null ? i.lower() : Math.min((Long) lo, (Long) i.lower());
        hi = i.upper() == null ? hi : hi == null ? i.upper() : Math.max((Long) hi, (Long) i.upper());
      }
      if (!unboundedLow && lo != null) {
        lower = max(lower, lo);
      }
      if (!unboundedHigh && hi != null) {
        upper = min(upper, hi);
      }
    }
  }

  private static Object max(@Nullable Object a, Object b) {
    return a instanceof Long && b instanceof Long ? (Object) Math.max((Long) a, (Long) b) : b;
  }

  private static Object min(@Nullable Object a, Object b) {
    return a instanceof Long && b instanceof Long ? (Object) Math.min((Long) a, (Long) b) : b;
  }

  /**
   * The list filters as API parameters. Dates are widened to whole days with a day's margin on each
   * side (created_from = the day before the lower bound, created_to = two days after the upper
   * bound's day), so the list is a superset whatever time zone or inclusiveness the API uses for its
   * day boundaries; the exact range is checked on every row.
   */
  Map<String, String> listParams() {
    Map<String, String> out = new LinkedHashMap<>();
    params.forEach((k, v) -> out.put(k, v.toString()));
    if (lower != null) {
      out.put("created_from", day(lower, -1));
    }
    if (upper != null) {
      out.put("created_to", day(upper, 2));
    }
    return out;
  }

  private static String day(Object bound, int shift) {
    if (bound instanceof Long) {
      return LocalDate.ofInstant(java.time.Instant.ofEpochMilli((Long) bound), ZoneOffset.UTC)
          .plusDays(shift).toString();
    }
    return "day(" + bound + ")" + (shift < 0 ? "" : "+") + shift;
  }
}
