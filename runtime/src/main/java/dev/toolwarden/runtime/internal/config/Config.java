package dev.toolwarden.runtime.internal.config;

import dev.toolwarden.runtime.ToolwardenStartupException;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Configuration lookup in a fixed order: a value set on the builder, else the system property
 * {@code toolwarden.<key>}, else the environment variable {@code TOOLWARDEN_<KEY>} (upper case,
 * every character other than a letter or digit becomes {@code _}). Keys are dotted, e.g.
 * {@code http.port} or {@code root.workspace}.
 */
public final class Config {

  private final Map<String, String> builderValues = new HashMap<>();
  private final Function<String, String> systemProperties;
  private final Function<String, String> environment;

  /** Reads the real system properties and environment. */
  public Config() {
    this(System::getProperty, System::getenv);
  }

  /** For tests: supply the system properties and environment. */
  public Config(Function<String, String> systemProperties, Function<String, String> environment) {
    this.systemProperties = systemProperties;
    this.environment = environment;
  }

  /** Sets a builder value; it wins over properties and environment. */
  public Config set(String key, String value) {
    builderValues.put(key, value);
    return this;
  }

  /** The value of {@code key}, or empty when no source has a non-blank one. */
  public Optional<String> get(String key) {
    String v = builderValues.get(key);
    if (isBlank(v)) {
      v = systemProperties.apply(propertyName(key));
    }
    if (isBlank(v)) {
      v = environment.apply(environmentName(key));
    }
    return isBlank(v) ? Optional.empty() : Optional.of(v.trim());
  }

  /** The integer value of {@code key}, or {@code fallback}; a malformed value is a start-up error. */
  public int getInt(String key, int fallback) {
    Optional<String> v = get(key);
    if (v.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.get());
    } catch (NumberFormatException e) {
      throw new ToolwardenStartupException("configuration " + propertyName(key) + " / " + environmentName(key)
          + " must be an integer, got '" + v.get() + "'");
    }
  }

  /** {@code toolwarden.<key>}. */
  public static String propertyName(String key) {
    return "toolwarden." + key;
  }

  /** {@code TOOLWARDEN_<KEY>}. */
  public static String environmentName(String key) {
    StringBuilder b = new StringBuilder("TOOLWARDEN_");
    for (char c : key.toUpperCase(Locale.ROOT).toCharArray()) {
      b.append((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? c : '_');
    }
    return b.toString();
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
