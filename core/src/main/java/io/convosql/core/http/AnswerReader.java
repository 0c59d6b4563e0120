package io.convosql.core.http;

import dev.failsafe.AsyncExecution;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads an answer whole on OkHttp's thread and hands it to the Failsafe execution: an answer, or the
 * I/O failure (a cut connection, a timeout) that the retry policy judges. Bodies over
 * {@link #MAX_BODY_BYTES} are refused rather than read into memory.
 */
final class AnswerReader implements Callback {
  /** Far above any page of any API we read; a guard against an endless or absurd body. */
  static final long MAX_BODY_BYTES = 64L * 1024 * 1024;

  private final AsyncExecution<Answer> execution;
  private final @Nullable Supplier<Call> resend;
  private final Consumer<String> outcomes;

  /**
   * Reads the answer of one attempt; {@code resend}, when not null, makes the call once more (on a
   * fresh connection) after a {@link StaleConnections.StaleConnectionException}, within the same
   * attempt. {@code outcomes} is told each outcome: the status, or the failure's name.
   */
  AnswerReader(AsyncExecution<Answer> execution, @Nullable Supplier<Call> resend,
      Consumer<String> outcomes) {
    this.execution = execution;
    this.resend = resend;
    this.outcomes = outcomes;
  }

  @Override
  public void onFailure(Call call, IOException e) {
    if (e instanceof StaleConnections.StaleConnectionException && resend != null && !call.isCanceled()) {
      resend.get().enqueue(new AnswerReader(execution, null, outcomes));
      return;
    }
    outcomes.accept(describe(e));
    execution.recordException(e);
  }

  /** A short name of a failure for the error message: "timeout", "connection broken", ... */
  static String describe(Throwable e) {
    if (e instanceof InterruptedIOException) {
      return "timeout";
    }
    if (e instanceof AnswerTooLargeException) {
      return "answer too large";
    }
    if (e instanceof ConnectException) {
      return "refused";
    }
    if (e instanceof NoRouteToHostException) {
      return "no route to host";
    }
    return e instanceof IOException ? "connection broken" : e.getClass().getSimpleName();
  }

  @Override
  public void onResponse(Call call, Response response) {
    FirstContact.answered(call.request().url());
    try (response) {
      ResponseBody body = response.body();
      byte[] bytes = new byte[0];
      if (body != null) {
        BufferedSource source = body.source();
        if (body.contentLength() > MAX_BODY_BYTES || source.request(MAX_BODY_BYTES + 1)) {
          AnswerTooLargeException tooLarge = new AnswerTooLargeException(MAX_BODY_BYTES);
          outcomes.accept(describe(tooLarge));
          execution.recordException(tooLarge);
          return;
        }
        bytes = source.readByteArray();
      }
      outcomes.accept(Integer.toString(response.code()));
      execution.recordResult(new Answer(response.code(), NoSilentRetry.retryAfter(response), bytes));
    } catch (IOException | RuntimeException e) {
      outcomes.accept(describe(e));
      execution.recordException(e);
    }
  }

  /** The answer's body is larger than we agree to hold. */
  static final class AnswerTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AnswerTooLargeException(long limit) {
      super("the answer's body is larger than " + (limit >> 20) + " MiB", null, false, false);
    }
  }
}
