package dev.toolwarden.it.url;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The runtime's SSRF corpus ({@code runtime/src/test/resources/dev/toolwarden/runtime/url/ssrf-corpus.jsonl},
 * located by the {@value #FILE_PROPERTY} system property): the same file the runtime's own tests
 * read, so the generated tools here are judged by exactly the same payloads.
 *
 * @param resolverTable the test resolver's names and addresses
 * @param payloads {@code [policy, expected, url]} triples, {@code redirect} ones with a {@code {port}}
 */
record ItSsrfCorpus(Map<String, List<String>> resolverTable, List<List<String>> payloads) {

  static final String FILE_PROPERTY = "toolwarden.it.ssrfCorpus";

  static ItSsrfCorpus load(Path file) {
    JsonMapper json = JsonMapper.builder().build();
    Map<String, List<String>> table = new LinkedHashMap<>();
    List<List<String>> payloads = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank() && !line.startsWith("#")) {
          List<String> f = Arrays.asList(json.readValue(line, String[].class));
          if (f.get(0).startsWith("=")) {
            table.put(f.get(0).substring(1), f.subList(1, f.size()));
          } else {
            payloads.add(f);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ItSsrfCorpus(Map.copyOf(table), List.copyOf(payloads));
  }

  static ItSsrfCorpus load() {
    return load(Path.of(System.getProperty(FILE_PROPERTY)));
  }

  /** The payloads of the {@code open} and {@code listed} tools. */
  List<List<String>> echoPayloads() {
    return payloads.stream().filter(p -> !p.get(0).equals("redirect")).toList();
  }

  /** The redirect payloads as {@code fetch} URLs of the origin's {@code /redirect} on {@code port}. */
  List<List<String>> redirects(int port) {
    return payloads.stream().filter(p -> p.get(0).equals("redirect")).map(p -> List.of("fetch", p.get(1),
        "http://origin.lab.test:" + port + "/redirect?to="
            + URLEncoder.encode(p.get(2).replace("{port}", Integer.toString(port)), StandardCharsets.UTF_8)))
        .toList();
  }
}
