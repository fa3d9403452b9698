package dev.toolwarden.runtime.internal.jsonrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link RequestRecordsMapper} against the SDK mapper's own conversion: for random params of {@code tools/call},
 * {@code resources/read} and {@code prompts/get} — right and wrong members, every scalar type a parse can give,
 * nested lists and maps, immutable containers — the record it returns equals the conversion's, every nested scalar
 * of the same class, every map in the same member order; and where it is not certain it is the conversion's answer.
 */
class RequestRecordsMapperTest {

  private static final McpJsonMapper SDK = McpJsonDefaults.getMapper();
  private static final McpJsonMapper MAPPER = RequestRecordsMapper.wrap(SDK);
  private static final TypeRef<McpSchema.CallToolRequest> CALL = new TypeRef<>() {};
  private static final TypeRef<McpSchema.ReadResourceRequest> READ = new TypeRef<>() {};
  private static final TypeRef<McpSchema.GetPromptRequest> PROMPT = new TypeRef<>() {};

  @Test
  void randomParamsConvertExactlyAsTheSdkMapperDoes() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    int direct = 0;
    for (int i = 0; i < 30_000; i++) {
      Map<String, Object> params = params(random);
      for (TypeRef<?> type : List.of(CALL, READ, PROMPT)) {
        Object expected = convertOrFailure(SDK, params, type);
        Object got = convertOrFailure(MAPPER, params, type);
        String where = "seed " + seed + ", " + type.getType().getTypeName() + " of " + params;
        assertEquals(expected, got, where);
        assertSameShape(expected, got, where);
        if (builtDirectly(got, params)) {
          direct++;
        }
      }
    }
    assertTrue(direct > 5_000, "too few params took the direct way (" + direct + "): the test compares too little");
  }

  @Test
  void plainParamsAreBuiltDirectlyAndOthersConverted() {
    Map<String, Object> arguments = new HashMap<>(Map.of("path", "a.txt", "limit", 3));
    Map<String, Object> params = new HashMap<>(Map.of("name", "read_file", "arguments", arguments));
    assertSame(arguments, MAPPER.convertValue(params, CALL).arguments(), "built directly: the parse's own map");
    assertNotSame(arguments, SDK.convertValue(params, CALL).arguments(), "the SDK's conversion copies");

    Map<String, Object> withLong = new HashMap<>(Map.of("name", "read_file", "arguments",
        new HashMap<>(Map.of("limit", 3L))));
    assertEquals(SDK.convertValue(withLong, CALL), MAPPER.convertValue(withLong, CALL));
    assertNotSame(withLong.get("arguments"), MAPPER.convertValue(withLong, CALL).arguments(), "a Long is converted");

    Map<String, Object> immutable = new HashMap<>(Map.of("name", "t", "arguments", Map.of("a", 1)));
    assertNotSame(immutable.get("arguments"), MAPPER.convertValue(immutable, CALL).arguments(),
        "an immutable map is converted (the SDK's conversion gives a mutable one)");
  }

  /** True when {@code got} holds the params' own (non-empty) arguments or meta map: the conversion would copy it. */
  private static boolean builtDirectly(Object got, Map<String, Object> params) {
    Object arguments = got instanceof McpSchema.CallToolRequest c ? c.arguments()
        : got instanceof McpSchema.GetPromptRequest p ? p.arguments() : null;
    Object meta = got instanceof McpSchema.CallToolRequest c ? c.meta()
        : got instanceof McpSchema.GetPromptRequest p ? p.meta()
        : got instanceof McpSchema.ReadResourceRequest rr ? rr.meta() : null;
    return (arguments != null && arguments == params.get("arguments"))
        || (meta != null && meta == params.get("_meta"));
  }

  @Test
  void sessionsOfOneClientProgramShareItsInfoAndCapabilities() {
    McpJsonMapper mapper = RequestRecordsMapper.wrap(SDK); // a server's own mapper: nothing shared with other tests
    TypeRef<McpSchema.InitializeRequest> init = new TypeRef<>() {};
    McpSchema.InitializeRequest first = mapper.convertValue(initialize("inspector", "1.0", true), init);
    McpSchema.InitializeRequest second = mapper.convertValue(initialize("inspector", "1.0", true), init);
    McpSchema.InitializeRequest other = mapper.convertValue(initialize("inspector", "1.1", false), init);
    assertEquals(SDK.convertValue(initialize("inspector", "1.0", true), init), second, "the same request as the SDK's");
    assertSame(first.clientInfo(), second.clientInfo());
    assertSame(first.capabilities(), second.capabilities());
    assertNotSame(first.clientInfo(), other.clientInfo());
    assertNotSame(first.capabilities(), other.capabilities());
    assertEquals(SDK.convertValue(initialize("inspector", "1.1", false), init), other);
  }

  @Test
  void theInternerStopsSharingAtItsCapacityAndNeverGrowsPastIt() {
    BoundedInterner<String> interner = new BoundedInterner<>(2);
    String a = interner.intern(new String("a"));
    assertSame(a, interner.intern(new String("a")));
    String b = interner.intern(new String("b"));
    String c = new String("c");
    assertSame(c, interner.intern(c), "past the capacity a value is returned as given");
    assertNotSame(c, interner.intern(new String("c")), "and not kept");
    assertSame(b, interner.intern(new String("b")), "what was kept is still shared");
  }

  private static Map<String, Object> initialize(String name, String version, boolean roots) {
    Map<String, Object> params = new HashMap<>();
    params.put("protocolVersion", "2025-11-25");
    params.put("clientInfo", new HashMap<>(Map.of("name", name, "version", version)));
    params.put("capabilities", new HashMap<>(roots ? Map.of("roots", new HashMap<>(Map.of("listChanged", true)))
        : Map.of()));
    return params;
  }

  private static Object convertOrFailure(McpJsonMapper mapper, Map<String, Object> params, TypeRef<?> type) {
    try {
      return mapper.convertValue(params, type);
    } catch (RuntimeException e) {
      return e.getClass().getName();
    }
  }

  /** The same nested scalars' classes and the same map member order (equals ignores both). */
  private static void assertSameShape(Object expected, Object got, String where) {
    if (expected instanceof McpSchema.CallToolRequest e && got instanceof McpSchema.CallToolRequest g) {
      assertSameShape(e.arguments(), g.arguments(), where);
      assertSameShape(e.meta(), g.meta(), where);
    } else if (expected instanceof McpSchema.GetPromptRequest e && got instanceof McpSchema.GetPromptRequest g) {
      assertSameShape(e.arguments(), g.arguments(), where);
      assertSameShape(e.meta(), g.meta(), where);
    } else if (expected instanceof McpSchema.ReadResourceRequest e && got instanceof McpSchema.ReadResourceRequest g) {
      assertSameShape(e.meta(), g.meta(), where);
    } else if (expected instanceof Map<?, ?> e && got instanceof Map<?, ?> g) {
      assertEquals(List.copyOf(e.keySet()), List.copyOf(g.keySet()), "member order, " + where);
      for (Object key : e.keySet()) {
        assertSameShape(e.get(key), g.get(key), where);
      }
    } else if (expected instanceof List<?> e && got instanceof List<?> g) {
      Iterator<?> gi = g.iterator();
      for (Object element : e) {
        assertSameShape(element, gi.next(), where);
      }
    } else if (expected != null) {
      assertEquals(expected.getClass(), got.getClass(), "class of " + expected + ", " + where);
    }
  }

  private static Map<String, Object> params(Random r) {
    Map<String, Object> params = r.nextInt(4) == 0 ? new LinkedHashMap<>() : new HashMap<>();
    if (r.nextInt(10) > 0) {
      params.put(r.nextBoolean() ? "name" : "uri", r.nextInt(12) == 0 ? scalar(r) : "x" + r.nextInt(100));
    }
    if (r.nextInt(5) > 0) {
      params.put("arguments", r.nextInt(8) == 0 ? value(r, 2) : map(r, 3));
    }
    if (r.nextInt(3) == 0) {
      params.put("_meta", r.nextInt(8) == 0 ? value(r, 2) : map(r, 2));
    }
    if (r.nextInt(15) == 0) {
      params.put(r.nextBoolean() ? "extra" : "task", value(r, 1));
    }
    if (r.nextInt(20) == 0) {
      params.put("uri", r.nextBoolean() ? null : "bench://" + r.nextInt(10));
    }
    return params;
  }

  private static Object value(Random r, int depth) {
    int kind = r.nextInt(depth > 0 ? 10 : 7);
    return switch (kind) {
      case 7, 8 -> map(r, depth - 1);
      case 9 -> list(r, depth - 1);
      default -> scalar(r);
    };
  }

  private static Map<String, Object> map(Random r, int depth) {
    int n = r.nextInt(5);
    Map<String, Object> map = switch (r.nextInt(12)) {
      case 0 -> null;
      case 1 -> n == 0 ? Map.of() : Map.of("k", "v" + r.nextInt(9));
      case 2, 3 -> new LinkedHashMap<>();
      default -> new HashMap<>();
    };
    if (map == null || !(map instanceof HashMap)) {
      return map;
    }
    for (int i = 0; i < n; i++) {
      map.put("k" + r.nextInt(50), value(r, Math.max(0, depth)));
    }
    return map;
  }

  private static List<Object> list(Random r, int depth) {
    int n = r.nextInt(4);
    if (r.nextInt(10) == 0) {
      return n == 0 ? List.of() : List.of(r.nextInt(9));
    }
    List<Object> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(value(r, Math.max(0, depth)));
    }
    return list;
  }

  private static Object scalar(Random r) {
    return switch (r.nextInt(11)) {
      case 0 -> null;
      case 1 -> r.nextBoolean();
      case 2 -> r.nextInt();
      case 3 -> r.nextInt(100) - 50;
      case 4 -> r.nextBoolean() ? (long) r.nextInt(1000) : r.nextLong();
      case 5 -> BigInteger.valueOf(r.nextLong()).multiply(BigInteger.TEN.pow(r.nextInt(3)));
      case 6 -> r.nextDouble() * 1e6 - 5e5;
      case 7 -> r.nextBoolean() ? 1.0 : -0.0;
      case 8 -> new BigDecimal(r.nextInt(1000)).movePointLeft(r.nextInt(4));
      case 9 -> "é\u2028\"" + r.nextInt(10);
      default -> "s" + r.nextInt(1000);
    };
  }
}
