package dev.toolwarden.runtime.internal.http;

import dev.toolwarden.runtime.internal.jsonrpc.ForwardingJsonMapper;
import dev.toolwarden.runtime.internal.jsonrpc.JsonRpcBody;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Map;

/**
 * The SDK transport's JSON mapper, except that when the SDK's servlet reads the body {@link JsonRpcBodyFilter} has
 * just parsed and judged, it gets that parse back instead of parsing the canonical bytes a second time.
 *
 * <p>The SDK reads a {@code POST} body as {@code readValue(text, HashMap)} and then {@code convertValue(members,
 * JSONRPC…)} ({@code McpSchema.deserializeJsonRpcMessage}) on the request thread, inside the filter chain. While the
 * chain runs, the filter's {@link #judging scope} holds the parsed body on that thread; a read of exactly its
 * canonical text returns its members, and the conversion of exactly those members returns the message the filters
 * judged. So the SDK executes the very object that was checked, and a read of anything else — another text, another
 * thread, after the chain — is the plain mapper's.
 */
final class JudgedBodyMapper extends ForwardingJsonMapper {

  private static final ThreadLocal<JsonRpcBody> JUDGED = new ThreadLocal<>();

  private JudgedBodyMapper(McpJsonMapper mapper) {
    super(mapper);
  }

  /** {@code mapper}, answering the SDK's read of a judged body from the filters' parse. */
  static McpJsonMapper wrap(McpJsonMapper mapper) {
    return mapper instanceof JudgedBodyMapper ? mapper : new JudgedBodyMapper(mapper);
  }

  /** Makes {@code body} the judged body of this thread until the returned scope is closed. */
  static Scope judging(JsonRpcBody body) {
    JsonRpcBody outer = JUDGED.get();
    JUDGED.set(body);
    return () -> {
      if (outer == null) {
        JUDGED.remove();
      } else {
        JUDGED.set(outer);
      }
    };
  }

  /** The end of a {@link #judging} scope. */
  interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T readValue(String content, TypeRef<T> type) throws IOException {
    JsonRpcBody body = JUDGED.get();
    if (body != null && isMap(type.getType()) && body.isCanonicalText(content)) {
      return (T) body.members();
    }
    return mapper.readValue(content, type);
  }

  @Override
  public <T> T convertValue(Object fromValue, Class<T> type) {
    JsonRpcBody body = JUDGED.get();
    if (body != null && fromValue == body.members() && type.isInstance(body.message())) {
      return type.cast(body.message());
    }
    return mapper.convertValue(fromValue, type);
  }

  private static boolean isMap(Type type) {
    Type raw = type instanceof ParameterizedType p ? p.getRawType() : type;
    return raw == HashMap.class || raw == Map.class;
  }
}
