package dev.toolwarden.it.conformance;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import javax.imageio.ImageIO;

/** Minimal media for the conformance fixtures, made here rather than pasted in as opaque base64. */
final class Media {

  private Media() {}

  /** A 1x1 red pixel PNG, base64. */
  static final String RED_PIXEL_PNG = Base64.getEncoder().encodeToString(redPixelPng());

  /** 0.1 s of silence as a 16-bit mono 8 kHz WAV, base64. */
  static final String SILENCE_WAV = Base64.getEncoder().encodeToString(silenceWav(800));

  private static byte[] redPixelPng() {
    BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, 0xFF0000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, "png", out)) {
        throw new IllegalStateException("no PNG writer");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] silenceWav(int samples) {
    int sampleRate = 8000;
    int bytesPerSample = 2;
    int dataBytes = samples * bytesPerSample;
    ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + dataBytes);
    b.put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    b.put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16);
    b.putShort((short) 1) // PCM
        .putShort((short) 1) // mono
        .putInt(sampleRate)
        .putInt(sampleRate * bytesPerSample)
        .putShort((short) bytesPerSample)
        .putShort((short) 16);
    b.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(dataBytes);
    return b.array(); // the samples stay zero: silence
  }
}
