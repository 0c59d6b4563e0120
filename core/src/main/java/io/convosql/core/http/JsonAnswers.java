package io.convosql.core.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Turns an API's answer into JSON, strictly: an error status, a body that is not JSON, or one beyond
 * the parser's stated limits each becomes an {@link ApiException} naming the endpoint.
 */
final class JsonAnswers {
  /**
   * Strict JSON: the parser's limits are stated, not inherited: strings up to 20 million characters,
   * 1000 levels.
   */
  static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxStringLength(20_000_000).maxNestingDepth(1000).build())
      .build();

  /**
   * What {@link JsonTrees} leaves to Jackson's ObjectMapper (an answer read as text, and every
   * error), built on its first use: nothing may follow the document (a proxy's page glued to it is
   * an error).
   */
  private static final class Mapper {
    static final ObjectMapper JSON = JsonMapper.builder(FACTORY)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();
  }

  private JsonAnswers() {}

  /** Reads a small page as answers are read, loading the reader's classes (the driver's warm-up). */
  static void warmUp() {
    JsonTrees.read(FACTORY, "{\"data\":[{\"id\":\"a\",\"n\":1.5,\"i\":2,\"ok\":true,\"x\":null}],\"total\":1}"
        .getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The answer's JSON body; null for a 404 when {@code notFoundIsNull}; an empty object for a blank
   * body. Texts quoted in errors pass through {@code redact}.
   */
  static @Nullable JsonNode parse(ApiSpec spec, String method, String path, Answer answer,
      boolean notFoundIsNull, UnaryOperator<String> redact) {
    if (answer.status() == 404 && notFoundIsNull) {
      return null;
    }
    if (!answer.successful()) {
      throw ApiErrors.httpError(spec, method, path, answer, redact.apply(answer.text()), 1);
    }
    byte[] body = answer.body();
    if (wellFormedUtf8Document(body)) {
      JsonNode tree = JsonTrees.read(FACTORY, body);
      if (tree != null) {
        return tree;
      }
      // read it again as text below, so the error is the one it always was
    }
    String text = answer.text();
    if (text.isBlank()) {
      return JsonNodeFactory.instance.objectNode();
    }
    try {
      return Mapper.JSON.readTree(text);
    } catch (StreamConstraintsException e) {
      throw new ApiException(spec.name(), method, path, answer.status(),
          "the answer is beyond the JSON parser's limits", redact.apply(e.getOriginalMessage()),
          "the service sent a value too long or nested too deep to be a real answer", "22000", null);
    } catch (JsonProcessingException e) {
      throw new ApiException(spec.name(), method, path, answer.status(), "the answer is not valid JSON",
          redact.apply(e.getOriginalMessage()), "the service may be failing or a proxy answered instead",
          "22000", null);
    }
  }

  /**
   * Whether Jackson may read the bytes themselves, which is cheaper than decoding them to text
   * first, and gives the same tree: the body starts like a JSON object or list in UTF-8 (so Jackson's
   * detection of UTF-16 and UTF-32, which the text reading never did, stays out of it) and is well
   * formed UTF-8 (Jackson's own decoding is laxer than the JDK's, which turns a malformed byte into
   * U+FFFD). Anything else is read as text, as it always was.
   */
  static boolean wellFormedUtf8Document(byte[] body) {
    if (body.length < 2 || body[0] != '{' && body[0] != '[' || body[1] == 0) {
      return false;
    }
    for (byte b : body) {
      if (b < 0) {
        try {
          StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body));
          return true;
        } catch (CharacterCodingException e) {
          return false;
        }
      }
    }
    return true;
  }
}
