package io.convosql.adapter.insights;

import io.convosql.core.exec.BoundScan;
import io.convosql.core.plan.Matches;
import io.convosql.core.plan.Operand;
import io.convosql.core.plan.Term;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What the pushed terms of a scan mean for the Insights API: the {@code filter_by} clauses, the
 * sessions to get by id, the bounds on session_start_time, and whether the API's hits are then exactly
 * the rows the terms allow. Built from bound terms to run and from unbound ones (parameters as
 * {@link Operand}s) to explain.
 */
final class SearchPlan {
  final List<Clause> must = new ArrayList<>();
  final List<Clause> mustNot = new ArrayList<>();
  final List<Clause> should = new ArrayList<>();
  /** Sessions pinned by id (strings, or operands when unbound), or null. */
  @Nullable Set<Object> ids;
  /** The inclusive lower bound on session_start_time in epoch ms (or an operand), or null. */
  @Nullable Object lower;
  /** The exclusive upper bound in epoch ms (or an operand), or null. */
  @Nullable Object upper;
  /** Whether the hits (within exact time bounds) are exactly the rows the terms allow. */
  boolean exact = true;
  /** Whether the terms contradict each other, so that no row can match. */
  boolean contradiction;
  /** The clauses left out so that the search's URL stays short enough ({@link UrlBudget}). */
  int leftOut;
  /**
   * Whether the ids are a batch of a join's keys searched in the bounds' windows ({@link #searchIds}):
   * bound, they stay {@link #ids} and {@link IdWindows} searches them; explained (correlation fields),
   * they are shown as the search's terms.
   */
  boolean keyBatch;

  private SearchPlan() {}

  /** The plan of a bound scan: its terms, searched for a batch of a join's keys as {@link #of} says. */
  static SearchPlan of(BoundScan scan, InsightsTable table) {
    return of(scan.terms(), table, scan.keyBatch());
  }

  /**
   * The plan of these terms; ids that are all correlation fields are a batch of a join's keys
   * (unbound: a plan explained), whose bound values come with {@link BoundScan#keyBatch()}.
   */
  static SearchPlan of(List<Term> terms, InsightsTable table) {
    return of(terms, table, false);
  }

  private static SearchPlan of(List<Term> terms, InsightsTable table, boolean keyBatch) {
    Map<Integer, Object> pins = new HashMap<>();
    for (Term t : terms) {
      List<Object> values = Term.equalities(t);
      if (values != null && values.size() == 1) {
        pins.putIfAbsent(t.column(), values.get(0));
      }
    }
    SearchPlan p = new SearchPlan();
    for (Term t : terms) {
      if (t.column() == InsightsTable.ID) {
        p.id(t);
      } else if (t.column() == InsightsTable.START) {
        p.start(t);
      } else {
        p.other(t, table.field(t.column(), pins));
      }
    }
    p.searchIds(keyBatch || p.ids != null && !p.ids.isEmpty() && p.ids.stream()
        .allMatch(v -> v instanceof Operand && ((Operand) v).correlationKey() != null),
        table.settings.idTermsIgnored());
    if (!table.sessionRows() || !p.should.isEmpty()) {
      // Child rows are filtered by session. ElasticSearch reads should as optional (it only scores)
      // next to a must or filter clause, and a service that adds its date range to the same bool
      // query (the natural way to merge filter_by) has one in every search: the hits may then be a
      // superset even though the document says otherwise, so they never bound a LIMIT, an OFFSET or
      // a COUNT(*).
      p.exact = false;
    }
    if (p.lower instanceof Long && p.upper instanceof Long && (Long) p.lower >= (Long) p.upper) {
      p.contradiction = true;
    }
    return p;
  }

  /**
   * A batch of a join's keys with a lower bound on session_start_time that does not pin one day is
   * searched in the range's windows: one search per window and group of keys, as many as the URL takes
   * ({@link IdWindows}: about 90 session ids, and at most a page), each session one hit, so one page
   * (a batch is {@code BatchJoinRule}'s 100 keys, one or two searches). Getting the keys instead would
   * cost a {@code /search/{id}} per key and, as soon as one is not found (the keys of a join's other
   * side often name no session of the range), the same windows on top: more, unless every key is a
   * session the search by id finds and the range has more windows than the batch has keys. Ids the
   * query wrote stay {@link #ids}: {@link ByIdReads} gets them, or searches them in the windows itself
   * when that takes fewer requests ({@link IdWindows#searches}), and gets those not yet found once a
   * search shows that the service does not narrow by them. A batch holding a key too long for a search
   * alone ({@link #searchable}), and any without a lower bound, is got by id.
   *
   * <p>A batch's keys are searched the same way ({@link IdWindows}, through {@link ByIdReads}): the
   * bound keys stay {@link #ids}, so that a search whose first page counts more sessions than keys (a
   * service that reads {@code should} as optional) ends there and the keys not yet found are got by
   * id; once the schema knows that ({@code idTermsIgnored}), a batch is got by id from the start.
   */
  private void searchIds(boolean keyBatch, boolean idTermsIgnored) {
    if (!keyBatch || ids == null || lower == null || ByIdReads.day(this) != null || contradiction
        || !eachSearchable(ids) || unknownBounds() || idTermsIgnored) {
      return; // bounds known only when the statement runs: the scan decides then (EXPLAIN says both)
    }
    this.keyBatch = true;
    if (ids.stream().anyMatch(v -> v instanceof Operand)) {
      // a plan explained: shown as the search each window gets, the keys alone ({@link #searching}:
      // any must_not is checked here, so that a key's session read ends its search)
      mustNot.clear();
      idsAsTerms();
    }
  }

  /**
   * Moves the ids into {@code filter_by}: one id as a {@code must} term next to the other clauses;
   * more (as many as one search of {@link IdWindows} takes) as the {@code should} list, alone with the
   * {@code must_not} clauses (next to {@code must}, ElasticSearch reads {@code should} as optional, and
   * the ids narrow more than any other clause): the other {@code must} and {@code should} clauses are
   * then checked here.
   */
  private void idsAsTerms() {
    if (ids.size() == 1) {
      must.add(0, Clause.term("id", text(ids.iterator().next())));
    } else {
      must.clear();
      should.clear();
      ids.forEach(v -> should.add(Clause.term("id", text(v))));
    }
    ids = null;
  }

  /**
   * The search in a window for sessions that {@code /search/{id}} did not find ({@link IdWindows}):
   * these ids, {@link #searchable} together, as terms alone (any other clause is checked here, so
   * that every hit shows its session found and no later window need be read for it). Its hits join
   * the sessions got by id, so the API applies no OFFSET and no page size to them.
   */
  SearchPlan searching(java.util.Collection<String> missing) {
    SearchPlan p = new SearchPlan();
    p.ids = new LinkedHashSet<>(missing);
    p.lower = lower;
    p.upper = upper;
    p.idsAsTerms();
    p.exact = false;
    return p;
  }

  /** Whether a bound on session_start_time is a parameter (a plan explained, not run). */
  boolean unknownBounds() {
    return lower instanceof Operand || upper instanceof Operand;
  }

  /**
   * The most ids one search sends as {@code should} terms: 50 session ids make a URL of about 4.5 KB,
   * 100 one past the 8 KB request line that nginx and most gateways take (the sandbox answers 414 past
   * it, as they do). A longer list of ids is got by id.
   */
  static final int MAX_SEARCHED_IDS = 50;

  /**
   * Whether ids are few and short enough to be searched as terms in one request: at most
   * {@link #MAX_SEARCHED_IDS}, whose values take no more of the URL, percent-encoded as sent, than as
   * many session ids do. Their terms then always fit ({@link UrlBudget} never leaves them out, which
   * would read every session of the windows); longer ones are got by id, where an id too long for any
   * URL costs no request. A parameter (explained, not run) counts as a session id.
   */
  static boolean searchable(Set<Object> ids) {
    long bytes = 0;
    for (Object v : ids) {
      bytes += v instanceof Operand ? ID_CHARS : encodedBytes(String.valueOf(v));
    }
    return ids.size() <= MAX_SEARCHED_IDS && bytes <= (long) MAX_SEARCHED_IDS * ID_CHARS;
  }

  /**
   * Whether each id fits a search alone ({@link #searchable}), so that {@link IdWindows} can search them
   * all in groups that each keep the URL within its budget.
   */
  static boolean eachSearchable(Set<Object> ids) {
    return ids.stream().allMatch(v -> searchable(Set.of(v)));
  }

  /** The bytes of a value in a URL: a letter, digit, '-', '.', '_' or '~' as is, any other byte as %XX. */
  private static long encodedBytes(String value) {
    long n = 0;
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      boolean plain = b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
          || b == '-' || b == '.' || b == '_' || b == '~';
      n += plain ? 1 : 3;
    }
    return n;
  }

  /**
   * Whether an IN list's values, as {@code should} terms, keep the search's URL within a request line
   * servers take: about as long as {@link #MAX_SEARCHED_IDS} session ids. A longer list is checked
   * here on the window's sessions instead of failing with 414.
   */
  private static boolean fitsOneUrl(List<Object> values) {
    long chars = 0;
    for (Object v : values) {
      chars += MARKUP_CHARS + (v instanceof Operand ? ID_CHARS : String.valueOf(v).length());
    }
    return chars <= MAX_SEARCHED_IDS * (MARKUP_CHARS + ID_CHARS);
  }

  /** The length of a session id, and of the JSON around one should term's value. */
  private static final int ID_CHARS = 36;
  private static final int MARKUP_CHARS = 30;

  /** The {@code filter_by} JSON, or null when nothing is filtered. */
  @Nullable String filterBy(List<Clause> extraMustNot) {
    List<Clause> not = new ArrayList<>(mustNot);
    not.addAll(extraMustNot);
    return Clause.filterBy(must, not, should);
  }

  private void id(Term t) {
    List<Object> values = Term.equalities(t);
    if (values != null) {
      Set<Object> next = new LinkedHashSet<>(values);
      boolean known = next.stream().noneMatch(v -> v instanceof Operand);
      if (ids != null && known && ids.stream().noneMatch(v -> v instanceof Operand)) {
        next.retainAll(ids); // parameters of an unbound scan cannot be intersected
      }
      contradiction |= next.isEmpty();
      ids = next;
    } else {
      other(t, DocField.id("id"));
    }
  }

  private void start(Term t) {
    if (t instanceof Term.Compare) {
      Term.Compare c = (Term.Compare) t;
      Object v = value(c.value());
      switch (c.op()) {
        case EQ:
          raiseLower(v);
          lowerUpper(plus(v, 1));
          return;
        case GT:
          raiseLower(plus(v, 1));
          return;
        case GE:
          raiseLower(v);
          return;
        case LT:
          lowerUpper(v);
          return;
        case LE:
          lowerUpper(plus(v, 1));
          return;
        default:
          exact = false;
          return;
      }
    }
    if (t instanceof Term.Ranges) {
      List<Term.Interval> intervals = ((Term.Ranges) t).intervals();
      boolean openBelow = false;
      boolean openAbove = false;
      long lo = Long.MAX_VALUE;
      long hi = Long.MIN_VALUE;
      for (Term.Interval i : intervals) {
        if (i.lower() == null) {
          openBelow = true;
        } else {
          lo = Math.min(lo, (Long) i.lower() + (i.lowerClosed() ? 0 : 1));
        }
        if (i.upper() == null) {
          openAbove = true;
        } else {
          hi = Math.max(hi, (Long) i.upper() + (i.upperClosed() ? 1 : 0));
        }
      }
      contradiction |= intervals.isEmpty();
      if (!openBelow && !intervals.isEmpty()) {
        raiseLower(lo);
      }
      if (!openAbove && !intervals.isEmpty()) {
        lowerUpper(hi);
      }
      exact &= intervals.size() == 1; // the hull of several intervals is looser than the term
      return;
    }
    if (!(t instanceof Term.IsNull && ((Term.IsNull) t).negated())) {
      exact = false; // IS NOT NULL always holds for a windowed hit; anything else is checked locally
    }
  }

  private void other(Term t, @Nullable DocField field) {
    if (field == DocField.IMPLIED) {
      return;
    }
    if (field == null) {
      exact = false;
      return;
    }
    if (t instanceof Term.Call) {
      Term.Call call = (Term.Call) t;
      exact = false;
      if (field.match() && call.function().equals("matches") && call.arguments().size() == 1) {
        Object words = value(call.arguments().get(0));
        if (words instanceof Operand || Matches.searchable(String.valueOf(words))) {
          must.add(Clause.match(field.path(), words));
        }
      }
      return;
    }
    List<Object> values = Term.equalities(t);
    if (values != null && field.json() && !values.stream().allMatch(SearchPlan::plainText)) {
      exact = false; // an object or a list reads as this JSON text, which neither term nor match finds
      return;
    }
    if (!field.term() && field.match() && values != null) {
      exact = false; // match on the value's words: every equal value matches, and others may
      if (!values.isEmpty() && values.stream().allMatch(SearchPlan::hasWords)) {
        if (values.size() == 1) {
          must.add(Clause.match(field.path(), text(values.get(0))));
        } else if (should.isEmpty() && fitsOneUrl(values)) {
          values.forEach(v -> should.add(Clause.match(field.path(), text(v))));
        }
      }
      return;
    }
    if (field.term() && values != null) {
      if (values.size() == 1) {
        must.add(Clause.term(field.path(), text(values.get(0))));
      } else if (should.isEmpty() && !values.isEmpty() && fitsOneUrl(values)) {
        values.forEach(v -> should.add(Clause.term(field.path(), text(v))));
      } else {
        exact = false; // the API takes one should list; this IN list is checked locally
      }
      return;
    }
    exact = false;
    if (field.term() && field.scalar()) {
      for (Object v : negatedValues(t)) {
        mustNot.add(Clause.term(field.path(), text(v)));
      }
    }
  }

  /**
   * A value that cannot be the JSON text of an object or a list. A parameter (explained, not run) is
   * shown as sent: the plan that runs is made from its bound value.
   */
  static boolean plainText(@Nullable Object v) {
    if (v instanceof Operand) {
      return true;
    }
    String s = String.valueOf(v).strip();
    return !s.startsWith("[") && !s.startsWith("{");
  }

  /**
   * A value that a match on its own text finds ({@link Matches#findsItself}: a word, and a letter or
   * digit); match finds nothing for a value without words (the service's analyser leaves no token to
   * search), so such a value stays a local check. A parameter is shown as sent, as in
   * {@link #plainText}.
   */
  private static boolean hasWords(Object v) {
    return v instanceof Operand || Matches.findsItself(String.valueOf(v));
  }

  /** The values of {@code <>} or {@code NOT IN}: must_not narrows, NULLs stay a local check. */
  private static List<Object> negatedValues(Term t) {
    List<Object> out = new ArrayList<>();
    if (t instanceof Term.Compare && ((Term.Compare) t).op() == Term.Op.NE) {
      out.add(value(((Term.Compare) t).value()));
    } else if (t instanceof Term.InList && ((Term.InList) t).negated()) {
      ((Term.InList) t).values().forEach(o -> out.add(value(o)));
    }
    return out;
  }

  private static Object value(Operand o) {
    return o.isParameter() ? o : o.literalValue();
  }

  /** A term value as the API compares it: text (numbers and booleans by their JSON text). */
  private static Object text(Object v) {
    return v instanceof Operand ? v : String.valueOf(v);
  }

  private static Object plus(Object v, long ms) {
    return v instanceof Long ? (Object) ((Long) v + ms) : v;
  }

  private void raiseLower(Object v) {
    lower = lower instanceof Long && v instanceof Long ? (Object) Math.max((Long) lower, (Long) v) : v;
  }

  private void lowerUpper(Object v) {
    upper = upper instanceof Long && v instanceof Long ? (Object) Math.min((Long) upper, (Long) v) : v;
  }
}
