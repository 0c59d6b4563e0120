package io.convosql.core.http;

import java.util.Objects;

/**
 * The fixed facts of one API that its client needs: a display name, the header that carries the key
 * and how the key is written in it, and the configuration names a user should check when the key is
 * refused.
 */
public record ApiSpec(String name, String keyHeader, String keyPrefix, String keyHint) {
  public ApiSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keyHeader, "keyHeader");
    Objects.requireNonNull(keyPrefix, "keyPrefix");
    Objects.requireNonNull(keyHint, "keyHint");
  }
}
