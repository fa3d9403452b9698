package dev.toolwarden.runtime.internal.jsonrpc;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/**
 * The SDK server's JSON mapper, except that the params of {@code tools/call}, {@code resources/read} and
 * {@code prompts/get} become their request records by the records' own constructors when the result is certain to be
 * what the mapper's conversion would give, and that an {@code initialize} request's client info and capabilities are
 * shared with equal earlier ones ({@link BoundedInterner}: what an idle session holds).
 *
 * <p>The SDK server converts a request's params (already plain maps, lists and scalars) into its request record with
 * {@code convertValue}: the members are written to a token buffer and read back through the record's creator, about
 * as much work as the whole rest of a {@code resources/read}. For params whose members are only the record's own, of
 * the types the creator takes, and whose nested values the conversion would copy unchanged (strings, booleans,
 * integers, doubles, lists, maps with string keys: {@link #isPlain}), the record built directly is equal to the
 * converted one, nested value for nested value, scalar class for scalar class, in the same member order
 * ({@code RequestRecordsMapperTest} compares them on random params). Anything else — an unknown member, a missing or non-string name, another number type — goes
 * to the mapper, so its coercions, defaults and errors stay exactly the SDK's.
 */
public final class RequestRecordsMapper extends ForwardingJsonMapper {

  private final BoundedInterner<McpSchema.Implementation> clients = new BoundedInterner<>(256);
  private final BoundedInterner<McpSchema.ClientCapabilities> capabilities = new BoundedInterner<>(256);

  private RequestRecordsMapper(McpJsonMapper mapper) {
    super(mapper);
  }

  /** {@code mapper}, building the request records it would convert to directly where that is certain to agree. */
  public static McpJsonMapper wrap(McpJsonMapper mapper) {
    return mapper instanceof RequestRecordsMapper ? mapper : new RequestRecordsMapper(mapper);
  }

  @Override
  public <T> T convertValue(Object fromValue, TypeRef<T> type) {
    Object record = fromValue instanceof Map<?, ?> params ? direct(params, type.getType()) : null;
    @SuppressWarnings("unchecked")
    T t = record != null ? (T) record : mapper.convertValue(fromValue, type);
    if (t instanceof McpSchema.InitializeRequest init) {
      @SuppressWarnings("unchecked")
      T shared = (T) shareClientValues(init);
      return shared;
    }
    return t;
  }

  /**
   * The {@code initialize} request with its client info and capabilities shared with equal earlier ones: the SDK's
   * session keeps both for its lifetime, and the sessions of a deployment come from a few client programs.
   */
  private McpSchema.InitializeRequest shareClientValues(McpSchema.InitializeRequest init) {
    return new McpSchema.InitializeRequest(init.protocolVersion(), capabilities.intern(init.capabilities()),
        clients.intern(init.clientInfo()), init.meta());
  }

  /** The record for {@code params}, or null when only the mapper's conversion can say. */
  private static Object direct(Map<?, ?> params, Type type) {
    boolean read = type == McpSchema.ReadResourceRequest.class;
    boolean call = type == McpSchema.CallToolRequest.class;
    if ((!read && !call && type != McpSchema.GetPromptRequest.class) || !plainMap(params, "_meta")) {
      return null;
    }
    if (read) {
      return onlyMembers(params, "uri") && params.get("uri") instanceof String uri
          ? new McpSchema.ReadResourceRequest(uri, map(params, "_meta")) : null;
    }
    if (!onlyMembers(params, "name", "arguments") || !(params.get("name") instanceof String name)
        || !plainMap(params, "arguments")) {
      return null;
    }
    return call ? new McpSchema.CallToolRequest(name, map(params, "arguments"), map(params, "_meta"))
        : new McpSchema.GetPromptRequest(name, map(params, "arguments"), map(params, "_meta"));
  }

  /** True when every member of {@code params} is one of {@code names} or {@code _meta}. */
  private static boolean onlyMembers(Map<?, ?> params, String... names) {
    int known = params.containsKey("_meta") ? 1 : 0;
    for (String name : names) {
      if (params.containsKey(name)) {
        known++;
      }
    }
    return known == params.size();
  }

  /** True when the member {@code key} is absent, null, or a map the conversion would copy unchanged. */
  private static boolean plainMap(Map<?, ?> params, String key) {
    Object value = params.get(key);
    return value == null || value instanceof HashMap<?, ?> && isPlain(value);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<?, ?> params, String key) {
    return (Map<String, Object>) params.get(key);
  }

  /**
   * True for the values the conversion copies unchanged: null, strings, booleans, integers, doubles, and lists and
   * string-keyed maps of those (a {@code Long}, for one, may come back as an {@code Integer}). The containers must be
   * the mutable ones a parse makes ({@code ArrayList}, {@code HashMap} or {@code LinkedHashMap}), as the conversion's
   * are, so that code that adds to the arguments it is given behaves as with the SDK's own conversion.
   */
  static boolean isPlain(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
        || value instanceof Double) {
      return true;
    }
    if (value instanceof ArrayList<?> list) {
      for (Object element : list) {
        if (!isPlain(element)) {
          return false;
        }
      }
      return true;
    }
    if (value instanceof HashMap<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String) || !isPlain(e.getValue())) {
          return false;
        }
      }
      return true;
    }
    return false;
  }
}
