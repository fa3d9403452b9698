package dev.toolwarden.processor.check;

import dev.toolwarden.processor.diag.Reporter;
import dev.toolwarden.processor.model.ToolClassModel;

/** One rule family over a read class. Checks only report; they never change the model. */
public interface ModelCheck {

  void check(ToolClassModel model, Reporter reporter);
}
