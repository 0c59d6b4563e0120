package io.convosql.core.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The HTTP client of one API for one connection. It adds the API key only to requests for the API's
 * own scheme, host and port (so a redirect to a storage host never carries it), reads JSON bodies and
 * turns every failure into an {@link ApiException} that names the endpoint and never the key.
 */
public final class ApiClient implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ApiSpec spec;
  private final HttpUrl root;
  private final @Nullable String key;
  private final OkHttpClient http;
  private final OkHttpClient once;

  public ApiClient(ApiSpec spec, HttpUrl root, @Nullable String key, Duration timeout) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.root = Objects.requireNonNull(root, "root");
    this.key = key;
    this.http = new OkHttpClient.Builder()
        .addNetworkInterceptor(this::authenticate)
        .connectTimeout(timeout)
        .readTimeout(timeout)
        .followRedirects(true)
        .build();
    this.once = http.newBuilder().retryOnConnectionFailure(false).build();
  }

  private Response authenticate(Interceptor.Chain chain) throws IOException {
    Request request = chain.request();
    HttpUrl url = request.url();
    if (key != null && url.scheme().equals(root.scheme()) && url.host().equals(root.host())
        && url.port() == root.port()) {
      request = request.newBuilder().header(spec.keyHeader(), spec.keyPrefix() + key).build();
    }
    return chain.proceed(request);
  }

  public ApiSpec spec() {
    return spec;
  }

  /** The URL of an endpoint path below the API root, with query parameters in the given order. */
  public HttpUrl url(String path, Map<String, String> params) {
    HttpUrl.Builder b = root.newBuilder();
    for (String segment : path.substring(1).split("/", -1)) {
      b.addPathSegment(segment);
    }
    params.forEach(b::addQueryParameter);
    return b.build();
  }

  /** GETs an endpoint and parses its JSON body; a 404 answer is returned as null when allowed. */
  public @Nullable JsonNode getJson(String path, Map<String, String> params, boolean notFoundIsNull) {
    return sendJson("GET", path, params, notFoundIsNull);
  }

  /** Sends a request without body and parses the JSON answer (an empty body is an empty object). */
  public @Nullable JsonNode sendJson(String method, String path, Map<String, String> params,
      boolean notFoundIsNull) {
    return send(http, method, path, params, notFoundIsNull);
  }

  /**
   * Like {@link #sendJson}, but the request goes out at most once: no silent retry on a broken
   * connection, for requests whose repetition would change the outcome (a DELETE's count).
   */
  public @Nullable JsonNode sendJsonOnce(String method, String path, Map<String, String> params,
      boolean notFoundIsNull) {
    return send(once, method, path, params, notFoundIsNull);
  }

  private @Nullable JsonNode send(OkHttpClient client, String method, String path,
      Map<String, String> params, boolean notFoundIsNull) {
    Request request = new Request.Builder().url(url(path, params)).method(method, null).build();
    try (Response response = client.newCall(request).execute()) {
      ResponseBody body = response.body();
      String text = body == null ? "" : body.string();
      if (response.code() == 404 && notFoundIsNull) {
        return null;
      }
      if (!response.isSuccessful()) {
        throw httpError(method, path, response.code(), text);
      }
      if (text.isBlank()) {
        return JSON.createObjectNode();
      }
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ApiException(spec.name(), method, path, 200, "the answer is not valid JSON",
          redact(e.getOriginalMessage()), "the service may be failing or a proxy answered instead",
          "22000", null);
    } catch (InterruptedIOException e) {
      throw new ApiException(spec.name(), method, path, 0, "no answer in time", redact(e.getMessage()),
          "the service is slow or unreachable; try again or raise the timeout", "08006", e);
    } catch (IOException e) {
      throw new ApiException(spec.name(), method, path, 0, "the request could not be sent",
          redact(e.toString()), "check the URL and the network", "08001", e);
    }
  }

  /** Downloads bytes from any URL (following redirects; the key goes only to the API's own host). */
  public byte[] download(HttpUrl url, String pathForMessages) {
    Request request = new Request.Builder().url(url).build();
    try (Response response = http.newCall(request).execute()) {
      ResponseBody body = response.body();
      if (!response.isSuccessful() || body == null) {
        throw httpError("GET", pathForMessages, response.code(), body == null ? "" : body.string());
      }
      return body.bytes();
    } catch (IOException e) {
      throw new ApiException(spec.name(), "GET", pathForMessages, 0, "the download failed",
          redact(e.toString()), "check the network", "08001", e);
    }
  }

  private ApiException httpError(String method, String path, int status, String body) {
    String message = redact(serverMessage(body));
    ApiSpec.Rejection rejection = (status == 401 || status == 403) && spec.unauthorized() != null
        ? spec.unauthorized().read(message) : null;
    if (rejection != null) {
      return new ApiException(spec.name(), method, path, status, rejection.summary(), message,
          rejection.hint(), rejection.sqlState(), null);
    }
    if (status == 401 || status == 403) {
      return new ApiException(spec.name(), method, path, status,
          spec.name() + " rejected the API key or the request", message,
          "check " + spec.keyHint(), "28000", null);
    }
    return new ApiException(spec.name(), method, path, status, "the request failed", message,
        status >= 500 || status == 429 ? "the service is failing or busy; try again later"
            : "the request was refused; check the query's values", status >= 500 ? "08006" : "HY000",
        null);
  }

  /** The server's own message: a JSON field error/detail/message if there is one, else the text. */
  private static String serverMessage(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      for (String field : new String[] {"error", "detail", "message"}) {
        if (node != null && node.hasNonNull(field)) {
          JsonNode v = node.get(field);
          return v.isTextual() ? v.asText() : v.toString();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not JSON: the raw text is the message
    }
    return body;
  }

  /** Removes the key from any text that may have echoed it. */
  public String redact(@Nullable String text) {
    if (text == null) {
      return "";
    }
    return key == null || key.isEmpty() ? text : text.replace(key, "****");
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  /** Parses a user-supplied root URL, failing with the property name when it is not an http(s) URL. */
  public static HttpUrl parseRoot(String url, String property) {
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      throw new IllegalArgumentException(property + " is not an http(s) URL: " + url);
    }
    return parsed;
  }
}
