package dev.toolwarden.processor.gen;

/** Fresh names for the local variables of one generated method: {@code raw0}, {@code arg1}, ... */
final class LocalNames {

  private int next;

  String fresh(String prefix) {
    return prefix + (next++);
  }
}
