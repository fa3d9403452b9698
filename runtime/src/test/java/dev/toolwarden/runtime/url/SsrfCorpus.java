package dev.toolwarden.runtime.url;

import dev.toolwarden.runtime.spi.UrlRule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SSRF corpus ({@code ssrf-corpus.jsonl} beside this class): the test resolver's table and the
 * payloads, each with its policy and the expected outcome. One file feeds the guard-level test
 * and the transport tests, so they judge the same payloads.
 */
public final class SsrfCorpus {

  /** Refusal names are {@code Refusal} constants; {@code OK} means accepted. */
  public static final String OK = "OK";

  /** The policy name of redirect payloads. */
  public static final String REDIRECT = "redirect";

  /**
   * One payload.
   *
   * @param policy {@code open} or {@code listed}
   * @param expected {@code OK} or the name of the expected refusal
   * @param url the URL, unescaped
   */
  public record Payload(String policy, String expected, String url) {

    @Override
    public String toString() {
      return policy + " " + expected + " " + url.replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r");
    }
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Map<String, List<String>> table;
  private final List<Payload> payloads;

  private SsrfCorpus(Map<String, List<String>> table, List<Payload> payloads) {
    this.table = table;
    this.payloads = payloads;
  }

  /** Reads the corpus from the class path. */
  public static SsrfCorpus load() {
    try (InputStream in = SsrfCorpus.class.getResourceAsStream("ssrf-corpus.jsonl");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      Map<String, List<String>> table = new LinkedHashMap<>();
      List<Payload> payloads = new ArrayList<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        List<String> f = Arrays.asList(JSON.readValue(line, String[].class));
        if (f.get(0).startsWith("=")) {
          table.put(f.get(0).substring(1), f.subList(1, f.size()));
        } else {
          payloads.add(new Payload(f.get(0), f.get(1), f.get(2)));
        }
      }
      return new SsrfCorpus(table, List.copyOf(payloads));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The payloads checked by a {@code @SafeUrl} argument ({@code open} and {@code listed}), in file order. */
  public List<Payload> payloads() {
    return payloads.stream().filter(p -> !p.policy().equals(REDIRECT)).toList();
  }

  /**
   * The redirect payloads, each URL the origin's {@code /redirect} URL whose {@code Location} is
   * the payload's target.
   *
   * @param port the loopback origin's port
   */
  public List<Payload> redirects(int port) {
    return payloads.stream().filter(p -> p.policy().equals(REDIRECT)).map(p -> new Payload(REDIRECT, p.expected(),
        "http://origin.lab.test:" + port + "/redirect?to="
            + URLEncoder.encode(p.url().replace("{port}", Integer.toString(port)), StandardCharsets.UTF_8)))
        .toList();
  }

  /** The policy of redirect payloads' fetches (and of a tool argument that takes the origin's URLs). */
  public static UrlPolicy redirectPolicy(int port) {
    return UrlPolicy.builder().schemes("http").hosts("*.lab.test").ports(port, 80).build();
  }

  /** The only network the redirect payloads' fetches trust: the loopback origin's. */
  public Egress trustingOrigin() {
    return Egress.builder().resolver(resolver()).trust("127.0.0.1").build();
  }

  /** The test resolver: the corpus' names and nothing else. */
  public HostResolver resolver() {
    return HostResolver.fixed(table);
  }

  /** The {@code @SafeUrl} rule a policy name stands for, as generated code would declare it. */
  public static UrlRule rule(String policy, String pointer) {
    return switch (policy) {
      case "open" -> new UrlRule(pointer, List.of("https", "http"), List.of(), List.of(), false);
      case "listed" -> new UrlRule(pointer, List.of("https"),
          List.of("api.example.com", "*.example.org", "xn--bcher-kva.example.com"), List.of(443, 8443), false);
      default -> throw new IllegalArgumentException(policy);
    };
  }
}
