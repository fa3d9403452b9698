package dev.toolwarden.runtime.internal.config;

import dev.toolwarden.runtime.ToolwardenStartupException;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Configuration lookup in a fixed order: a value set on the builder, else the system property
 * {@code toolwarden.<key>}, else the environment variable {@code TOOLWARDEN_<KEY>} (see
 * {@link Setting} for the naming rule). Only keys listed in {@link Setting} can be read, each with
 * the typed reader of its kind; a malformed value is a {@link ToolwardenStartupException} naming
 * the key in both spellings, the value (unless secret) and the accepted forms.
 */
public final class Config {

  private final Map<String, String> builderValues = new HashMap<>();
  private final Function<String, String> systemProperties;
  private final Function<String, String> environment;
  private final KeyWarnings warnings;

  /** Reads the real system properties and environment. */
  public Config() {
    this(System::getProperty, System::getenv);
  }

  /** For tests: supply the system properties and environment. */
  public Config(Function<String, String> systemProperties, Function<String, String> environment) {
    this(systemProperties, environment, KeyWarnings.PROCESS);
  }

  /** For tests: supply the system properties, environment and where old-spelling warnings go. */
  public Config(Function<String, String> systemProperties, Function<String, String> environment, KeyWarnings warnings) {
    this.systemProperties = systemProperties;
    this.environment = environment;
    this.warnings = warnings;
  }

  /**
   * Sets a builder value; it wins over properties and environment.
   *
   * @throws IllegalArgumentException when {@code key} is not a listed setting (nor an old spelling of one)
   */
  public Config set(String key, String value) {
    if (Setting.byKey(key).isEmpty()) {
      throw new IllegalArgumentException("unknown configuration key '" + key + "': see docs/settings.md");
    }
    builderValues.put(key, value);
    return this;
  }

  // ---- typed readers ------------------------------------------------------------------------------

  /** A text setting. */
  public Optional<String> text(Setting s) {
    return read(s, s.key(), ValueType.Kind.TEXT, String.class);
  }

  /** A path setting. */
  public Optional<Path> path(Setting s) {
    return read(s, s.key(), ValueType.Kind.PATH, Path.class);
  }

  /** The member {@code name} of a family of path settings ({@code root.<name>}). */
  public Optional<Path> path(Setting family, String name) {
    return read(family, family.member(name), ValueType.Kind.PATH, Path.class);
  }

  /** An http(s) URL setting. */
  public Optional<URI> url(Setting s) {
    return read(s, s.key(), ValueType.Kind.URL, URI.class);
  }

  /** A whole-number setting, within the range its type declares. */
  public Optional<Long> integer(Setting s) {
    return read(s, s.key(), ValueType.Kind.INTEGER, Long.class);
  }

  /** A boolean setting. */
  public Optional<Boolean> flag(Setting s) {
    return read(s, s.key(), ValueType.Kind.BOOLEAN, Boolean.class);
  }

  /** A duration setting. */
  public Optional<Duration> duration(Setting s) {
    return read(s, s.key(), ValueType.Kind.DURATION, Duration.class);
  }

  /** A size setting, in bytes. */
  public Optional<Long> size(Setting s) {
    return read(s, s.key(), ValueType.Kind.SIZE, Long.class);
  }

  /** A list setting. */
  @SuppressWarnings("unchecked")
  public Optional<List<String>> list(Setting s) {
    return read(s, s.key(), ValueType.Kind.LIST, List.class).map(l -> (List<String>) l);
  }

  /** A {@code permits/window} setting. */
  public Optional<Rate> rate(Setting s) {
    return read(s, s.key(), ValueType.Kind.RATE, Rate.class);
  }

  /** A choice setting, in lower case. */
  public Optional<String> choice(Setting s) {
    return read(s, s.key(), ValueType.Kind.CHOICE, String.class);
  }

  /**
   * Applies setting {@code s} to {@code target} with {@code option} when it is set, e.g.
   * {@code config.apply(rs, OAUTH_CLOCK_SKEW, config::duration, ResourceServer::clockSkew)}. When the
   * option refuses the value ({@link IllegalArgumentException}), the start-up error names the key.
   */
  public <B, T> B apply(B target, Setting s, Function<Setting, Optional<T>> reader, BiFunction<B, T, B> option) {
    Optional<T> value = reader.apply(s);
    if (value.isEmpty()) {
      return target;
    }
    try {
      return option.apply(target, value.get());
    } catch (IllegalArgumentException e) {
      throw invalid(s, e.getMessage());
    }
  }

  /**
   * The error for a value of {@code s} that parsed but is not usable ({@code reason} says why), e.g. a
   * clock skew above its maximum.
   */
  public ToolwardenStartupException invalid(Setting s, String reason) {
    Found f = find(s, s.key()).orElseThrow(() -> new IllegalStateException(s + " is not set"));
    return invalid(s, s.key(), f, reason);
  }

  /** The error for a setting that must be set but is not; {@code hint} says what to set it to. */
  public static ToolwardenStartupException missing(Setting s, String hint) {
    return new ToolwardenStartupException("missing " + s.propertyName() + " / " + s.environmentName() + ": " + hint);
  }

  // ---- untyped access, for modules not yet on the typed readers -----------------------------------

  /**
   * The trimmed text of {@code key}, or empty when no source has a non-blank one.
   *
   * @throws IllegalArgumentException when {@code key} is not a listed setting
   */
  public Optional<String> get(String key) {
    Setting s = Setting.byKey(key).orElseThrow(() -> new IllegalArgumentException("unknown configuration key '" + key + "'"));
    String canonical = s.isFamily() || !s.oldKeys().contains(key) ? key : s.key();
    return find(s, canonical).map(Found::value);
  }

  /** The whole number of {@code key}, or {@code fallback}; a malformed value is a start-up error. */
  public int getInt(String key, int fallback) {
    Setting s = Setting.byKey(key).orElseThrow(() -> new IllegalArgumentException("unknown configuration key '" + key + "'"));
    return integer(s).map(Long::intValue).orElse(fallback);
  }

  /** {@code toolwarden.<key>}. */
  public static String propertyName(String key) {
    return Setting.propertyName(key);
  }

  /** {@code TOOLWARDEN_<KEY>}. */
  public static String environmentName(String key) {
    return Setting.environmentName(key);
  }

  // ---- lookup -------------------------------------------------------------------------------------

  /** A value found, and how its key was spelled where it was found. */
  private record Found(String value, String spelledAs, boolean oldSpelling) {}

  private <T> Optional<T> read(Setting s, String key, ValueType.Kind kind, Class<T> as) {
    if (s.type().kind() != kind) {
      throw new IllegalStateException(s + " is a " + s.type().kind() + " setting, not " + kind);
    }
    Optional<Found> found = find(s, key);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(as.cast(s.type().parse(found.get().value())));
    } catch (IllegalArgumentException e) {
      throw invalid(s, key, found.get(), e.getMessage());
    }
  }

  private Optional<Found> find(Setting s, String key) {
    List<String> spellings = new ArrayList<>();
    spellings.add(key);
    if (!s.isFamily()) {
      spellings.addAll(s.oldKeys());
    }
    Found found = first(spellings, builderValues::get, k -> k);
    if (found == null) {
      found = first(spellings, systemProperties, Setting::propertyName);
    }
    if (found == null) {
      found = first(spellings, environment, Setting::environmentName);
    }
    if (found != null && found.oldSpelling()) {
      warnings.oldSpelling(found.spelledAs(), s, key);
    }
    return Optional.ofNullable(found);
  }

  private static Found first(List<String> keys, Function<String, String> source, Function<String, String> spelling) {
    for (int i = 0; i < keys.size(); i++) {
      String name = spelling.apply(keys.get(i));
      String v = source.apply(name);
      if (v != null && !v.isBlank()) {
        return new Found(v.trim(), name, i > 0 && !name.equals(spelling.apply(keys.get(0))));
      }
    }
    return null;
  }

  private static ToolwardenStartupException invalid(Setting s, String key, Found f, String reason) {
    String shown = s.secret() ? "(value hidden: secret)" : "'" + printable(f.value()) + "'";
    String where = f.oldSpelling() ? " (set as " + f.spelledAs() + ")" : "";
    return new ToolwardenStartupException("invalid " + Setting.propertyName(key) + " / " + Setting.environmentName(key)
        + " = " + shown + where + ": " + reason + "; accepted: " + s.type().accepted());
  }

  /** The value with control characters shown as {@code ?}, so a message stays one readable line. */
  private static String printable(String value) {
    StringBuilder b = new StringBuilder(value.length());
    value.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return b.toString();
  }
}
