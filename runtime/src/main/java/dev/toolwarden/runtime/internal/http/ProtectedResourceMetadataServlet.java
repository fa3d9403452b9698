package dev.toolwarden.runtime.internal.http;

import dev.toolwarden.runtime.auth.ResourceServer;
import io.modelcontextprotocol.json.McpJsonMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * RFC 9728 protected resource metadata at {@code /.well-known/oauth-protected-resource} and its
 * path-suffixed form for the MCP endpoint: {@code resource} exactly the configured resource URL,
 * {@code authorization_servers}, {@code scopes_supported} from the tools' declared scopes (never
 * {@code offline_access}), {@code bearer_methods_supported: ["header"]}.
 */
public final class ProtectedResourceMetadataServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  static final String WELL_KNOWN = "/.well-known/oauth-protected-resource";
  private static final String ALLOW = "GET, HEAD, OPTIONS";

  private final transient byte[] document;
  private final Set<String> servedPaths;

  ProtectedResourceMetadataServlet(ResourceServer rs, Collection<String> scopes, McpJsonMapper json, String endpoint) {
    this.document = render(rs, scopes, json);
    String resourcePath = java.net.URI.create(rs.resource()).getRawPath();
    this.servedPaths = Set.copyOf(List.of(WELL_KNOWN, WELL_KNOWN + endpoint,
        WELL_KNOWN + (resourcePath == null || "/".equals(resourcePath) ? "" : resourcePath)));
  }

  /** The scopes the metadata lists: every declared scope, sorted, without {@code offline_access}. */
  static List<String> scopesSupported(Collection<String> declared) {
    Set<String> sorted = new TreeSet<>(declared);
    sorted.remove("offline_access");
    return List.copyOf(sorted);
  }

  static byte[] render(ResourceServer rs, Collection<String> scopes, McpJsonMapper json) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("resource", rs.resource());
    doc.put("authorization_servers", rs.authorizationServers());
    doc.put("scopes_supported", scopesSupported(scopes));
    doc.put("bearer_methods_supported", List.of("header"));
    if (rs.resourceName() != null) {
      doc.put("resource_name", rs.resourceName());
    }
    try {
      return json.writeValueAsString(doc).getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot render the protected resource metadata", e);
    }
  }

  /** The servlet API's {@code TRACE} would echo the request's headers back: 405 instead. */
  @Override
  protected void doTrace(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setHeader("Allow", ALLOW);
    resp.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
  }

  /** The methods served, without the servlet API's {@code TRACE}. */
  @Override
  protected void doOptions(HttpServletRequest req, HttpServletResponse resp) {
    resp.setHeader("Allow", ALLOW);
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getRequestURI();
    if (!servedPaths.contains(path)) {
      resp.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    resp.setStatus(200);
    resp.setContentType("application/json");
    resp.setCharacterEncoding("UTF-8");
    resp.setHeader("Cache-Control", "public, max-age=300");
    resp.setContentLength(document.length);
    resp.getOutputStream().write(document);
  }
}
