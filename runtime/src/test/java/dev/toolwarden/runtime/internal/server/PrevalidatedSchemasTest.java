package dev.toolwarden.runtime.internal.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.spi.ToolBundle;
import dev.toolwarden.runtime.spi.ToolDefinition;
import dev.toolwarden.runtime.testtools.EchoToolsBundle;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SDK's start-up meta-schema check is skipped only for the schema objects of processor-generated
 * bundles; every other schema still gets the SDK's check.
 */
class PrevalidatedSchemasTest {

  private static Map<String, Object> invalidSchema() {
    return Map.of("type", "object", "properties", Map.of("x", Map.of("type", "strange")));
  }

  @Test
  void aSchemaNotMarkedAsCheckedGetsTheSdkMetaSchemaCheck() {
    PrevalidatedSchemas schemas = new PrevalidatedSchemas();
    schemas.trust(invalidSchema()); // an equal but different object is not trusted
    assertFalse(schemas.validateSchema(invalidSchema()).valid(), "the SDK's default validator rejects it");
    assertTrue(schemas.validateSchema(Map.of("type", "object")).valid());
  }

  @Test
  void theVeryObjectOfACompileTimeCheckedSchemaIsNotCheckedAgain() {
    PrevalidatedSchemas schemas = new PrevalidatedSchemas();
    Map<String, Object> generated = invalidSchema(); // invalid on purpose: proves that no check runs
    schemas.trust(generated);
    assertTrue(schemas.validateSchema(generated).valid());
  }

  @Test
  void onlyTheBundleNamedAsTheProcessorNamesItCountsAsGenerated() {
    assertFalse(Bootstrap.isGenerated(new EchoToolsBundle()), "hand-written test bundle");
    assertTrue(Bootstrap.isGenerated(new Named_ToolBundle()));
    assertTrue(Bootstrap.isGenerated(new Named_Inner_ToolBundle()));
    assertFalse(Bootstrap.isGenerated(new OtherTarget_ToolBundle()), "serves another class than its name says");
  }
}

/** A tool class for the naming test. */
final class Named {
  static final class Inner {}
}

/** Named as the processor names the bundle of {@link Named}. */
final class Named_ToolBundle implements ToolBundle {
  @Override
  public Class<?> toolClass() {
    return Named.class;
  }

  @Override
  public List<ToolDefinition> tools() {
    return List.of();
  }
}

/** Named as the processor names the bundle of {@link Named.Inner}. */
final class Named_Inner_ToolBundle implements ToolBundle {
  @Override
  public Class<?> toolClass() {
    return Named.Inner.class;
  }

  @Override
  public List<ToolDefinition> tools() {
    return List.of();
  }
}

/** A bundle whose name does not match the class it serves. */
final class OtherTarget_ToolBundle implements ToolBundle {
  @Override
  public Class<?> toolClass() {
    return Named.class;
  }

  @Override
  public List<ToolDefinition> tools() {
    return List.of();
  }
}
