package dev.toolwarden.processor.flow;

import com.sun.source.tree.Tree;
import dev.toolwarden.processor.diag.Rule;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * The command sinks ({@code Runtime.exec}, {@code ProcessBuilder}): a tool argument may be a separate argument of
 * a fixed program, never the program itself, a shell's {@code -c} script or a whole command line. A separate
 * argument that may start with {@code '-'} and is not preceded by {@code "--"} is a warning (options injection).
 */
final class CommandLine {

  private static final Set<String> SHELLS = Set.of("sh", "bash", "zsh", "dash", "ksh", "ash", "fish", "csh", "tcsh",
      "cmd", "cmd.exe", "powershell", "powershell.exe", "pwsh", "pwsh.exe");

  private CommandLine() {}

  static void check(Calls calls, Sink sink, ExecutableElement m, List<Value> args, Tree at, String display) {
    if (args.isEmpty() || m.getParameters().isEmpty()) {
      return; // command() without arguments reads the command
    }
    Value command = args.get(0);
    TypeMirror first = m.getParameters().get(0).asType();
    if (first instanceof DeclaredType d && Sources.qualifiedName(d).equals("java.lang.String")) {
      report(calls, command, display, "a whole command line (split on spaces: every word is chosen by the client)", at);
      return;
    }
    List<Value> elements = command.elements();
    if (elements == null) {
      report(calls, command, display, "a command whose program and arguments are not known separately "
          + "(build it with List.of or varargs so the program is visibly fixed)", at);
      return;
    }
    if (elements.isEmpty()) {
      return;
    }
    if (report(calls, elements.get(0), display, "the program to run", at)) {
      return;
    }
    String program = programName(elements.get(0).constant());
    int scriptFrom = SHELLS.contains(program) ? scriptIndex(elements, program) : -1;
    boolean afterDoubleDash = false;
    for (int i = 1; i < elements.size(); i++) {
      Value e = elements.get(i);
      if (scriptFrom >= 0 && i >= scriptFrom) {
        report(calls, e, display, "a script run by the shell " + program, at);
        continue;
      }
      Taint t = e.dangerousFor(SinkKind.COMMAND);
      if (t != null && t.mayStartWithDash() && !afterDoubleDash) {
        calls.report(Rule.COMMAND_OPTION, t, display, "an argument of " + program, at);
      }
      afterDoubleDash |= "--".equals(e.constant());
    }
  }

  private static boolean report(Calls calls, Value v, String display, String as, Tree at) {
    Taint t = v.dangerousFor(SinkKind.COMMAND);
    if (t != null) {
      calls.report(Rule.COMMAND_INJECTION, t, display, as, at);
    }
    return t != null;
  }

  /** {@code /bin/bash} and {@code C:\Windows\cmd.exe} are {@code bash} and {@code cmd.exe}; unknown is "". */
  private static String programName(String constant) {
    if (constant == null) {
      return "";
    }
    int slash = Math.max(constant.lastIndexOf('/'), constant.lastIndexOf('\\'));
    return constant.substring(slash + 1).toLowerCase(Locale.ROOT);
  }

  /**
   * Where a shell's script starts: after {@code -c} (also combined, {@code -lc}), {@code /c} or {@code /k} for
   * cmd, {@code -Command} for PowerShell; with none of those the first non-option argument is a script file.
   */
  private static int scriptIndex(List<Value> elements, String shell) {
    for (int i = 1; i < elements.size(); i++) {
      String c = elements.get(i).constant();
      if (c == null) {
        return i; // an argument we cannot read: it may be the script
      }
      String lower = c.toLowerCase(Locale.ROOT);
      boolean cmd = shell.startsWith("cmd");
      if (cmd && (lower.equals("/c") || lower.equals("/k"))
          || !cmd && lower.matches("-[a-z]*c[a-z]*|-command|-encodedcommand|-ec")) {
        return i + 1;
      }
      if (!c.startsWith("-") && !(cmd && c.startsWith("/"))) {
        return i; // a script file to run
      }
    }
    return elements.size();
  }
}
