package dev.toolwarden.runtime.testtools;

import dev.toolwarden.runtime.ToolException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Resources, resource templates, prompts and completions with every policy, served by the hand-written
 * {@link FeatureToolsBundle} (what the processor would generate). No tools: a class may serve only these.
 */
public final class FeatureTools {

  public String config() {
    return "mode=test";
  }

  public String readWorkspace(Path path) throws IOException {
    return Files.readString(path);
  }

  public String profile(long id) {
    return "profile of user " + id;
  }

  public String note(String rest) {
    return "note " + rest;
  }

  public String pinned(String name) {
    return "pinned " + name;
  }

  public String greet(String name, Integer times, String secret) {
    if ("boom".equals(name)) {
      throw new ToolException("cannot greet with secret " + secret);
    }
    if ("crash".equals(name)) {
      throw new IllegalStateException("crashed near " + secret + " at /srv/app/internal");
    }
    return ("Hello " + name + "! ").repeat(times == null ? 1 : times).trim();
  }

  public List<String> names(String prefix) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      String n = "name" + i;
      if (n.startsWith(prefix)) {
        out.add(n);
      }
    }
    return out;
  }
}
