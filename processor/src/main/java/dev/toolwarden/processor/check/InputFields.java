package dev.toolwarden.processor.check;

import dev.toolwarden.processor.model.Field;
import dev.toolwarden.processor.model.JType;
import dev.toolwarden.processor.model.Operation;
import dev.toolwarden.processor.model.RecordModel;
import dev.toolwarden.processor.model.ToolClassModel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The values a client sends: tool, resource template and prompt arguments and the components of every record
 * reachable from them.
 */
final class InputFields {

  private InputFields() {}

  static List<Field> of(ToolClassModel model) {
    List<Field> out = new ArrayList<>();
    Set<RecordModel> seen = new LinkedHashSet<>();
    for (Operation t : model.inputs()) {
      for (Field p : t.parameters()) {
        if (!(p.type() instanceof JType.Context)) {
          add(p, model, out, seen);
        }
      }
    }
    return out;
  }

  private static void add(Field f, ToolClassModel model, List<Field> out, Set<RecordModel> seen) {
    out.add(f);
    for (JType.RecordType r : records(f.type(), new ArrayList<>())) {
      for (RecordModel m : model.records().values()) {
        if (m.element().equals(r.element()) && seen.add(m)) {
          for (Field c : m.components()) {
            add(c, model, out, seen);
          }
        }
      }
    }
  }

  private static List<JType.RecordType> records(JType t, List<JType.RecordType> acc) {
    if (t instanceof JType.RecordType r) {
      acc.add(r);
    } else if (t instanceof JType.OptionalType o) {
      records(o.value(), acc);
    } else if (t instanceof JType.ArrayType a) {
      records(a.element(), acc);
    } else if (t instanceof JType.MapType m) {
      records(m.value(), acc);
    }
    return acc;
  }

  /**
   * Whether the value can carry text: String, UUID or byte[], also inside Optional and containers. A UUID is
   * opaque text to whoever issued it: session tokens and API keys are often UUIDs ({@code UUID sessionToken}).
   */
  static boolean carriesText(JType t) {
    if (t instanceof JType.Scalar s) {
      return s.kind() == dev.toolwarden.processor.model.ScalarKind.STRING
          || s.kind() == dev.toolwarden.processor.model.ScalarKind.UUID;
    }
    if (t instanceof JType.ArrayType a) {
      if (a.container() == JType.Container.ARRAY && a.element() instanceof JType.Scalar s
          && s.kind() == dev.toolwarden.processor.model.ScalarKind.BYTE) {
        return true;
      }
      return carriesText(a.element());
    }
    if (t instanceof JType.OptionalType o) {
      return carriesText(o.value());
    }
    if (t instanceof JType.MapType m) {
      return carriesText(m.value());
    }
    return false;
  }
}
