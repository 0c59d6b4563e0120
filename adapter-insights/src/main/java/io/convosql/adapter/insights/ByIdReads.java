package io.convosql.adapter.insights;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.core.exec.BoundScan;
import io.convosql.core.exec.OrderedRequests;
import io.convosql.core.exec.RowSource;
import io.convosql.core.exec.Streams;
import io.convosql.core.http.Futures;
import io.convosql.core.json.AnswerPlace;
import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Runs a scan whose ids are pinned by getting each session directly, up to maxConcurrentRequests at
 * once: by its day when the query's bounds on session_start_time fall inside one UTC day, otherwise
 * with the slower search by id, and then, for the ids it answers 404 for, when the query has a lower
 * bound, a search of the bounds' windows ({@link IdWindows}). When searching those windows for all
 * the ids at once takes fewer requests than a get per id, or the ids are a batch of a join's keys
 * ({@link SearchPlan#keyBatch}), they are searched instead, unless a search shows that the service does
 * not narrow by them: the ids not found yet are then got as above.
 */
final class ByIdReads {
  private ByIdReads() {}

  /** The day to get sessions by, when the bounds lie inside one UTC day; null otherwise. */
  static @Nullable String day(SearchPlan plan) {
    if (plan.lower instanceof Long && plan.upper instanceof Long) {
      long from = (Long) plan.lower;
      long to = (Long) plan.upper;
      if (to > from && IsoTimes.epochDay(from) == IsoTimes.epochDay(to - 1)) {
        return IsoTimes.day(from);
      }
    }
    return null;
  }

  /** The endpoint {@link InsightsApi#session} gets a session from, for naming it in errors. */
  static String path(String id, @Nullable String day) {
    return day != null ? InsightsApi.sessionPath(id) + "/parameters"
        : InsightsApi.SEARCH + "/search/" + id;
  }

  /** One get's answer: the documents, or null when the API answered 404. */
  private record Got(String id, @Nullable List<JsonNode> docs) {}

  static RowSource open(InsightsTable table, BoundScan scan, SearchPlan plan) {
    List<Object[]> rows = new ArrayList<>();
    List<String> ids = plan.ids.stream().map(id -> (String) id).toList();
    if (IdWindows.searches(table, scan, plan) >= 0) {
      IdWindows.Found found = IdWindows.searched(table, scan, plan);
      if (found.unsearched().isEmpty()) {
        return sorted(found.rows(), scan);
      }
      rows.addAll(found.rows()); // the service does not narrow by the ids: the rest are got
      ids = found.unsearched();
      // known only now: the gets are asked of the budget before any is sent, as a statement after
      // this one counts them in its estimate
      long gets = ids.stream().filter(id -> table.settings.api.sendable(id, day(plan))).count();
      scan.checkMore(gets, "the service does not narrow a search by ids (its first page counted more"
          + " sessions than ids): getting the " + (gets == 1 ? "id" : gets + " ids") + " not yet found",
          table.narrowing(), InsightsApi.SPEC.name(), "GET", path("{id}", day(plan)));
    }
    String day = day(plan);
    List<String> missing = new ArrayList<>();
    // up to maxConcurrentRequests gets at once, read in the order of the ids
    try (OrderedRequests<String, Got> gets = new OrderedRequests<>(ids.iterator(),
        id -> Futures.map(table.settings.api.sessionAsync(id, day, scan), docs -> new Got(id, docs)),
        table.settings.api.http().maxConcurrent(), -1, scan)) {
      while (gets.hasNext()) {
        Got got = gets.next();
        if (got.docs() == null) {
          missing.add(got.id());
          continue;
        }
        AnswerPlace place = DocValues.place(path(got.id(), day));
        for (JsonNode doc : got.docs()) {
          rows.addAll(table.rows(doc, scan, place));
        }
      }
    }
    if (!missing.isEmpty() && day == null && plan.lower instanceof Long) {
      rows.addAll(IdWindows.rows(table, scan, plan, missing));
    }
    return sorted(rows, scan);
  }

  private static RowSource sorted(List<Object[]> rows, BoundScan scan) {
    if (!scan.sort().isEmpty()) {
      rows = new ArrayList<>(rows);
      rows.sort(Streams.comparator(scan.sort()));
    }
    return RowSource.of(rows.iterator());
  }
}
