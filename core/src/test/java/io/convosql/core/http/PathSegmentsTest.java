package io.convosql.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/**
 * Each segment of a request path is sent percent-encoded as RFC 3986 says: unreserved characters,
 * sub-delims, {@code :} and {@code @} as they are, everything else (brackets, which OkHttp alone left
 * as they were, {@code %}, spaces, non-ASCII) as UTF-8 bytes in {@code %XX} form.
 */
class PathSegmentsTest {
  @Test
  void everyCharacterAPathSegmentCannotHoldIsEncoded() {
    try (ApiClient client = new ApiClient(ApiClientKeysTest.BEARER, HttpUrl.get("http://127.0.0.1:1/api/"),
        null, ApiClientRetryTest.fast())) {
      assertThat(client.url("/sessions/a[1]", Map.of()).toString())
          .isEqualTo("http://127.0.0.1:1/api/sessions/a%5B1%5D");
      assertThat(client.url("/sessions/a|b{c}^`<>\"\\ %5D#?ä日/recording", Map.of("limit", "10"))
          .encodedPath()).isEqualTo("/api/sessions/a%7Cb%7Bc%7D%5E%60%3C%3E%22%5C%20%255D%23%3F%C3%A4%E6%97%A5"
              + "/recording");
      assertThat(client.url("/sessions/AZaz09-._~!$&'()*+,;=:@", Map.of()).encodedPath())
          .isEqualTo("/api/sessions/AZaz09-._~!$&'()*+,;=:@");
    }
  }

  @Test
  void aSegmentWithNothingToEncodeIsKeptAsItIs() {
    String id = "0b6f7c1e-44aa-4d3b-9a8e-1f2e3d4c5b6a";
    assertThat(PathSegments.encode(id)).isSameAs(id);
  }
}
