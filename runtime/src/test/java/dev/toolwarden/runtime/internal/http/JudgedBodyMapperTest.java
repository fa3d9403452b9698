package dev.toolwarden.runtime.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.toolwarden.runtime.internal.jsonrpc.JsonRpcBody;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The SDK's own read of a judged body, through the transport's mapper, yields the very message that was judged. */
class JudgedBodyMapperTest {

  private static final McpJsonMapper JSON = McpJsonDefaults.getMapper();
  private static final McpJsonMapper SDK_VIEW = JudgedBodyMapper.wrap(JSON);

  @Test
  void theSdksReadOfTheJudgedTextIsTheJudgedMessage() throws Exception {
    JsonRpcBody body = parse("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"t\"}}");
    try (JudgedBodyMapper.Scope judged = JudgedBodyMapper.judging(body)) {
      assertSame(body.message(), McpSchema.deserializeJsonRpcMessage(SDK_VIEW, text(body)));
    }
  }

  @Test
  void anyOtherTextThreadOrMomentIsReadAfresh() throws Exception {
    JsonRpcBody body = parse("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    String other = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\"}";
    try (JudgedBodyMapper.Scope judged = JudgedBodyMapper.judging(body)) {
      McpSchema.JSONRPCMessage read = McpSchema.deserializeJsonRpcMessage(SDK_VIEW, other);
      assertEquals("notifications/cancelled", ((McpSchema.JSONRPCNotification) read).method());
      McpSchema.JSONRPCMessage elsewhere = CompletableFuture.supplyAsync(() -> {
        try {
          return McpSchema.deserializeJsonRpcMessage(SDK_VIEW, text(body));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }).get();
      assertEquals(body.message(), elsewhere);
      assertNotSame(body.message(), elsewhere);
    }
    McpSchema.JSONRPCMessage after = McpSchema.deserializeJsonRpcMessage(SDK_VIEW, text(body));
    assertEquals(body.message(), after);
    assertNotSame(body.message(), after);
  }

  @Test
  void anInnerScopeGivesTheOuterBodyBackWhenItEnds() throws Exception {
    JsonRpcBody outer = parse("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");
    JsonRpcBody inner = parse("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}");
    try (JudgedBodyMapper.Scope o = JudgedBodyMapper.judging(outer)) {
      try (JudgedBodyMapper.Scope i = JudgedBodyMapper.judging(inner)) {
        assertSame(inner.message(), McpSchema.deserializeJsonRpcMessage(SDK_VIEW, text(inner)));
      }
      assertSame(outer.message(), McpSchema.deserializeJsonRpcMessage(SDK_VIEW, text(outer)));
    }
  }

  private static JsonRpcBody parse(String text) throws Exception {
    return JsonRpcBody.parse(text.getBytes(StandardCharsets.UTF_8), JSON);
  }

  private static String text(JsonRpcBody body) {
    return new String(body.canonical(), StandardCharsets.US_ASCII);
  }
}
