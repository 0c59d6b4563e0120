package io.convosql.core.http;

import dev.failsafe.AsyncExecution;
import java.io.IOException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Reads an answer whole on OkHttp's thread and hands it to the Failsafe execution: an answer, or the
 * I/O failure (a cut connection, a timeout) that the retry policy judges. Bodies over
 * {@link #MAX_BODY_BYTES} are refused rather than read into memory.
 */
final class AnswerReader implements Callback {
  /** Far above any page of any API we read; a guard against an endless or absurd body. */
  static final long MAX_BODY_BYTES = 64L * 1024 * 1024;

  private final AsyncExecution<Answer> execution;

  AnswerReader(AsyncExecution<Answer> execution) {
    this.execution = execution;
  }

  @Override
  public void onFailure(Call call, IOException e) {
    execution.recordException(e);
  }

  @Override
  public void onResponse(Call call, Response response) {
    try (response) {
      ResponseBody body = response.body();
      byte[] bytes = new byte[0];
      if (body != null) {
        BufferedSource source = body.source();
        if (body.contentLength() > MAX_BODY_BYTES || source.request(MAX_BODY_BYTES + 1)) {
          execution.recordException(new AnswerTooLargeException(MAX_BODY_BYTES));
          return;
        }
        bytes = source.readByteArray();
      }
      execution.recordResult(new Answer(response.code(), NoSilentRetry.retryAfter(response), bytes));
    } catch (IOException e) {
      execution.recordException(e);
    } catch (RuntimeException e) {
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
