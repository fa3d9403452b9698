package dev.toolwarden.processor.validation;

import dev.toolwarden.processor.validation.Seeds.Seed;
import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Names the case seed of a failed seeded property and the command line that replays it, so a
 * failure found once can be reproduced and debugged alone.
 */
final class SeedReporter implements InvocationInterceptor {

  @Override
  public void interceptTestTemplateMethod(Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
    try {
      invocation.proceed();
    } catch (Throwable t) {
      Optional<Seed> seed = invocationContext.getArguments().stream()
          .filter(Seed.class::isInstance).map(Seed.class::cast).findFirst();
      if (seed.isEmpty()) {
        throw t;
      }
      String method = invocationContext.getExecutable().getName();
      String replay = "failed for " + seed.get() + " (replay: -Dtest='"
          + invocationContext.getTargetClass().getSimpleName() + "#" + method + "' -D" + Seeds.REPLAY + "="
          + seed.get().value() + "): ";
      System.err.println(replay + t);
      AssertionError e = new AssertionError(replay + t.getMessage(), t);
      throw e;
    }
  }
}
