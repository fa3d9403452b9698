package dev.toolwarden.runtime.internal.config;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Warns about an old key spelling once per spelling, however many configurations read it. */
public final class KeyWarnings {

  private static final Logger LOG = LoggerFactory.getLogger(Config.class);

  /** The warnings of this process, on the {@code Config} logger. */
  public static final KeyWarnings PROCESS = new KeyWarnings(LOG::warn);

  private final Set<String> warned = ConcurrentHashMap.newKeySet();
  private final Consumer<String> sink;

  /** Warnings to {@code sink} (tests collect them). */
  public KeyWarnings(Consumer<String> sink) {
    this.sink = sink;
  }

  /** Reports that {@code spelledAs} was read for {@code setting}, unless that spelling was reported before. */
  void oldSpelling(String spelledAs, Setting setting, String member) {
    if (warned.add(spelledAs)) {
      sink.accept("configuration " + spelledAs + " is an old spelling of " + setting.key() + ": use "
          + Setting.propertyName(member) + " / " + Setting.environmentName(member)
          + "; the old spelling stops working in the next release");
    }
  }
}
