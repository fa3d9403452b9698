package dev.toolwarden.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Medians, percentiles and the load average printed beside every figure. */
public final class Stats {

  private Stats() {}

  public static double median(double[] values) {
    double[] v = Arrays.copyOf(values, values.length);
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
  }

  public static double median(List<Double> values) {
    return median(values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** Nearest-rank percentile of sorted {@code values}. */
  public static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** The 1-minute load average and the number of CPUs, for the record. */
  public static String load() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return String.format(Locale.ROOT, "load %s %s %s on %d CPUs", parts[0], parts[1], parts[2],
          Runtime.getRuntime().availableProcessors());
    } catch (IOException e) {
      return "load unknown";
    }
  }

  /** Peak resident set size of a live process in KiB (VmHWM), or -1. */
  public static long peakRssKib(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // gone or not Linux
    }
    return -1;
  }

  /** User + system CPU time of a live process in milliseconds ({@code /proc/<pid>/stat}, 100 ticks/s), or -1. */
  public static double cpuMillis(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10.0; // utime, stime (fields 14, 15)
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
