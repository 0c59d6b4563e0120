package io.convosql.adapter.insights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.convosql.core.exec.BoundScan;
import io.convosql.core.exec.RowSource;
import io.convosql.core.json.AnswerPlace;
import io.convosql.core.json.BadAnswer;
import io.convosql.core.plan.ApiTable;
import io.convosql.core.plan.KeyBatches;
import io.convosql.core.plan.Pushdown;
import io.convosql.core.plan.ScanSpec;
import io.convosql.core.plan.SharedKey;
import io.convosql.core.plan.SortKey;
import io.convosql.core.plan.Term;
import io.convosql.core.plan.RequestEstimate;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A table read from Insights session documents; column 0 is the session id and column 1 its start
 * time. Evaluable terms are taken exactly (the scan re-checks them on every row) and narrow the
 * search where the API can express them; {@code matches()} is pushed as a looser full-text match.
 * A scan gets pinned sessions by id and otherwise searches time windows.
 */
abstract class InsightsTable extends ApiTable {
  static final int ID = 0;
  static final int START = 1;
  /** The {@code sort_by} of a search that no ORDER BY is pushed into. */
  static final String UNORDERED = "session_start_time:asc,id:asc";
  /** The key that ends a pushed order without the id, so that no two sessions tie. */
  static final String TIEBREAK = "id:asc";

  final ScanSettings settings;
  /** {@link IdWindows#searchesPerWindow}, worked out once per order, projection and batch size. */
  final Map<String, Integer> batchSearches = new ConcurrentHashMap<>();
  private final List<Attribute> attributes;

  InsightsTable(String name, String description, List<Attribute> attributes, ScanSettings settings,
      boolean pushdown) {
    super(name, description, attributes.stream().map(Attribute::column).collect(Collectors.toList()),
        pushdown);
    this.attributes = List.copyOf(attributes);
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  Attribute attribute(int column) {
    return attributes.get(column);
  }

  /**
   * The field a filter on a column searches; {@code pins} holds the single values that equalities
   * pin other columns to (values, or operands when unbound), for fields that depend on them.
   */
  @Nullable DocField field(int column, Map<Integer, Object> pins) {
    return attributes.get(column).field();
  }

  /** The document subtrees the used columns need besides id and start time, or null for all of it. */
  abstract @Nullable List<String> subtrees(BitSet used);

  /** The table's rows in one session document of a search answer. */
  final List<Object[]> rows(JsonNode doc, BoundScan scan) {
    return rows(doc, scan, DocValues.place(InsightsApi.SEARCH));
  }

  /**
   * The table's rows in one session document, read at {@code place} in an answer: errors name that
   * endpoint, and the session by its id.
   */
  abstract List<Object[]> rows(JsonNode doc, BoundScan scan, AnswerPlace place);

  /** The place of a session document's fields in errors: its endpoint, and its id. */
  static AnswerPlace session(JsonNode doc, AnswerPlace place) {
    JsonNode id = doc.get("id");
    return place.owned(id == null || id.isNull() ? " of a session without an id"
        : " of session " + BadAnswer.show(id));
  }

  /** Whether each row is one session, so that the API's hits can be the answer exactly. */
  boolean sessionRows() {
    return false;
  }

  @Override
  public Pushdown pushdown(Term term, ScanSpec spec) {
    if (term.evaluable()) {
      return Pushdown.EXACT; // re-checked on every row; narrows the search where the API can
    }
    DocField f = attribute(term.column()).field(); // whether it is sent depends on the pins (SearchPlan)
    boolean matches = term instanceof Term.Call && ((Term.Call) term).function().equals("matches")
        && ((Term.Call) term).arguments().size() == 1;
    return matches && f != null && f.match() ? Pushdown.SUPERSET : Pushdown.NONE;
  }

  /**
   * The API answers only within a date window, so even with pushdown off the scan takes the query's
   * bounds on session_start_time (Calcite still checks them); otherwise it would read only the
   * lookback window and answer differently.
   */
  @Override
  public Pushdown requiredPushdown(Term term) {
    boolean range = term instanceof Term.Ranges
        || term instanceof Term.Compare && ((Term.Compare) term).op() != Term.Op.NE;
    return term.column() == START && range ? Pushdown.SUPERSET : Pushdown.NONE;
  }

  @Override
  public boolean countable(ScanSpec spec) {
    return WindowCounts.countable(this, spec);
  }

  @Override
  public long count(BoundScan scan) {
    return WindowCounts.count(this, scan);
  }

  /**
   * Batches of a join's keys on the session id, when the scan has a lower bound on
   * session_start_time and no other clause: each batch is then one search per window of the range,
   * with the batch's ids as {@code should} terms. Without a bound a batch would be a get per key,
   * more requests than one scan of the lookback window. Only when the batches are expected to cost
   * no more requests than one scan of the range ({@link KeyBatchCost}).
   */
  @Override
  public boolean takesKeyBatches(int column, ScanSpec spec, KeyBatches batches) {
    SearchPlan plan = SearchPlan.of(spec.terms(), this);
    return column == ID && plan.lower != null && plan.ids == null && plan.must.isEmpty()
        && plan.should.isEmpty() && !plan.contradiction && ByIdReads.day(plan) == null
        && KeyBatchCost.cheaper(this, plan, spec, batches);
  }

  /**
   * Every Insights table is led by a session's id and its start time, the same in each table: a join
   * on the id carries bounds on the start time from one table to the other, so that both read the
   * same windows ({@link io.convosql.core.plan.KeyedBounds}).
   */
  @Override
  public SharedKey sharedKey() {
    return SESSION;
  }

  private static final SharedKey SESSION = new SharedKey("insights session", ID, Map.of(START, "session_start_time"));

  /** The session id and start time are in every document a search or get returns. */
  @Override
  public boolean neverNull(int column) {
    return column == ID || column == START;
  }

  @Override
  public String explain(ScanSpec spec) {
    return InsightsExplain.explain(this, spec);
  }

  /**
   * Without a LIMIT a search reads every window of the range, one request at least each: known
   * before the first is sent. Ids are one get each (those that can be sent), or, when fewer, the
   * searches of the bounds' windows for all of them; the windows searched for those the search by id
   * does not find are counted once the gets have shown which ({@link IdWindows}).
   */
  @Override
  public RequestEstimate estimate(BoundScan scan) {
    SearchPlan plan = SearchPlan.of(scan, this);
    if (plan.contradiction) {
      return null;
    }
    if (plan.ids != null) {
      long searches = IdWindows.searches(this, scan, plan);
      if (searches >= 0) {
        return new RequestEstimate(searches, "Insights", "GET", InsightsApi.SEARCH);
      }
      String day = ByIdReads.day(plan);
      long gets = plan.ids.stream().filter(id -> settings.api.sendable((String) id, day)).count();
      return new RequestEstimate(gets, "Insights", "GET", ByIdReads.path("{id}", day));
    }
    if (scan.needed() >= 0) {
      return null;
    }
    Window range = settings.range(plan, settings.now(scan.bypassCache()));
    return range.empty() ? null
        : new RequestEstimate(range.split(false).size(), "Insights", "GET", InsightsApi.SEARCH);
  }

  @Override
  public String narrowing() {
    return "narrow session_start_time (each " + Window.MAX_DAYS + "-day window costs a request at least),"
        + " filter on id, or add a LIMIT";
  }

  /**
   * The columns whose values the document lists (by index), each value as SQL reads it and as the API
   * takes it; none by default. A value spelt otherwise gets a warning ({@link ScanSettings#warnSpelling}).
   */
  java.util.Map<Integer, java.util.Map<String, String>> documentedValues() {
    return java.util.Map.of();
  }

  @Override
  public RowSource open(BoundScan scan) {
    settings.warnSpelling(scan.context(), this, scan.terms());
    SearchPlan plan = SearchPlan.of(scan, this);
    if (plan.contradiction) {
      return RowSource.of(Collections.emptyIterator());
    }
    if (plan.ids != null) {
      return ByIdReads.open(this, scan, plan);
    }
    Window range = settings.range(plan, settings.now(scan.bypassCache()));
    if (plan.lower == null) {
      settings.warnLookback(scan.context(), name(), range);
    }
    if (range.empty()) {
      return RowSource.of(Collections.emptyIterator());
    }
    return WindowScan.open(this, scan, plan, range);
  }

  /**
   * The {@code sort_by} of a search whose hits are read: a total order, since the API promises no
   * order without one and ElasticSearch's replicas order tied hits each their own way, so that the
   * pages of one search would otherwise repeat some sessions and skip others. A pushed order is
   * followed by the session id unless it already holds it; with no order pushed, the oldest session
   * first then by id ({@value #UNORDERED}): a session stored while a window is paged (a new one) then
   * joins its end instead of shifting the pages not yet read, as newest first would. One stored late
   * with an earlier start still shifts them by a place; {@link WindowPages} drops the hits the page
   * before held.
   */
  String sortBy(List<SortKey> keys) {
    if (keys.isEmpty()) {
      return UNORDERED;
    }
    String pushed = keys.stream()
        .map(k -> attributes.get(k.column()).read() + (k.descending() ? ":desc" : ":asc"))
        .collect(Collectors.joining(","));
    return keys.stream().anyMatch(k -> k.column() == ID) ? pushed : pushed + "," + TIEBREAK;
  }

  /**
   * The {@code project_fields} JSON for the used columns, or null to get whole documents (always,
   * with pushdown off: the columns a query reads are narrowed then too, but the API is not asked to).
   */
  @Nullable String projectFields(BitSet used) {
    List<String> trees = pushdownEnabled() ? subtrees(used) : null;
    if (trees == null) {
      return null;
    }
    ArrayNode list = JsonNodeFactory.instance.arrayNode().add("id").add("session_start_time");
    trees.forEach(list::add);
    return list.toString();
  }
}
