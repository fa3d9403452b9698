package dev.toolwarden.benchmarks;

import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** The arguments of the validation benchmark, as JSON text and as the SDK parses them. */
public final class Inputs {

  private Inputs() {}

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** JSON text of the arguments of a shape ({@code small}, {@code medium}, {@code nested}). */
  public static String json(String shape, boolean valid) {
    return switch (shape + (valid ? "" : "!")) {
      case "small" -> "{\"name\":\"Ada Lovelace\",\"age\":36,\"active\":true}";
      case "small!" -> "{\"name\":\"\",\"age\":200,\"active\":true}";
      case "medium" -> "{\"name\":\"Ada Lovelace\",\"email\":\"ada@example.org\",\"age\":36,\"amount\":12.5,"
          + "\"quantity\":3,\"tags\":[\"math\",\"engines\",\"poetry\"],"
          + "\"address\":{\"street\":\"12 St James's Square\",\"city\":\"London\",\"zip\":\"12345\"},"
          + "\"priority\":\"HIGH\",\"active\":true,\"note\":\"first programmer\"}";
      case "medium!" -> "{\"name\":\"Ada Lovelace\",\"email\":\"ada-at-example.org\",\"age\":36,\"amount\":-1.0,"
          + "\"quantity\":3,\"tags\":[\"math\",\"\",\"poetry\"],"
          + "\"address\":{\"street\":\"12 St James's Square\",\"city\":\"London\",\"zip\":\"1234X\"},"
          + "\"priority\":\"HIGH\",\"active\":true,\"note\":\"first programmer\"}";
      case "nested" -> "{\"order\":{\"id\":\"ord-1001\",\"customer\":{\"name\":\"Ada Lovelace\","
          + "\"email\":\"ada@example.org\",\"address\":{\"street\":\"12 St James's Square\",\"city\":\"London\","
          + "\"zip\":\"12345\"}},\"lines\":[{\"sku\":\"A-1\",\"quantity\":2,\"price\":9.99},"
          + "{\"sku\":\"B-2\",\"quantity\":1,\"price\":120.0},{\"sku\":\"C-3\",\"quantity\":5,\"price\":0.5}],"
          + "\"priority\":\"NORMAL\"}}";
      case "nested!" -> "{\"order\":{\"id\":\"ord-1001\",\"customer\":{\"name\":\"Ada Lovelace\","
          + "\"email\":\"ada@example.org\",\"address\":{\"street\":\"12 St James's Square\",\"city\":\"\","
          + "\"zip\":\"12345\"}},\"lines\":[{\"sku\":\"A-1\",\"quantity\":0,\"price\":9.99},"
          + "{\"sku\":\"B-2\",\"quantity\":1,\"price\":120.0},{\"sku\":\"C-3\",\"quantity\":5,\"price\":0.0}],"
          + "\"priority\":\"NORMAL\"}}";
      default -> throw new IllegalArgumentException(shape);
    };
  }

  /** The arguments as the SDK hands them to a tool: a map parsed by Jackson. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(String shape, boolean valid) {
    return JSON.readValue(json(shape, valid), Map.class);
  }
}
