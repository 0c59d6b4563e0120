package io.convosql.sandbox.pathsim;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes a session listing's body with Jackson's streaming generator: the same text as the tree of
 * {@link SessionJson#row} rows in the success envelope with its pagination, without building that
 * tree. A listing is what a scan asks for thousands of times, so its cost is the sandbox's ceiling.
 * It is written as text and then encoded, as {@link Wire#write} does, since Jackson's UTF-8 writer
 * escapes characters beyond the BMP where the text keeps them.
 */
final class ListingJson {
  /** About what one row takes, so the buffer rarely grows. */
  private static final int ROW_CHARS = 280;

  /** The column names, quoted once rather than on every row. */
  private static final SerializedString[] NAMES =
      SessionJson.COLUMNS.stream().map(SerializedString::new).toArray(SerializedString[]::new);

  private ListingJson() {}

  static byte[] write(Page page) {
    return write(page, false);
  }

  /** {@link #write(Page)} with each Time written day first when {@code dayFirst}. */
  static byte[] write(Page page, boolean dayFirst) {
    StringWriter out = new StringWriter(64 + ROW_CHARS * page.rows().size());
    try (JsonGenerator g = Wire.MAPPER.getFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeBooleanField("success", true);
      g.writeArrayFieldStart("data");
      for (Session s : page.rows()) {
        g.writeStartObject();
        String[] values = SessionJson.columns(s, dayFirst);
        for (int i = 0; i < values.length; i++) {
          g.writeFieldName(NAMES[i]);
          g.writeString(values[i]);
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeObjectFieldStart("pagination");
      g.writeNumberField("total", page.total());
      g.writeNumberField("limit", page.limit());
      g.writeNumberField("offset", page.offset());
      g.writeBooleanField("hasMore", page.hasMore());
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
