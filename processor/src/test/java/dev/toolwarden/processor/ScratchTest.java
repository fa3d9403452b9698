package dev.toolwarden.processor;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

class ScratchTest {
  @Test
  void print() {
    Compilation c = Compiler.compile(Compiler.fixture("dev.toolwarden.fixtures.OrderTools"));
    System.err.println(c.diagnostics());
    System.err.println(Compiler.generated(c, "dev.toolwarden.fixtures.OrderTools_ToolBundle"));
  }
}
