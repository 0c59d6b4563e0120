package io.convosql.adapter.insights;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Keeps a search's request target (path and query, percent-encoded as sent) within
 * {@link #MAX_TARGET_BYTES}: a longer one is refused with 414 by nginx (whose request line buffer is
 * 8 KB by default) and by most gateways. Every value of {@code filter_by} goes in the URL, and
 * percent-encoding triples each byte that is not a plain letter, digit or mark (a character of CJK
 * text is 3 bytes of UTF-8, 9 in the URL), so a long value, or many terms, can pass it. The clauses
 * that do not fit are left out of the search and checked here on the window's sessions instead (the
 * scan checks every row in any case), so the plan's hits are then no longer exact.
 *
 * <p>The clauses kept are those that narrow most, as far as that can be told without the data: the
 * must terms (exact values), then the should list (all of it or none, since it is one disjunction),
 * then the must matches (words), then the must_not terms (each excludes one value); each in the query's
 * order, skipping one that does not fit for a later one that may.
 */
final class UrlBudget {
  /**
   * The longest request target sent: nginx's default request line buffer is 8,192 bytes, which also
   * holds the method and the protocol.
   */
  static final int MAX_TARGET_BYTES = 8000;

  /**
   * The longest a window's dates are written ({@link IsoTimes}: microseconds shown), and the must_not
   * terms on them that an OFFSET or a count adds ({@link Paging#boundaries}): room is kept for both.
   */
  private static final Window LONGEST_DATES = new Window(1, 2);
  private static final String LONGEST_PAGE_NUMBER = Long.toString(Long.MAX_VALUE);

  private UrlBudget() {}

  /**
   * Leaves out of {@code plan} the clauses that would take a search with this order and projection
   * past {@link #MAX_TARGET_BYTES}; counts them in {@link SearchPlan#leftOut}.
   */
  static void fit(SearchPlan plan, InsightsApi api, @Nullable String sortBy, @Nullable String project) {
    Request r = new Request(api, sortBy, project);
    if (r.fits(plan.must, plan.mustNot, plan.should)) {
      return;
    }
    int before = plan.must.size() + plan.mustNot.size() + plan.should.size();
    List<Clause> must = new ArrayList<>();
    List<Clause> mustNot = new ArrayList<>();
    List<Clause> should = new ArrayList<>();
    boolean[] keptMust = new boolean[plan.must.size()];
    for (int i = 0; i < keptMust.length; i++) {
      if (plan.must.get(i).kind().equals("term")) {
        keptMust[i] = r.fits(plus(must, plan.must.get(i)), mustNot, should);
        if (keptMust[i]) {
          must.add(plan.must.get(i));
        }
      }
    }
    if (r.fits(must, mustNot, plan.should)) {
      should.addAll(plan.should);
    }
    for (int i = 0; i < keptMust.length; i++) {
      if (!plan.must.get(i).kind().equals("term")) {
        keptMust[i] = r.fits(plus(must, plan.must.get(i)), mustNot, should);
        if (keptMust[i]) {
          must.add(plan.must.get(i));
        }
      }
    }
    for (Clause c : plan.mustNot) {
      if (r.fits(must, plus(mustNot, c), should)) {
        mustNot.add(c);
      }
    }
    List<Clause> inOrder = new ArrayList<>();
    for (int i = 0; i < keptMust.length; i++) {
      if (keptMust[i]) {
        inOrder.add(plan.must.get(i));
      }
    }
    plan.must.clear();
    plan.must.addAll(inOrder);
    plan.mustNot.clear();
    plan.mustNot.addAll(mustNot);
    plan.should.clear();
    plan.should.addAll(should);
    plan.leftOut += before - plan.must.size() - plan.mustNot.size() - plan.should.size();
    plan.exact = false;
  }

  /** Whether a search with this plan's clauses, order and projection stays within the limit as it is. */
  static boolean fits(SearchPlan plan, InsightsApi api, @Nullable String sortBy, @Nullable String project) {
    return new Request(api, sortBy, project).fits(plan.must, plan.mustNot, plan.should);
  }

  private static List<Clause> plus(List<Clause> list, Clause c) {
    List<Clause> out = new ArrayList<>(list);
    out.add(c);
    return out;
  }

  /** What EXPLAIN adds when clauses were left out. */
  static String explain(SearchPlan plan) {
    return plan.leftOut == 0 ? "" : "; " + plan.leftOut + (plan.leftOut == 1 ? " filter term" : " filter terms")
        + " left out of filter_by (with " + (plan.leftOut == 1 ? "it" : "them") + " the URL would pass "
        + MAX_TARGET_BYTES + " bytes) and checked here";
  }

  /** The search requests of one scan, measured as sent to this API's root. */
  private record Request(InsightsApi api, @Nullable String sortBy, @Nullable String project) {
    boolean fits(List<Clause> must, List<Clause> mustNot, List<Clause> should) {
      List<Clause> not = new ArrayList<>(mustNot);
      not.addAll(Paging.boundaries(LONGEST_DATES));
      String date = IsoTimes.from(LONGEST_DATES.from());
      Map<String, String> params = new SearchShape(sortBy, Clause.filterBy(must, not, should), project)
          .params(date, date, LONGEST_PAGE_NUMBER, Integer.toString(InsightsApi.MAX_PAGE));
      return api.targetBytes(InsightsApi.SEARCH, params) <= MAX_TARGET_BYTES;
    }
  }
}
