package dev.toolwarden.processor.check;

import dev.toolwarden.processor.model.Constraints;
import dev.toolwarden.processor.model.Field;
import dev.toolwarden.processor.model.JType;
import dev.toolwarden.processor.model.Operation;
import dev.toolwarden.processor.model.RecordModel;
import dev.toolwarden.processor.model.ToolClassModel;
import java.util.function.Consumer;
import javax.lang.model.element.Element;

/**
 * Visits every constrained value of a class once: tool arguments, record components, and the
 * elements and values of their containers (whose constraints sit on type arguments).
 */
final class Values {

  /** A value with the constraints that apply to it and the element to report on. */
  record Value(Element element, Field field, JType type, Constraints constraints) {}

  private Values() {}

  static void forEach(ToolClassModel model, Consumer<Value> action) {
    for (Operation t : model.inputs()) {
      for (Field p : t.parameters()) {
        field(p, action);
      }
    }
    for (RecordModel r : model.records().values()) {
      for (Field c : r.components()) {
        field(c, action);
      }
    }
  }

  private static void field(Field f, Consumer<Value> action) {
    JType t = f.type();
    Constraints c = f.constraints();
    if (t instanceof JType.OptionalType o) {
      // constraints on an Optional apply to its value (as jakarta's value extraction does)
      t = o.value();
      if (!o.valueConstraints().isEmpty()) {
        action.accept(new Value(f.element(), f, t, o.valueConstraints()));
      }
    }
    action.accept(new Value(f.element(), f, t, c));
    nested(f, t, action);
  }

  private static void nested(Field f, JType t, Consumer<Value> action) {
    if (t instanceof JType.ArrayType a) {
      action.accept(new Value(f.element(), f, a.element(), a.elementConstraints()));
      nested(f, a.element(), action);
    } else if (t instanceof JType.MapType m) {
      action.accept(new Value(f.element(), f, m.value(), m.valueConstraints()));
      nested(f, m.value(), action);
    }
  }
}
