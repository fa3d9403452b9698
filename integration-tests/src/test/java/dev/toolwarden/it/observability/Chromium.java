package dev.toolwarden.it.observability;

import dev.toolwarden.it.support.Components;
import dev.toolwarden.it.support.ProcessReaper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Headless Chromium (Debian's {@code chromium}) taking a screenshot of a page, with a throw-away profile. */
final class Chromium {

  private Chromium() {}

  /**
   * Writes a PNG of {@code url} to {@code png}, after giving the page's scripts {@code budgetMillis} of virtual time
   * (Prometheus's graph page queries and draws with JavaScript).
   */
  static void screenshot(String url, Path png, Path profile, long budgetMillis, ProcessReaper reaper)
      throws IOException, InterruptedException {
    String binary = binary();
    Files.createDirectories(png.getParent());
    Files.deleteIfExists(png);
    Path log = profile.resolveSibling("chromium.log");
    Process p = reaper.track(new ProcessBuilder(List.of(binary, "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile, "--virtual-time-budget=" + budgetMillis,
        "--screenshot=" + png, "--window-size=1280,800", url))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start());
    if (!p.waitFor(180, TimeUnit.SECONDS)) { // only a hang takes this long
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 180 s:\n" + Files.readString(log));
    }
    if (!Files.isRegularFile(png) || Files.size(png) == 0) {
      throw new AssertionError("chromium wrote no screenshot (exit " + p.exitValue() + "):\n" + Files.readString(log));
    }
  }

  static String binary() {
    for (String name : List.of("chromium", "chromium-browser")) {
      for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(java.io.File.pathSeparator)) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return candidate.toString();
        }
      }
    }
    Components.require("Chromium (Debian package chromium)",
        "no chromium on the PATH: apt-get install chromium (.ci/run install_observability_tools)");
    return null; // not reached
  }
}
