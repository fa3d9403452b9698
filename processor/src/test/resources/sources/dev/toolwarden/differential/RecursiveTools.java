package dev.toolwarden.differential;

import dev.toolwarden.McpTool;
import dev.toolwarden.Nullable;
import dev.toolwarden.RequiresScope;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Recursive records, through lists, maps, nullable and optional components, and mutually recursive ones. */
@RequiresScope("test")
public class RecursiveTools {

  public record Node(@NotEmpty String name, @Size(max = 3) List<Node> children, @Nullable Node next) {}

  public record Expr(@Nullable Literal literal, @Nullable Operation operation) {}

  public record Literal(@Min(-100) @Max(100) int value) {}

  public record Operation(Operator operator, @Size(min = 2, max = 2) List<Expr> operands) {}

  public enum Operator { ADD, MUL }

  public record Dir(String name, Map<String, Dir> entries, Optional<Dir> parent) {}

  /** A tree. */
  @McpTool(name = "recursive_tree")
  public void tree(Node root) {
    Capture.args(root);
  }

  /** Mutual recursion and recursion through maps. */
  @McpTool(name = "recursive_expr")
  public void expr(Expr expr, @Nullable Dir dir) {
    Capture.args(expr, dir);
  }
}
