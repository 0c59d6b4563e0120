package io.convosql.driver;

import io.convosql.sandbox.Sandbox;

/** The one sandbox that {@code demo=true} connections of this JVM share, started on first use. */
final class DemoSandbox {
  private static Sandbox sandbox;

  private DemoSandbox() {}

  static synchronized Sandbox get() {
    if (sandbox == null) {
      sandbox = Sandbox.builder().start();
      Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "convosql-demo-stop"));
    }
    return sandbox;
  }
}
