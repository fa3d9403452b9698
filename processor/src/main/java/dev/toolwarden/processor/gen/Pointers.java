package dev.toolwarden.processor.gen;

import dev.toolwarden.processor.model.Field;
import dev.toolwarden.processor.model.JType;
import dev.toolwarden.processor.model.RecordModel;
import dev.toolwarden.processor.model.ToolClassModel;
import java.util.List;

/**
 * Collects the JSON pointers a tool's policy names: confined paths and redacted values,
 * through records, lists ({@code /*}) and maps ({@code /*}); a record already on the way is
 * not entered again, so recursive records end.
 */
final class Pointers {

  private Pointers() {}

  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  static void collect(Field f, String pointer, ToolClassModel model, List<String> pathRules, List<String> redacted,
      Constants constants, List<RecordModel> onTheWay) {
    if (f.redacted()) {
      redacted.add(pointer);
    }
    if (f.safePath() != null) {
      pathRules.add(constants.pathRule(pointer, f.safePath()));
    }
    input(f.type(), pointer, model, pathRules, redacted, constants, onTheWay);
  }

  private static void input(JType t, String pointer, ToolClassModel model, List<String> pathRules,
      List<String> redacted, Constants constants, List<RecordModel> onTheWay) {
    if (t instanceof JType.OptionalType o) {
      input(o.value(), pointer, model, pathRules, redacted, constants, onTheWay);
    } else if (t instanceof JType.ArrayType a) {
      input(a.element(), pointer + "/*", model, pathRules, redacted, constants, onTheWay);
    } else if (t instanceof JType.MapType m) {
      input(m.value(), pointer + "/*", model, pathRules, redacted, constants, onTheWay);
    } else if (t instanceof JType.RecordType r) {
      RecordModel rm = record(model, r);
      if (onTheWay.contains(rm)) {
        return;
      }
      onTheWay.add(rm);
      for (Field c : rm.components()) {
        collect(c, pointer + "/" + escape(c.jsonName()), model, pathRules, redacted, constants, onTheWay);
      }
      onTheWay.remove(rm);
    }
  }

  static void collectOutput(JType t, String pointer, ToolClassModel model, List<String> redacted,
      List<RecordModel> onTheWay) {
    if (t instanceof JType.OptionalType o) {
      collectOutput(o.value(), pointer, model, redacted, onTheWay);
    } else if (t instanceof JType.ArrayType a) {
      collectOutput(a.element(), pointer + "/*", model, redacted, onTheWay);
    } else if (t instanceof JType.MapType m) {
      collectOutput(m.value(), pointer + "/*", model, redacted, onTheWay);
    } else if (t instanceof JType.RecordType r) {
      RecordModel rm = record(model, r);
      if (onTheWay.contains(rm)) {
        return;
      }
      onTheWay.add(rm);
      for (Field c : rm.components()) {
        String p = pointer + "/" + escape(c.jsonName());
        if (c.redacted()) {
          redacted.add(p);
        } else {
          collectOutput(c.type(), p, model, redacted, onTheWay);
        }
      }
      onTheWay.remove(rm);
    }
  }

  /** The redacted pointers of a tool's input and output, as its policy lists them. */
  static void collectRedacted(dev.toolwarden.processor.model.ToolModel tool, ToolClassModel model,
      List<String> redacted) {
    for (Field p : tool.parameters()) {
      collect(p, "/input/" + escape(p.jsonName()), model, new java.util.ArrayList<>(), redacted, new Constants(),
          new java.util.ArrayList<>());
    }
    if (tool.returnRedacted()) {
      redacted.add("/output");
    } else if (tool.returnType() != null) {
      collectOutput(tool.returnType(), tool.returnKind()
          == dev.toolwarden.processor.model.ToolModel.ReturnKind.STRUCTURED_WRAPPED ? "/output/result" : "/output",
          model, redacted, new java.util.ArrayList<>());
    }
  }

  static RecordModel record(ToolClassModel model, JType.RecordType r) {
    for (RecordModel m : model.records().values()) {
      if (m.element().equals(r.element())) {
        return m;
      }
    }
    throw new IllegalStateException("record not read: " + r.javaType());
  }
}
