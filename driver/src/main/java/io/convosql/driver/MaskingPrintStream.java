package io.convosql.driver;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A print stream for the shell that shows {@code ****} in place of secrets: sqlline prints the URL
 * it connects with ({@code !list}, and with {@code --verbose=true} as it connects), and a URL may
 * hold API keys. Text is masked a line at a time, and at each flush, so a secret is always found
 * whole unless a writer flushes in the middle of it; the target stream is flushed, never closed.
 */
final class MaskingPrintStream extends PrintStream {
  private MaskingPrintStream(Masker masker) {
    super(masker, true, StandardCharsets.UTF_8);
  }

  /** The target itself when there is nothing to mask. */
  static PrintStream of(PrintStream target, List<String> secrets) {
    return secrets.isEmpty() ? target : new MaskingPrintStream(new Masker(target, secrets));
  }

  private static final class Masker extends OutputStream {
    private final PrintStream target;
    private final List<String> secrets;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    Masker(PrintStream target, List<String> secrets) {
      this.target = target;
      this.secrets = List.copyOf(secrets);
    }

    @Override
    public synchronized void write(int b) {
      pending.write(b);
      if (b == '\n') {
        drain();
      }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      for (int i = off; i < off + len; i++) {
        write(b[i]);
      }
    }

    private void drain() {
      if (pending.size() == 0) {
        return;
      }
      String text = pending.toString(StandardCharsets.UTF_8);
      pending.reset();
      for (String secret : secrets) {
        text = text.replace(secret, "****");
      }
      target.print(text);
    }

    @Override
    public synchronized void flush() {
      drain();
      target.flush();
    }

    @Override
    public void close() {
      flush();
    }
  }
}
