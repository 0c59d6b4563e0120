package io.convosql.adapter.insights;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import io.convosql.core.exec.ScanCancelledException;
import io.convosql.core.http.ApiException;
import io.convosql.core.http.CacheControl;
import io.convosql.core.http.Cancellation;
import io.convosql.core.http.HttpSettings;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Deletes the sessions a DELETE selected, one request each. A DELETE is never repeated blindly: when
 * one gets no answer (a timeout, a cut connection) or a "try again" status, the session is looked up
 * first, and the DELETE is sent again only if the session is still there; a session already gone
 * counts as deleted. An answer with a success status whose body says the deletion failed
 * ({@link DeleteAnswer}) is a failure, not a deletion. A failure says how many sessions, and which,
 * were deleted before it. A
 * statement the guard refused fails here before its rows are read, so before any request, as a
 * read-only write (25006). Public only
 * because generated code calls it.
 */
public final class SessionDeleter {
  private final InsightsApi api;
  private final int idField;
  private final int startField;
  private final @Nullable String refusal;

  SessionDeleter(InsightsApi api, int idField, int startField, @Nullable String refusal) {
    this.api = Objects.requireNonNull(api, "api");
    this.refusal = refusal;
    if (idField < 0 || startField < 0) {
      throw new IllegalArgumentException("a DELETE's rows need id and session_start_time");
    }
    this.idField = idField;
    this.startField = startField;
  }

  /** Deletes the sessions of the rows; the result is the count, as a bare value or a one-field row. */
  public static Enumerable<Object> run(SessionDeleter deleter, Enumerable<Object[]> rows,
      DataContext context, boolean arrayRow) {
    if (deleter.refusal != null) {
      // a write the table cannot take: the driver gives the user the SQLState of the cause, 25006
      throw new IllegalStateException(deleter.refusal, new SQLException(deleter.refusal, "25006"));
    }
    Map<Object, Object[]> sessions = new LinkedHashMap<>();
    for (Object[] row : rows) {
      sessions.putIfAbsent(row[deleter.idField], row); // one request per session, however often it is selected
    }
    long count = deleter.delete(List.copyOf(sessions.values()), context);
    return Linq4j.singletonEnumerable(arrayRow ? new Object[] {count} : (Object) count);
  }

  private long delete(List<Object[]> sessions, DataContext context) {
    long deleted = 0;
    List<String> deletedIds = new ArrayList<>();
    for (Object[] row : sessions) {
      AtomicBoolean cancel = DataContext.Variable.CANCEL_FLAG.get(context);
      if (cancel != null && cancel.get()) {
        throw new ScanCancelledException("the statement was cancelled after " + deleted + " of "
            + sessions.size() + " sessions were deleted");
      }
      String id = (String) row[idField];
      Object start = row[startField];
      if (start == null) {
        throw InsightsApi.dataError("session_start_time", "is missing from session " + id
            + ", which the DELETE needs; " + deleted + " sessions were deleted before it");
      }
      try {
        if (deleteChecked(id, (Long) start, cancellation(context))) {
          deleted++;
          deletedIds.add(id);
        }
      } catch (DeleteAnswer.Refused e) {
        throw refused(e, id, deletedIds, sessions.size());
      } catch (ApiException e) {
        throw failed(e, id, deletedIds, sessions.size());
      }
    }
    return deleted;
  }

  /**
   * Sends the DELETE; after an attempt whose outcome is unknown, GETs the session and sends it again
   * only if the session is still there, with the API's retry settings (attempts, backoff, budget).
   */
  private boolean deleteChecked(String id, long startMillis, Cancellation cancellation) {
    String start = IsoTimes.format(startMillis * 1000);
    String day = IsoTimes.day(startMillis);
    HttpSettings http = api.http();
    RetryPolicy<Boolean> retry = RetryPolicy.<Boolean>builder()
        .handleIf(failure -> failure instanceof ApiException e && uncertain(e))
        .withMaxAttempts(http.maxAttempts())
        .withMaxDuration(http.retryBudget())
        .withBackoff(http.initialBackoff(), http.maxBackoff())
        .withJitter(0.25)
        .build();
    return Failsafe.with(retry).get(ctx -> {
      // the check must see the API as it is now, never a cached answer
      if (ctx.isRetry() && api.session(id, day, CacheControl.bypassing(cancellation)).isEmpty()) {
        return true; // an earlier attempt reached the API and deleted it
      }
      return api.delete(id, start, cancellation);
    });
  }

  /** No answer, or an answer that says the request was not handled: the DELETE's outcome is unknown. */
  private static boolean uncertain(ApiException e) {
    return e.status() == 0 || RETRYABLE.contains(e.status());
  }

  private static final Set<Integer> RETRYABLE = Set.of(429, 502, 503, 504);

  private static Cancellation cancellation(DataContext context) {
    return () -> {
      AtomicBoolean cancel = DataContext.Variable.CANCEL_FLAG.get(context);
      if (cancel != null && cancel.get()) {
        throw new ScanCancelledException("the statement was cancelled");
      }
    };
  }

  private static ApiException failed(ApiException e, String id, List<String> deleted, int total) {
    // a success status with a body the driver cannot read (not JSON) may be a deletion as well
    String hint = uncertain(e) || e.status() / 100 == 2
        ? "the last request may have reached the API, so session " + id + " may be deleted or not:"
            + " check with SELECT before deleting again"
        : "check with SELECT which sessions remain";
    return new ApiException(e.api(), e.method(), e.path(), e.status(),
        "deleting session " + id + " failed after " + deleted.size() + " of " + total + " sessions were deleted",
        e.getMessage(), hint + deletedBefore(deleted), e.sqlState(), e);
  }

  /**
   * A DELETE the service answered with a success status and a body saying it failed: the session is
   * still there (as the service says), and the sessions deleted before it stay deleted.
   */
  private static ApiException refused(DeleteAnswer.Refused e, String id, List<String> deleted, int total) {
    return new ApiException(InsightsApi.SPEC.name(), "DELETE", e.path, e.status,
        "the API reported that deleting session " + id + " failed, after " + deleted.size() + " of " + total
            + " sessions were deleted", e.getMessage(),
        "session " + id + " was not deleted" + deletedBefore(deleted) + ". Check with SELECT which"
            + " sessions remain, and that the API key may delete sessions", "HY000", null);
  }

  /** The ids of the sessions deleted before a failure, for its message (the first 20 of them). */
  private static String deletedBefore(List<String> deleted) {
    if (deleted.isEmpty()) {
      return "";
    }
    String listed = String.join(", ", deleted.subList(0, Math.min(20, deleted.size())));
    return "; deleted before it: " + listed
        + (deleted.size() > 20 ? " and " + (deleted.size() - 20) + " more" : "");
  }
}
