package dev.toolwarden.processor.validation;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

/** The corpus compiles with the processor, and every generated schema is accepted by the oracle. */
class CorpusTest {

  @Test
  void corpusCompilesAndEverySchemaLoads() {
    Corpus corpus = Corpus.get();
    assertThat(Corpus.TOOL_CLASSES.size()).isAtLeast(15);
    assertThat(corpus.tools.size()).isAtLeast(Corpus.TOOL_CLASSES.size());
    for (Tool t : corpus.tools) {
      System.out.println(t + " " + t.schema());
      t.oracle();
    }
    System.out.println("warnings: " + corpus.compilation.warnings().size());
  }
}
