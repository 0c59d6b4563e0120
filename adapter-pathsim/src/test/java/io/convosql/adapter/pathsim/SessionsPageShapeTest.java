package io.convosql.adapter.pathsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convosql.core.http.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sessions page envelope check that {@link SessionPages} is to call on every page: the shapes
 * the document shows (and text for its numbers and booleans) pass; anything that would end or skew
 * the paging silently is an error naming the field.
 */
class SessionsPageShapeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PATH = "/workspaces/w1/sessions";

  private static JsonNode body(String pagination) throws Exception {
    String more = pagination == null ? "" : ",\"pagination\":" + pagination;
    return JSON.readTree("{\"success\":true,\"data\":[]" + more + "}");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"total\":475,\"limit\":50,\"offset\":0,\"hasMore\":true}",
      "{\"total\":\"475\",\"limit\":\"50\",\"offset\":\"0\",\"hasMore\":\"false\"}",
      "{\"hasMore\":false}",
      "{\"total\":3}",
      "{\"total\":null,\"limit\":null,\"offset\":null,\"hasMore\":true}"})
  void theDocumentsShapesPass(String pagination) {
    assertThatCode(() -> SessionsPageShape.check(body(pagination),
        PATH)).doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "NONE", value = {
      "NONE                             | field pagination is missing",
      "null                             | field pagination is null",
      "[]                               | field pagination is a list []",
      "{}                               | field pagination.hasMore is missing",
      "{\"total\":null}                 | field pagination.hasMore is missing",
      "{\"hasMore\":\"yes\"} | field pagination.hasMore is \"yes\", expected true or false",
      "{\"hasMore\":1}                  | field pagination.hasMore is 1, expected true or false",
      "{\"hasMore\":null,\"total\":3}   | field pagination.hasMore is null, expected true or false",
      "{\"total\":\"abc\"} | field pagination.total is \"abc\", expected a whole number of at"
          + " least 0",
      "{\"total\":-1} | field pagination.total is -1, expected a whole number of at least 0",
      "{\"total\":1.5} | field pagination.total is 1.5, expected a whole number of at least 0",
      "{\"hasMore\":true,\"limit\":\"x\"} | field pagination.limit is \"x\", expected a whole"
          + " number of at least 0",
      "{\"hasMore\":true,\"offset\":{}} | field pagination.offset is an object {}, expected a"
          + " whole number"})
  void anythingElseIsAnErrorNamingTheField(String pagination, String detail) throws Exception {
    ApiException e = catchThrowableOfType(ApiException.class,
        () -> SessionsPageShape.check(body(pagination), PATH));
    assertThat(e).hasMessageContaining("(GET /workspaces/w1/sessions, HTTP 200): " + detail);
    assertThat(e.sqlState()).isEqualTo("22000");
  }

  @Test
  void dataMustBeAList() throws Exception {
    ApiException e = catchThrowableOfType(ApiException.class, () -> SessionsPageShape.check(
        JSON.readTree("{\"data\":{},\"pagination\":{\"hasMore\":false}}"), PATH));
    assertThat(e).hasMessageContaining("field data is an object {}, expected a list of sessions");
  }
}
