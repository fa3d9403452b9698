package dev.toolwarden.processor.flow;

import static dev.toolwarden.processor.flow.Sink.Args.ALL_TEXT;
import static dev.toolwarden.processor.flow.Sink.Args.COMMAND;
import static dev.toolwarden.processor.flow.Sink.Args.FIRST_ANY;
import static dev.toolwarden.processor.flow.Sink.Args.FIRST_TEXT;
import static dev.toolwarden.processor.flow.Sink.Args.PATH_TYPED;
import static dev.toolwarden.processor.flow.Sink.Args.RECEIVER;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogue of sinks: every dangerous API the flow analysis knows, by declaring type and method name. Libraries
 * need not be on the class path: a type that is not there is simply never matched.
 */
final class Sinks {

  private static final Map<String, List<Sink>> BY_METHOD = new HashMap<>();

  static {
    String sql = "SQL text";
    for (String owner : List.of("java.lang.Runtime")) {
      add(SinkKind.COMMAND, COMMAND, "a command", false, owner, "exec");
    }
    add(SinkKind.COMMAND, COMMAND, "a command", false, "java.lang.ProcessBuilder", "<init>", "command");
    add(SinkKind.SQL, FIRST_TEXT, sql, false, "java.sql.Statement", "execute", "executeQuery", "executeUpdate",
        "executeLargeUpdate", "addBatch");
    add(SinkKind.SQL, FIRST_TEXT, sql, false, "java.sql.Connection", "prepareStatement", "prepareCall", "nativeSQL");
    for (String owner : List.of("jakarta.persistence.EntityManager", "javax.persistence.EntityManager",
        "org.hibernate.query.QueryProducer", "org.hibernate.Session")) {
      add(SinkKind.SQL, FIRST_TEXT, "a query", false, owner, "createQuery", "createNativeQuery", "createSQLQuery",
          "createNativeMutationQuery", "createMutationQuery", "createSelectionQuery");
    }
    for (String owner : List.of("org.springframework.jdbc.core.JdbcOperations",
        "org.springframework.jdbc.core.JdbcTemplate",
        "org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations",
        "org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate")) {
      add(SinkKind.SQL, FIRST_TEXT, sql, false, owner, "query", "queryForObject", "queryForList", "queryForMap",
          "queryForRowSet", "queryForStream", "update", "execute", "batchUpdate");
    }
    add(SinkKind.SQL, FIRST_TEXT, sql, false, "org.springframework.jdbc.core.simple.JdbcClient", "sql");
    add(SinkKind.SQL, FIRST_TEXT, "plain SQL", true, "org.jooq.impl.DSL", "sql", "field", "table", "condition",
        "query", "resultQuery", "unquotedName");
    add(SinkKind.SQL, FIRST_TEXT, "plain SQL", false, "org.jooq.DSLContext", "fetch", "fetchOne", "fetchOptional",
        "fetchSingle", "fetchValue", "fetchLazy", "fetchMany", "execute", "query", "resultQuery");

    String url = "a URL";
    add(SinkKind.SSRF, ALL_TEXT, url, true, "java.net.URL", "<init>");
    add(SinkKind.SSRF, ALL_TEXT, url, true, "java.net.URI", "<init>", "create");
    add(SinkKind.SSRF, RECEIVER, url, false, "java.net.URL", "openConnection", "openStream", "getContent");
    add(SinkKind.SSRF, FIRST_TEXT, url, true, "java.net.http.HttpRequest", "newBuilder");
    add(SinkKind.SSRF, FIRST_TEXT, url, true, "java.net.http.HttpRequest.Builder", "uri");
    add(SinkKind.SSRF, FIRST_ANY, "a request", false, "java.net.http.HttpClient", "send", "sendAsync");
    add(SinkKind.SSRF, FIRST_TEXT, url, false, "org.springframework.web.client.RestTemplate", "getForObject",
        "getForEntity", "postForObject", "postForEntity", "postForLocation", "exchange", "execute", "put", "delete",
        "patchForObject", "headForHeaders", "optionsForAllow");
    add(SinkKind.SSRF, FIRST_TEXT, url, false, "org.springframework.web.client.RestOperations", "getForObject",
        "getForEntity", "postForObject", "postForEntity", "postForLocation", "exchange", "execute", "put", "delete",
        "patchForObject", "headForHeaders", "optionsForAllow");
    for (String owner : List.of("org.springframework.web.client.RestClient.UriSpec",
        "org.springframework.web.reactive.function.client.WebClient.UriSpec")) {
      add(SinkKind.SSRF, FIRST_TEXT, url, false, owner, "uri");
    }
    for (String owner : List.of("org.springframework.web.client.RestClient",
        "org.springframework.web.reactive.function.client.WebClient")) {
      add(SinkKind.SSRF, FIRST_TEXT, url, false, owner, "create");
      add(SinkKind.SSRF, FIRST_TEXT, url, false, owner + ".Builder", "baseUrl");
    }
    add(SinkKind.SSRF, FIRST_TEXT, url, false, "okhttp3.Request.Builder", "url");
    add(SinkKind.SSRF, FIRST_TEXT, url, true, "okhttp3.HttpUrl", "get", "parse");
    for (String m : List.of("HttpGet", "HttpPost", "HttpPut", "HttpDelete", "HttpPatch", "HttpHead")) {
      add(SinkKind.SSRF, FIRST_TEXT, url, false, "org.apache.hc.client5.http.classic.methods." + m, "<init>");
    }

    String file = "a file path";
    add(SinkKind.PATH, PATH_TYPED, file, false, "java.nio.file.Files", "*");
    add(SinkKind.PATH, ALL_TEXT, file, true, "java.nio.file.Path", "of", "resolve", "resolveSibling");
    add(SinkKind.PATH, ALL_TEXT, file, true, "java.nio.file.Paths", "get");
    add(SinkKind.PATH, ALL_TEXT, file, true, "java.nio.file.FileSystem", "getPath");
    add(SinkKind.PATH, ALL_TEXT, file, true, "java.io.File", "<init>");
    for (String owner : List.of("java.io.FileInputStream", "java.io.FileOutputStream", "java.io.FileReader",
        "java.io.FileWriter", "java.io.RandomAccessFile", "java.io.PrintWriter", "java.io.PrintStream",
        "java.util.Scanner", "java.util.zip.ZipFile", "java.util.jar.JarFile")) {
      add(SinkKind.PATH, FIRST_TEXT, file, false, owner, "<init>");
    }

    add(SinkKind.EVAL, FIRST_ANY, "serialised objects", false, "java.io.ObjectInputStream", "<init>");
    add(SinkKind.EVAL, RECEIVER, "serialised objects", false, "java.io.ObjectInputStream", "readObject",
        "readUnshared");
    add(SinkKind.EVAL, FIRST_ANY, "a script", false, "javax.script.ScriptEngine", "eval");
    add(SinkKind.EVAL, FIRST_TEXT, "a class name", false, "java.lang.Class", "forName");
    add(SinkKind.EVAL, FIRST_TEXT, "the name of a member to reach by reflection", false, "java.lang.Class",
        "getMethod", "getDeclaredMethod", "getField", "getDeclaredField");
    add(SinkKind.EVAL, FIRST_TEXT, "a class name", false, "java.lang.ClassLoader", "loadClass");
    add(SinkKind.EVAL, FIRST_TEXT, "an expression", false, "org.springframework.expression.ExpressionParser",
        "parseExpression", "parseRaw");
    add(SinkKind.EVAL, FIRST_TEXT, "an expression", false, "ognl.Ognl", "parseExpression", "getValue", "setValue");
    add(SinkKind.EVAL, FIRST_TEXT, "an expression", false, "org.mvel2.MVEL", "eval", "compileExpression",
        "evalToString", "evalToBoolean");
    add(SinkKind.EVAL, FIRST_TEXT, "an expression", false, "org.apache.commons.jexl3.JexlEngine", "createExpression",
        "createScript");
    add(SinkKind.EVAL, ALL_TEXT, "an expression", false, "jakarta.el.ExpressionFactory", "createValueExpression",
        "createMethodExpression");
    add(SinkKind.EVAL, FIRST_TEXT, "an expression", false, "jakarta.el.ELProcessor", "eval", "getValue");
    String xml = "XML without protection against external entities (XXE)";
    add(SinkKind.EVAL, FIRST_ANY, xml, false, "javax.xml.parsers.DocumentBuilder", "parse");
    add(SinkKind.EVAL, FIRST_ANY, xml, false, "javax.xml.parsers.SAXParser", "parse");
    add(SinkKind.EVAL, FIRST_ANY, xml, false, "org.xml.sax.XMLReader", "parse");
    add(SinkKind.EVAL, FIRST_ANY, xml, false, "javax.xml.stream.XMLInputFactory", "createXMLStreamReader",
        "createXMLEventReader");
    add(SinkKind.EVAL, FIRST_ANY, xml, false, "javax.xml.transform.Transformer", "transform");
  }

  private Sinks() {}

  private static void add(SinkKind kind, Sink.Args args, String as, boolean resultCarries, String owner,
      String... methods) {
    for (String m : methods) {
      BY_METHOD.computeIfAbsent(m, k -> new ArrayList<>()).add(new Sink(owner, m, kind, args, as, resultCarries));
    }
  }

  /** The sinks with this method name (constructors: {@code <init>}), plus those matching every method. */
  static List<Sink> named(String method) {
    List<Sink> exact = BY_METHOD.getOrDefault(method, List.of());
    List<Sink> any = BY_METHOD.getOrDefault("*", List.of());
    if (any.isEmpty()) {
      return exact;
    }
    List<Sink> all = new ArrayList<>(exact);
    all.addAll(any);
    return all;
  }

  /** Whether some sink uses this name, so the (costlier) owner match is worth doing. */
  static boolean isSinkName(String method) {
    return BY_METHOD.containsKey(method);
  }

  /** Whether XML parsing sinks are defused by a protection the class sets up (see {@link XxeProtection}). */
  static boolean isXml(Sink s) {
    return s.as().contains("XXE");
  }
}
