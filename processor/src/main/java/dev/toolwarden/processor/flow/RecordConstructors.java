package dev.toolwarden.processor.flow;

import com.sun.source.tree.CompilationUnitTree;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a compilation unit's source declares a record with a constructor of its own (compact or not, nested or
 * local). The flow analysis asks javac for the elements and types of body expressions during annotation processing,
 * which attributes the class around them; javac then attributes it again, and a record constructor written in the
 * source, attributed twice, fails as "invalid canonical constructor … must not contain explicit constructor
 * invocation": valid code would no longer compile. Such a unit's bodies are left unchecked, with a note, rather than
 * break the build.
 *
 * <p>Read from the source text, not the tree: by now javac has added the implicit canonical constructor of every
 * member record to the tree, indistinguishable there from a written one. The reading errs towards finding one (a
 * comment can name it), which only costs the check of that unit.
 */
final class RecordConstructors {

  private static final Pattern RECORD = Pattern.compile("\\brecord\\s+([\\p{L}_$][\\p{L}\\p{N}_$]*)");

  private RecordConstructors() {}

  static boolean in(CompilationUnitTree unit) {
    String source;
    try {
      source = unit.getSourceFile().getCharContent(true).toString();
    } catch (IOException | RuntimeException e) {
      return true; // not readable: assume the worst rather than risk the build
    }
    Matcher records = RECORD.matcher(source);
    while (records.find()) {
      // the record's name followed by its parameters or a compact body, other than in its header or a `new`
      Pattern constructor = Pattern.compile("(?<!record\\s{1,20})(?<!new\\s{1,20})(?<![\\p{L}\\p{N}_$.])"
          + Pattern.quote(records.group(1)) + "\\s*[({]");
      if (constructor.matcher(source).region(records.end(), source.length()).find()) {
        return true;
      }
    }
    return false;
  }
}
