package io.convosql.core.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads a JSON object or list into Jackson's tree with jackson-core's streaming parser and the tree's
 * own node factory, building the tree {@code ObjectMapper.readTree} builds (Jackson 2.18 with
 * default features: ints as int, long or BigInteger nodes by size, other numbers as doubles, a
 * repeated key's last value in its first place) without an ObjectMapper, whose deserialization
 * machinery is some 500 classes and a quarter of a second of CPU on a JVM's first answer.
 * {@code JsonTreesTest} compares the two on every kind of value.
 */
final class JsonTrees {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonTrees() {}

  /**
   * The document's tree; null when it is anything but one well-formed object or list within the
   * factory's limits (nothing after it), which the caller reads with ObjectMapper to report.
   */
  static @Nullable JsonNode read(JsonFactory factory, byte[] body) {
    try (JsonParser p = factory.createParser(body)) {
      JsonToken first = p.nextToken();
      if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
        return null;
      }
      JsonNode tree = value(p, first);
      return p.nextToken() == null ? tree : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static JsonNode value(JsonParser p, @Nullable JsonToken token) throws IOException {
    if (token == null) { // the parser reports an unclosed document itself; this is a guard
      throw new IOException("the document ends inside a value");
    }
    switch (token) {
      case START_OBJECT:
        ObjectNode object = NODES.objectNode();
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
          String name = p.currentName();
          object.replace(name, value(p, p.nextToken()));
        }
        return object;
      case START_ARRAY:
        ArrayNode array = NODES.arrayNode();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
          array.add(value(p, t));
        }
        return array;
      case VALUE_STRING:
        return NODES.textNode(p.getText());
      case VALUE_NUMBER_INT:
        switch (p.getNumberType()) {
          case INT:
            return NODES.numberNode(p.getIntValue());
          case LONG:
            return NODES.numberNode(p.getLongValue());
          default:
            return NODES.numberNode(p.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(p.getDoubleValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default: // an end token where a value belongs: the parser reports such input itself
        throw new IOException("unexpected " + token);
    }
  }
}
