package io.convosql.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.core.http.ApiException;
import java.util.Objects;

/**
 * Where in an API answer values are read, so that an error names the API, the endpoint and the
 * field: the path into the answer of the node being read (e.g. {@code data[3]}, empty for the whole
 * body) and optionally words that say whose it is (e.g. {@code of session "s1"}), for nodes whose
 * position the reader does not know.
 *
 * @param api the API's display name, e.g. {@code PathSim}
 * @param path the endpoint path, e.g. {@code /workspaces/w1/sessions}
 * @param parent the path of the node below the answer's root, e.g. {@code data.steps[2]}
 * @param owner words after the field's name, e.g. {@code  of session "s1"}, or empty
 */
public record AnswerPlace(String api, String path, String parent, String owner) {
  public AnswerPlace {
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(parent, "parent");
    Objects.requireNonNull(owner, "owner");
  }

  /** The root of the answer of one endpoint. */
  public static AnswerPlace of(String api, String path) {
    return new AnswerPlace(api, path, "", "");
  }

  /** The place of the object in field {@code name}. */
  public AnswerPlace in(String name) {
    return new AnswerPlace(api, path, join(name), owner);
  }

  /** The place of element {@code index} of the list in field {@code name}. */
  public AnswerPlace at(String name, int index) {
    return new AnswerPlace(api, path, join(name) + "[" + index + "]", owner);
  }

  /** This place with words saying whose fields these are, e.g. {@code  of session "s1"}. */
  public AnswerPlace owned(String words) {
    return new AnswerPlace(api, path, parent, words);
  }

  /** How a message names field {@code name} here: {@code field data[3].Time}. */
  public String field(String name) {
    return "field " + join(name) + owner;
  }

  /** The error for field {@code name} holding {@code value} (null or missing when absent). */
  public ApiException bad(String name, JsonNode value, String expected) {
    return BadAnswer.of(api, path, field(name), value, expected);
  }

  /** The error for the node at this place itself holding {@code value}. */
  public ApiException badHere(JsonNode value, String expected) {
    String subject = parent.isEmpty() ? "the answer" : "field " + parent + owner;
    return BadAnswer.of(api, path, subject, value, expected);
  }

  private String join(String name) {
    return parent.isEmpty() ? name : parent + "." + name;
  }
}
