package io.convosql.core.http;

import java.nio.charset.StandardCharsets;

/**
 * One segment of a request path, percent-encoded as RFC 3986 says: every character but the
 * unreserved ones, the sub-delims, {@code :} and {@code @} is sent as its UTF-8 bytes in
 * {@code %XX} form. OkHttp's {@code addPathSegment} leaves {@code [} and {@code ]} as they are,
 * which servers (the JDK's among them) refuse with HTTP 400, so an id such as {@code a[1]} in
 * {@code WHERE id = 'a[1]'} failed the query instead of finding no session.
 */
final class PathSegments {
  private static final String ALLOWED = "-._~!$&'()*+,;=:@";
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PathSegments() {}

  static String encode(String segment) {
    StringBuilder b = null;
    byte[] bytes = segment.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      int c = bytes[i] & 0xff;
      boolean keep = c < 0x80 && (Character.isLetterOrDigit(c) || ALLOWED.indexOf(c) >= 0);
      if (keep && b == null) {
        continue;
      }
      if (b == null) {
        b = new StringBuilder(new String(bytes, 0, i, StandardCharsets.US_ASCII));
      }
      if (keep) {
        b.append((char) c);
      } else {
        b.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return b == null ? segment : b.toString();
  }
}
