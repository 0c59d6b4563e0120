package io.convosql.sandbox.pathsim;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The bytes of a session's recording, the same for the same seed and session: a few kilobytes of
 * noise behind a valid WAV header (8 kHz, 8-bit mono PCM) or an MP4 {@code ftyp} box.
 */
final class RecordingBytes {
  private static final int WAV_HEADER = 44;

  private RecordingBytes() {}

  static byte[] of(long seed, Session session) {
    SplittableRandom random = new SplittableRandom(seed * 31 + session.id().hashCode());
    byte[] payload = new byte[2048 + random.nextInt(4096)];
    random.nextBytes(payload);
    return session.testType() == TestType.VOICE ? wav(payload) : mp4(payload);
  }

  private static byte[] wav(byte[] samples) {
    ByteBuffer b = ByteBuffer.allocate(WAV_HEADER + samples.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put(ascii("RIFF")).putInt(36 + samples.length).put(ascii("WAVE"));
    b.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1);
    b.putInt(8000).putInt(8000).putShort((short) 1).putShort((short) 8);
    b.put(ascii("data")).putInt(samples.length).put(samples);
    return b.array();
  }

  private static byte[] mp4(byte[] media) {
    ByteBuffer b = ByteBuffer.allocate(24 + 8 + media.length).order(ByteOrder.BIG_ENDIAN);
    b.putInt(24).put(ascii("ftyp")).put(ascii("isom")).putInt(0x200).put(ascii("isommp41"));
    b.putInt(8 + media.length).put(ascii("mdat")).put(media);
    return b.array();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
