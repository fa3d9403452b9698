package dev.toolwarden.runtime.testtools;

import dev.toolwarden.runtime.spi.Check;
import dev.toolwarden.runtime.spi.PathRule;
import dev.toolwarden.runtime.spi.ToolBundle;
import dev.toolwarden.runtime.spi.ToolDefinition;
import dev.toolwarden.runtime.spi.ToolHints;
import dev.toolwarden.runtime.spi.ToolOutcome;
import dev.toolwarden.runtime.spi.ToolPolicy;
import dev.toolwarden.runtime.spi.Violations;
import java.nio.file.Path;
import java.util.List;

public final class FileToolsBundle implements ToolBundle {

  static final PathRule PATH_RULE = new PathRule("/path", "workspace", true, "FILE", List.of("txt"), false);

  @Override
  public Class<?> toolClass() {
    return FileTools.class;
  }

  @Override
  public List<ToolDefinition> tools() {
    String schema = "{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\"}},\"required\":[\"path\"],"
        + "\"additionalProperties\":false}";
    return List.of(new ToolDefinition("read_file", null, "Reads a text file of the workspace",
        new ToolHints(true, false, true, false), schema, null,
        new ToolPolicy(List.of("files:read"), null, List.of(PATH_RULE), List.of()),
        (target, args, inv) -> {
          Violations v = new Violations();
          for (String k : args.keySet()) {
            if (!k.equals("path")) {
              v.add("/" + Violations.escape(k), "additionalProperties", "unknown argument");
            }
          }
          Path path = null;
          Object raw = args.get("path");
          if (raw == null) {
            v.add("/path", "required", "is required");
          } else {
            int mark = v.size();
            String s = Check.toStr(raw, "/path", v, false);
            if (v.size() == mark) {
              path = inv.resolvePath(PATH_RULE, "/path", s, v);
            }
          }
          v.throwIfAny();
          return ToolOutcome.text(((FileTools) target).readFile(path));
        }));
  }
}
