package dev.toolwarden.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toolwarden.runtime.testtools.BadSchemaTools;
import dev.toolwarden.runtime.testtools.DuplicateTools;
import dev.toolwarden.runtime.testtools.EchoTools;
import dev.toolwarden.runtime.testtools.FileTools;
import dev.toolwarden.runtime.testtools.NoBundleTools;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up checks: each error is one clear message, raised before anything is served. */
class BootstrapTest {

  private static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
      + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}\n"
      + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
      + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}\n";

  /** Runs a stdio session over in-memory streams and returns what the server wrote. */
  private static String serve(ServerBuilder builder, String input) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    builder.stdio(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String startupError(ServerBuilder builder) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ToolwardenStartupException e = assertThrows(ToolwardenStartupException.class,
        () -> builder.stdio(new ByteArrayInputStream(new byte[0]), out));
    assertEquals(0, out.size(), "nothing may be served after a start-up error");
    assertEquals(0, e.getStackTrace().length, "start-up errors carry no stack trace");
    return e.getMessage();
  }

  @Test
  void boundInstanceWithoutGeneratedBundleNamesTheClassAndTheProcessor() {
    String m = startupError(Toolwarden.server("t", "1").tools(new NoBundleTools()));
    assertTrue(m.contains(NoBundleTools.class.getName()), m);
    assertTrue(m.contains("toolwarden-processor"), m);
    assertTrue(m.contains("annotation processor path"), m);
  }

  @Test
  void serverWithoutToolsIsAnError() {
    String m = startupError(Toolwarden.server("t", "1"));
    assertTrue(m.startsWith("no tools to serve"), m);
  }

  @Test
  void factoryThatProvidesNothingLeavesNoToolsToServe() {
    String m = startupError(Toolwarden.server("t", "1").toolFactory(new ToolFactory() {
      @Override
      public <T> T create(Class<T> type) {
        return null;
      }
    }));
    assertTrue(m.startsWith("no tools to serve"), m);
  }

  @Test
  void duplicateToolNamesAreAnError() {
    String m = startupError(Toolwarden.server("t", "1").tools(new EchoTools(), new DuplicateTools()));
    assertTrue(m.startsWith("duplicate tool name 'echo'"), m);
    assertTrue(m.contains(EchoTools.class.getName()) && m.contains(DuplicateTools.class.getName()), m);
  }

  @Test
  void twoInstancesOfOneToolClassAreAnError() {
    String m = startupError(Toolwarden.server("t", "1").tools(new EchoTools(), new EchoTools()));
    assertTrue(m.startsWith("two bound instances serve the tools of " + EchoTools.class.getName()), m);
  }

  @Test
  void safePathRootThatIsNotBoundIsAnError() {
    String m = startupError(Toolwarden.server("t", "1").tools(new FileTools()));
    assertTrue(m.contains("tool 'read_file' needs the root 'workspace'"), m);
    assertTrue(m.contains("toolwarden.root.workspace") && m.contains("TOOLWARDEN_ROOT_WORKSPACE"), m);
  }

  @Test
  void safePathRootThatIsNotADirectoryIsAnError(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("plain-file"), "x");
    String m = startupError(Toolwarden.server("t", "1").tools(new FileTools()).root("workspace", file));
    assertTrue(m.startsWith("root 'workspace' is not a directory"), m);
  }

  @Test
  void rootCanComeFromConfiguration(@TempDir Path dir) {
    String out = serve(Toolwarden.server("t", "1").tools(new FileTools()).config("root.workspace", dir.toString()), INIT);
    assertTrue(out.contains("\"read_file\""), out);
  }

  @Test
  void sdkRejectsAnInvalidSchemaAtBuildAndWeReportItAsAStartupError() {
    String m = startupError(Toolwarden.server("t", "1").tools(new BadSchemaTools()));
    assertTrue(m.startsWith("the MCP SDK rejected the server definition"), m);
    assertTrue(m.contains("bad_schema"), m);
  }

  @Test
  void factorySuppliesInstancesForUnboundBundlesAndOthersAreSkipped(@TempDir Path dir) {
    String out = serve(Toolwarden.server("t", "1").root("workspace", dir).toolFactory(new ToolFactory() {
      @Override
      public <T> T create(Class<T> type) {
        return type == FileTools.class ? type.cast(new FileTools()) : null;
      }
    }), INIT);
    assertTrue(out.contains("\"read_file\""), out);
    assertFalse(out.contains("\"echo\""), out);
  }

  @Test
  void toolsListCarriesSchemasTitlesAndHints() {
    String out = serve(Toolwarden.server("t", "1").tools(new EchoTools()), INIT);
    assertTrue(out.contains("\"name\":\"echo\""), out);
    assertTrue(out.contains("\"title\":\"Echo\""), out);
    assertTrue(out.contains("\"readOnlyHint\":true"), out);
    assertTrue(out.contains("\"minLength\":1"), out);
    assertTrue(out.contains("\"outputSchema\""), out);
  }

  @Test
  void unknownTransportIsAStartupError() {
    ToolwardenStartupException e = assertThrows(ToolwardenStartupException.class,
        () -> Toolwarden.server("t", "1").tools(new EchoTools()).config("transport", "carrier-pigeon").start());
    assertEquals("invalid toolwarden.transport / TOOLWARDEN_TRANSPORT = 'carrier-pigeon': unknown value;"
        + " accepted: one of stdio, http", e.getMessage());
    assertTrue(e.getMessage().contains("TOOLWARDEN_TRANSPORT"), e.getMessage());
  }

  @Test
  void startWithHttpFromConfigurationRefusesANonLoopbackHost() {
    ToolwardenStartupException e = assertThrows(ToolwardenStartupException.class,
        () -> Toolwarden.server("t", "1").tools(new EchoTools()).config("transport", "http")
            .config("http.host", "0.0.0.0").config("http.port", "0").start());
    assertTrue(e.getMessage().startsWith("refusing to bind the HTTP transport to '0.0.0.0'"), e.getMessage());
  }
}
