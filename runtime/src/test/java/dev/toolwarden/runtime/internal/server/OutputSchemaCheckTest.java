package dev.toolwarden.runtime.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The compiled output check gives the SDK validator's verdict whenever it gives one: random content, right and
 * wrong, against output schemas of every shape the processor writes.
 */
class OutputSchemaCheckTest {

  private static final JsonSchemaValidator SDK = McpJsonDefaults.getSchemaValidator();

  /** Output schemas as the processor writes them (records, nullable fields, enums, lists, sets, maps, wrapped results, recursion). */
  private static final List<String> SCHEMAS = List.of(
      """
      {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","properties":{"id":{"type":"string"},
       "cardNumber":{"description":"redacted","type":["string","null"]},"count":{"type":"integer"}},
       "required":["id","cardNumber","count"],"additionalProperties":false}""",
      """
      {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","properties":{"when":{"type":"string",
       "format":"date-time"},"kind":{"type":"string","enum":["A","B"]},"maybe":{"type":["string","null"],"enum":["A","B",null]},
       "ratio":{"type":"number"},"ok":{"type":["boolean","null"]},"tags":{"type":"array","items":{"type":"string"},
       "uniqueItems":true},"ids":{"type":"array","items":{"type":["integer","null"]}},"scores":{"type":"object",
       "additionalProperties":{"type":"integer"}}},"required":["when","kind","ratio","tags","ids","scores"],
       "additionalProperties":false}""",
      """
      {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","properties":{"result":{"type":"array",
       "items":{"$ref":"#/$defs/Node"}}},"required":["result"],"additionalProperties":false,"$defs":{"Node":{"type":"object",
       "properties":{"name":{"type":"string"},"children":{"type":"array","items":{"$ref":"#/$defs/Node"}},
       "parent":{"anyOf":[{"$ref":"#/$defs/Node"},{"type":"null"}]}},"required":["name","children"],"additionalProperties":false}}}""",
      """
      {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","properties":{"result":{"type":"array",
       "items":{"type":"integer"},"uniqueItems":true}},"required":["result"],"additionalProperties":false}""");

  private static final Object[] SCALARS = {null, "A", "B", "x", "", 0, 1, -7, 1L, 5L, BigInteger.TEN, 1.0, 2.5, -0.0,
      Double.NaN, Double.POSITIVE_INFINITY, true, false, 3.0f, (short) 2};

  @Test
  void agreesWithTheSdksValidatorWheneverItIsSure() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    int sure = 0;
    int invalid = 0;
    for (String text : SCHEMAS) {
      Map<String, Object> schema = parse(text);
      OutputSchemaCheck check = OutputSchemaCheck.compile(schema);
      assertNotNull(check, "compiles: " + text);
      for (int i = 0; i < 3_000; i++) {
        Object content = random.nextInt(4) == 0 ? value(random, 3) : fromSchema(schema, schema, random, 4);
        StringBuilder problem = new StringBuilder();
        OutputSchemaCheck.Verdict verdict = check.check(content, problem);
        if (verdict == OutputSchemaCheck.Verdict.UNSURE || content == null) {
          continue;
        }
        sure++;
        boolean sdkValid = SDK.validate(schema, content).valid();
        assertEquals(sdkValid, verdict == OutputSchemaCheck.Verdict.VALID,
            "seed " + seed + ": " + content + " against " + text + " (" + problem + ")");
        if (!sdkValid) {
          invalid++;
          assertTrue(problem.length() > 0);
        }
      }
    }
    assertTrue(sure > 6_000 && invalid > 1_000, "seed " + seed + ": " + sure + " sure verdicts, " + invalid + " invalid");
  }

  @Test
  void unknownKeywordsAreLeftToTheSdk() {
    assertNull(OutputSchemaCheck.compile(parse("{\"type\":\"string\",\"minLength\":2}")));
    assertNull(OutputSchemaCheck.compile(parse("{\"type\":\"object\",\"properties\":{\"a\":{\"oneOf\":[{\"type\":\"string\"}]}}}")));
    assertNull(OutputSchemaCheck.compile(parse("{\"$ref\":\"https://example.com/x\"}")));
  }

  /** Content shaped like the schema, with random mistakes: wrong types, nulls, missing and extra members, duplicates. */
  @SuppressWarnings("unchecked")
  private static Object fromSchema(Map<String, Object> root, Map<String, Object> schema, Random r, int depth) {
    if (depth <= 0 || r.nextInt(12) == 0) {
      return SCALARS[r.nextInt(SCALARS.length)];
    }
    if (schema.get("$ref") instanceof String ref) {
      return fromSchema(root, (Map<String, Object>) ((Map<String, Object>) root.get("$defs")).get(ref.substring(8)), r, depth - 1);
    }
    if (schema.get("anyOf") instanceof List<?> branches) {
      return fromSchema(root, (Map<String, Object>) branches.get(r.nextInt(branches.size())), r, depth);
    }
    if (schema.get("enum") instanceof List<?> constants && r.nextBoolean()) {
      return constants.get(r.nextInt(constants.size()));
    }
    Object type = schema.get("type");
    String t = type instanceof List<?> l ? (String) l.get(r.nextInt(l.size())) : (String) type;
    if (t == null) {
      return value(r, depth);
    }
    return switch (t) {
      case "object" -> {
        Map<String, Object> m = new LinkedHashMap<>();
        if (schema.get("properties") instanceof Map<?, ?> props) {
          for (Map.Entry<?, ?> p : props.entrySet()) {
            if (r.nextInt(10) != 0) {
              m.put((String) p.getKey(), fromSchema(root, (Map<String, Object>) p.getValue(), r, depth - 1));
            }
          }
        }
        if (schema.get("additionalProperties") instanceof Map<?, ?> values) {
          for (int i = r.nextInt(3); i > 0; i--) {
            m.put("k" + r.nextInt(5), fromSchema(root, (Map<String, Object>) values, r, depth - 1));
          }
        }
        if (r.nextInt(10) == 0) {
          m.put("extra", value(r, 1));
        }
        yield m;
      }
      case "array" -> {
        List<Object> list = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
          list.add(fromSchema(root, (Map<String, Object>) schema.get("items"), r, depth - 1));
        }
        if (!list.isEmpty() && r.nextInt(5) == 0) {
          list.add(list.get(0)); // a duplicate
        }
        yield list;
      }
      case "string" -> r.nextInt(8) == 0 ? SCALARS[r.nextInt(SCALARS.length)] : "s" + r.nextInt(3);
      case "integer" -> r.nextInt(8) == 0 ? SCALARS[r.nextInt(SCALARS.length)] : (Object) (r.nextBoolean() ? r.nextInt(3) : (long) r.nextInt(3));
      case "number" -> r.nextInt(8) == 0 ? SCALARS[r.nextInt(SCALARS.length)] : (Object) (r.nextInt(3) * 0.5);
      case "boolean" -> r.nextInt(8) == 0 ? SCALARS[r.nextInt(SCALARS.length)] : (Object) r.nextBoolean();
      default -> null;
    };
  }

  private static Object value(Random r, int depth) {
    if (depth <= 0 || r.nextInt(3) == 0) {
      return SCALARS[r.nextInt(SCALARS.length)];
    }
    if (r.nextBoolean()) {
      List<Object> list = new ArrayList<>();
      for (int i = r.nextInt(3); i > 0; i--) {
        list.add(value(r, depth - 1));
      }
      return list;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      m.put("k" + i, value(r, depth - 1));
    }
    return m;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String json) {
    try {
      return McpJsonDefaults.getMapper().readValue(json, Map.class);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
