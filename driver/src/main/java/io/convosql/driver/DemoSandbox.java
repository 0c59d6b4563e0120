package io.convosql.driver;

import io.convosql.sandbox.Sandbox;

/** The one sandbox that {@code demo=true} connections of this JVM share, started on first use. */
final class DemoSandbox {
  private static Sandbox sandbox;

  private DemoSandbox() {}

  static synchronized Sandbox get() {
    if (sandbox == null) {
      sandbox = Sandbox.builder().lazy(true).start(); // a query pays only for the API it reads
      Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "convosql-demo-stop"));
    }
    return sandbox;
  }
}
