package io.convosql.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * An answer's body reads to the same tree, or fails with the same message, whether Jackson reads its
 * bytes or its text: the bytes are read only when that cannot differ.
 */
class JsonAnswersTest {
  private static final ApiSpec SPEC = new ApiSpec("Test", "X-Test-Key", "", "test.apiKey");

  @Test
  void wellFormedUtf8IsReadAsItsText() {
    String text = "{\"data\":[{\"name\":\"Zoë 😀 中文\",\"n\":12,\"x\":1.5e3,\"b\":true,\"z\":null}],\"more\":false}";
    assertThat(JsonAnswers.wellFormedUtf8Document(utf8(text))).isTrue();
    assertThat(parse(utf8(text)).toString()).isEqualTo(
        "{\"data\":[{\"name\":\"Zoë 😀 中文\",\"n\":12,\"x\":1500.0,\"b\":true,\"z\":null}],\"more\":false}");
    assertThat(parse(utf8("[1,2]")).toString()).isEqualTo("[1,2]");
  }

  @Test
  void malformedUtf8IsReadAsTextWithReplacementCharactersAsBefore() {
    // a stray continuation byte, an overlong NUL (C0 80), a UTF-8 surrogate (ED A0 80)
    for (byte[] bad : new byte[][] {
        {'{', '"', 'a', '"', ':', '"', (byte) 0x80, '"', '}'},
        {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0x80, '"', '}'},
        {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'}}) {
      assertThat(JsonAnswers.wellFormedUtf8Document(bad)).isFalse();
      JsonNode read = parse(bad);
      assertThat(read.path("a").asText()).isEqualTo(new String(bad, StandardCharsets.UTF_8).substring(6,
          new String(bad, StandardCharsets.UTF_8).length() - 2)).contains("\uFFFD");
    }
  }

  @Test
  void utf16IsNotGuessedButFailsAsText() {
    byte[] utf16 = "{\"a\":1}".getBytes(StandardCharsets.UTF_16LE);
    assertThat(JsonAnswers.wellFormedUtf8Document(utf16)).isFalse();
    assertThatThrownBy(() -> parse(utf16)).isInstanceOf(ApiException.class)
        .hasMessageStartingWith("Test API: the answer is not valid JSON (GET /x, HTTP 200)");
  }

  @Test
  void errorsAreTheTextReadingsErrors() {
    assertThatThrownBy(() -> parse(utf8("{\"a\":1} <html>"))).isInstanceOf(ApiException.class)
        .hasMessageStartingWith("Test API: the answer is not valid JSON (GET /x, HTTP 200)")
        .hasMessageContaining("Unexpected character ('<' (code 60))");
    assertThatThrownBy(() -> parse(utf8("{\"a\":\"" + "x".repeat(20_000_001) + "\"}")))
        .isInstanceOf(ApiException.class)
        .hasMessageStartingWith("Test API: the answer is beyond the JSON parser's limits");
    assertThat(parse(utf8(" \n")).toString()).isEqualTo("{}");
  }

  private static JsonNode parse(byte[] body) {
    return JsonAnswers.parse(SPEC, "GET", "/x", new Answer(200, null, body), false, s -> s);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
