package io.convosql.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The streaming tree reader builds, node class for node class and key order for key order, the tree
 * ObjectMapper.readTree builds, on hand-picked edge cases and on 2,000 random documents; what is not
 * one well-formed document within the limits it leaves to ObjectMapper (null).
 */
class JsonTreesTest {
  /** The parser answers are read with, and so its limits. */
  private static final JsonFactory FACTORY = JsonAnswers.FACTORY;
  /** The reader it replaces, configured as the answers' reader was, on a parser of its own. */
  private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(20_000_000).maxNestingDepth(1000).build())
          .build())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  @Test
  void edgeCasesReadAsObjectMapperReadsThem() throws Exception {
    for (String doc : List.of(
        "{}", "[]", "[[]]", "{\"a\":{}}", "[null,true,false]",
        // numbers at each size boundary, signs, exponents, fractions, overflow to infinity
        "[0,-0,1,-1,2147483647,2147483648,-2147483648,-2147483649,9223372036854775807,"
            + "9223372036854775808,-9223372036854775809,123456789012345678901234567890]",
        "[0.0,-0.0,1.5,-1.5,1e3,1E-3,1.5e300,1e400,-1e400,4.9e-324,1e-400,0.1,123456789.123456789]",
        // a repeated key: its last value, in its first place
        "{\"a\":1,\"b\":2,\"a\":3}", "{\"a\":{\"x\":1},\"a\":[2]}",
        // text: escapes, unicode, surrogate pairs, an empty name
        "{\"\":\"\",\"t\":\"tab\\t nl\\n quote\\\" slash\\/ back\\\\ \\u00e9 \\ud83d\\ude00 Zoë 中文\"}",
        " {\"spaced\" : [ 1 , 2 ] } ",
        "{\"data\":[{\"id\":\"6b14a1525a09a4c7d90e73fb\",\"started_at\":\"2026-12-05T23:42:00Z\","
            + "\"duration\":12.5,\"turns\":7,\"tags\":[\"a\"],\"meta\":{\"x\":null}}],\"page\":1}",
        "[" + "[".repeat(998) + "]".repeat(998) + "]")) {
      assertSameTree(doc);
    }
  }

  @Test
  void randomDocumentsReadAsObjectMapperReadsThem() throws Exception {
    Random random = new Random(20261206);
    for (int i = 0; i < 2_000; i++) {
      StringBuilder doc = new StringBuilder();
      container(random, doc, 0);
      assertSameTree(doc.toString());
    }
  }

  @Test
  void whatIsNotOneWellFormedDocumentIsLeftToObjectMapper() {
    for (String doc : List.of(
        "", "   ", "1", "\"text\"", "null", "{\"a\":1} x", "{\"a\":1}{\"b\":2}", "[1,2]]",
        "{\"a\":1", "[1,2", "{\"a\" 1}", "{a:1}", "[1,]", "{\"a\":01}", "[NaN]", "['x']",
        "[" + "[".repeat(1000) + "]".repeat(1000) + "]")) {
      assertThat(JsonTrees.read(FACTORY, doc.getBytes(StandardCharsets.UTF_8))).as(doc).isNull();
    }
  }

  private static void assertSameTree(String doc) throws Exception {
    JsonNode expected = MAPPER.readTree(doc.getBytes(StandardCharsets.UTF_8));
    JsonNode actual = JsonTrees.read(FACTORY, doc.getBytes(StandardCharsets.UTF_8));
    assertThat(actual).as(doc).isNotNull();
    assertThat(shape(actual)).as(doc).isEqualTo(shape(expected));
    assertThat(actual).as(doc).isEqualTo(expected);
    assertThat(actual.toString()).as(doc).isEqualTo(expected.toString());
  }

  /** Every node's class and every object's keys in order: what equals() alone would not compare. */
  private static List<String> shape(JsonNode node) {
    List<String> out = new ArrayList<>();
    out.add(node.getClass().getSimpleName());
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.add("key " + e.getKey());
        out.addAll(shape(e.getValue()));
      }
    } else if (node.isArray()) {
      for (JsonNode child : node) {
        out.addAll(shape(child));
      }
      out.add("end");
    }
    return out;
  }

  private static void container(Random random, StringBuilder doc, int depth) {
    boolean object = random.nextBoolean();
    doc.append(object ? '{' : '[');
    int n = random.nextInt(depth > 4 ? 2 : 6);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        doc.append(',');
      }
      if (object) {
        doc.append('"').append(random.nextInt(4) == 0 ? "dup" : "k" + random.nextInt(1000)).append("\":");
      }
      if (depth < 8 && random.nextInt(4) == 0) {
        container(random, doc, depth + 1);
      } else {
        scalar(random, doc);
      }
    }
    doc.append(object ? '}' : ']');
  }

  private static void scalar(Random random, StringBuilder doc) {
    switch (random.nextInt(9)) {
      case 0 -> doc.append(random.nextInt());
      case 1 -> doc.append(random.nextLong());
      case 2 -> doc.append(new java.math.BigInteger(100, random).negate());
      case 3 -> doc.append(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
      case 4 -> doc.append(random.nextInt(1000)).append('.').append(random.nextInt(1000))
          .append(random.nextBoolean() ? "e" + (random.nextInt(700) - 350) : "");
      case 5 -> doc.append(random.nextBoolean());
      case 6 -> doc.append("null");
      default -> {
        doc.append('"');
        int len = random.nextInt(12);
        for (int i = 0; i < len; i++) {
          int c = random.nextInt(6);
          doc.append(switch (c) {
            case 0 -> "\\\"";
            case 1 -> "\\u" + String.format("%04x", random.nextInt(0xD800));
            case 2 -> "é中";
            case 3 -> "😀";
            default -> (char) ('a' + random.nextInt(26));
          });
        }
        doc.append('"');
      }
    }
  }
}
