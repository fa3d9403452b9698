package dev.toolwarden.runtime.internal.stdio;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.spec.McpServerSession;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ObservedSession} forwards to the SDK's session; a public method it inherited instead would run on its own
 * unused instance state. An SDK update that adds one fails here.
 */
class ObservedSessionTest {

  @Test
  void everyPublicMethodOfTheSdkSessionIsForwarded() {
    List<String> inherited = new ArrayList<>();
    for (Method m : McpServerSession.class.getMethods()) {
      if (Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class) {
        continue;
      }
      try {
        Method mine = ObservedSession.class.getMethod(m.getName(), m.getParameterTypes());
        if (mine.getDeclaringClass() != ObservedSession.class) {
          inherited.add(m.toString());
        }
      } catch (NoSuchMethodException e) {
        inherited.add(m.toString());
      }
    }
    assertTrue(inherited.isEmpty(), () -> "not forwarded to the SDK's session: " + inherited);
  }
}
