package dev.toolwarden.runtime.testtools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A tool class with a @SafePath parameter. */
public final class FileTools {

  public String readFile(Path path) throws IOException {
    return Files.readString(path);
  }
}
