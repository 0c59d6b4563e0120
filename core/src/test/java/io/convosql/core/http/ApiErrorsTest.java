package io.convosql.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * An error answer reads as a user can act on it: a 404 from an endpoint that is always there says
 * the API's URL is wrong (a path below the root, a missing {@code /v1}), and an HTML error page (a
 * proxy's, or a server's default) is shown as its text without its markup.
 */
class ApiErrorsTest {
  private static final ApiSpec SPEC = new ApiSpec("PathSim", "Authorization", "Bearer ", "pathsim.apiKey");

  private static ApiException answered(int status, String body) {
    return ApiErrors.httpError(SPEC, "GET", "/workspaces",
        new Answer(status, null, body.getBytes(StandardCharsets.UTF_8)), body, 1);
  }

  @Test
  void aMissingEndpointPointsAtTheApisUrl() {
    ApiException e = answered(404, "<html><head><title>404 Not Found</title></head><body>\n<h1>Not Found</h1>"
        + "<p>The requested URL was not found on this server.</p></body></html>");
    assertThat(e.getMessage()).isEqualTo("PathSim API: the API has no such endpoint (GET /workspaces, HTTP 404):"
        + " 404 Not Found Not Found The requested URL was not found on this server. Hint: check"
        + " pathsim.url: it must be the API's root, where the documented paths begin");
  }

  @Test
  void anHtmlPageIsItsTextAndJsonOrPlainTextStayAsTheyAre() {
    assertThat(answered(400, "<h1>400 Bad Request</h1>URISyntaxException thrown").getMessage())
        .contains("(GET /workspaces, HTTP 400): 400 Bad Request URISyntaxException thrown");
    assertThat(answered(400, "{\"error\":\"a < b is not <allowed>\"}").getMessage())
        .contains("HTTP 400): a < b is not <allowed>");
    assertThat(answered(409, "x < 3 and y > 2").getMessage()).contains("HTTP 409): x < 3 and y > 2");
  }
}
