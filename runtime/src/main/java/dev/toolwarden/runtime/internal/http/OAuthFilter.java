package dev.toolwarden.runtime.internal.http;

import dev.toolwarden.runtime.internal.auth.AuthEvents;
import dev.toolwarden.runtime.internal.auth.AuthFailure;
import dev.toolwarden.runtime.internal.auth.OAuthCallers;
import dev.toolwarden.runtime.internal.auth.ResourceServerAccess;
import dev.toolwarden.runtime.auth.ResourceServer;
import dev.toolwarden.runtime.internal.auth.SessionBindings;
import dev.toolwarden.runtime.auth.TokenRejectedException;
import dev.toolwarden.runtime.auth.TokenVerifier;
import dev.toolwarden.runtime.auth.VerifiedToken;
import dev.toolwarden.runtime.internal.pipeline.Caller;
import io.modelcontextprotocol.json.McpJsonMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth 2.1 in front of the MCP servlet (2025-11-25 authorization spec, RFC 6750, RFC 9728):
 *
 * <ol>
 *   <li>an {@code access_token} in the query string is refused (400 {@code invalid_request});
 *       the token is taken from the {@code Authorization: Bearer} header only, never a form body;
 *   <li>no credential → 401 with {@code WWW-Authenticate: Bearer resource_metadata="…", scope="…"};
 *       a rejected token → 401 with {@code error="invalid_token"} as well; the authorization server
 *       unreachable → 503;
 *   <li>server-wide required scopes, then the session: a session id bound to another principal, or
 *       past its idle or absolute lifetime, or never issued through this filter → 404 (the client
 *       starts a new session); an expired session is also closed in the SDK;
 *   <li>a {@code tools/call} is read (bounded by the request size limit, then replayed to the
 *       servlet) and refused with 403 {@code error="insufficient_scope", scope="<the tool's scopes>"}
 *       when the token lacks one of them, so the client can step up;
 *   <li>the principal and scopes (never the token) go to the call pipeline through the transport
 *       context ({@link OAuthCallers}); a session created by {@code initialize} is bound to the
 *       token's principal.
 * </ol>
 *
 * Every refusal is reported to {@link AuthEvents}, without the token.
 */
public final class OAuthFilter implements Filter {

  private static final Logger LOG = LoggerFactory.getLogger(OAuthFilter.class);
  private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
  private static final String SESSION_HEADER = "Mcp-Session-Id";

  private final ResourceServer rs;
  private final TokenVerifier verifier;
  private final Map<String, List<String>> toolScopes;
  private final String challengeScope;
  private final SessionBindings sessions;
  private final McpJsonMapper json;
  private final int maxBodyBytes;
  private final AuthEvents events;

  OAuthFilter(ResourceServer rs, TokenVerifier verifier, Map<String, List<String>> toolScopes,
      List<String> scopesSupported, SessionBindings sessions, McpJsonMapper json, int maxBodyBytes) {
    this.rs = rs;
    this.verifier = verifier;
    this.toolScopes = Map.copyOf(toolScopes);
    List<String> challenge = new ArrayList<>(rs.requiredScopes());
    for (String s : scopesSupported) {
      if (!challenge.contains(s)) {
        challenge.add(s);
      }
    }
    this.challengeScope = String.join(" ", challenge);
    this.sessions = sessions;
    this.json = json;
    this.maxBodyBytes = maxBodyBytes;
    this.events = ResourceServerAccess.events(rs);
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    String method = request.getMethod();
    if ("OPTIONS".equals(method)) {
      chain.doFilter(req, res); // no credential on preflights; the servlet only lists the methods
      return;
    }

    // 1. the token comes from the Authorization header only
    if (queryHasAccessToken(request.getQueryString())) {
      refuse(request, response, 400, "invalid_request", "Access tokens are accepted only in the Authorization header",
          null, AuthFailure.Kind.INVALID_REQUEST, null, null, List.of());
      return;
    }
    List<String> authorization = Collections.list(request.getHeaders("Authorization"));
    if (authorization.size() > 1) {
      refuse(request, response, 400, "invalid_request", "Send exactly one Authorization header", null,
          AuthFailure.Kind.INVALID_REQUEST, null, null, List.of());
      return;
    }
    String header = authorization.isEmpty() ? null : authorization.get(0);
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      // RFC 6750 §3.1: no error code when the request carries no bearer credential at all
      refuse(request, response, 401, null, header == null ? "No access token" : "Not a Bearer credential", null,
          AuthFailure.Kind.MISSING_TOKEN, null, null, List.of());
      return;
    }
    String token = header.substring(7).trim();
    if (token.isEmpty() || !B64TOKEN.matcher(token).matches()) {
      refuse(request, response, 401, "invalid_token", TokenRejectedException.Reason.MALFORMED.description(), null,
          AuthFailure.Kind.INVALID_TOKEN, null, null, List.of());
      return;
    }

    // 2. verification
    VerifiedToken verified;
    try {
      verified = verifier.verify(token);
    } catch (TokenRejectedException e) {
      if (e.reason() == TokenRejectedException.Reason.UNAVAILABLE) {
        LOG.warn("cannot verify an access token: {}", e.getMessage());
        refuse(request, response, 503, null, e.reason().description(), null, AuthFailure.Kind.VERIFIER_UNAVAILABLE,
            null, null, List.of());
      } else {
        LOG.debug("access token rejected: {}", e.getMessage());
        refuse(request, response, 401, "invalid_token", e.reason().description(), null, AuthFailure.Kind.INVALID_TOKEN,
            null, null, List.of());
      }
      return;
    } catch (RuntimeException e) {
      LOG.warn("the token verifier failed: {}", e.getClass().getName());
      refuse(request, response, 503, null, TokenRejectedException.Reason.UNAVAILABLE.description(), null,
          AuthFailure.Kind.VERIFIER_UNAVAILABLE, null, null, List.of());
      return;
    }
    if (!verified.grants(rs.requiredScopes())) {
      insufficientScope(request, response, verified, null, rs.requiredScopes());
      return;
    }

    // 3. the session belongs to this principal and is alive
    String sessionId = request.getHeader(SESSION_HEADER);
    if (sessionId != null && !sessionId.isEmpty()) {
      SessionBindings.Check check = sessions.check(sessionId, verified.principalKey());
      switch (check) {
        case OWNED -> { }
        case OTHER_PRINCIPAL -> {
          refuse(request, response, 404, null, "Session not found", null, AuthFailure.Kind.SESSION_OF_ANOTHER_PRINCIPAL,
              verified, null, List.of());
          return;
        }
        case EXPIRED -> {
          closeSdkSession(request, response, chain);
          refuse(request, response, 404, null, "Session not found", null, AuthFailure.Kind.SESSION_EXPIRED, verified,
              null, List.of());
          return;
        }
        case UNKNOWN -> {
          refuse(request, response, 404, null, "Session not found", null, AuthFailure.Kind.SESSION_EXPIRED, verified,
              null, List.of());
          return;
        }
      }
    }

    // 4. per-tool scopes, decided before the MCP layer
    HttpServletRequest forward = request;
    boolean initialize = false;
    if ("POST".equals(method)) {
      long declared = request.getContentLengthLong();
      if (declared > maxBodyBytes) {
        SafeErrorResponses.write(unwrap(response), 413, SafeErrors.generic(413));
        return;
      }
      byte[] body = request.getInputStream().readNBytes(maxBodyBytes + 1);
      if (body.length > maxBodyBytes) {
        SafeErrorResponses.write(unwrap(response), 413, SafeErrors.generic(413));
        return;
      }
      forward = new BufferedBodyRequest(request, body);
      for (Map<?, ?> message : messages(body)) {
        Object m = message.get("method");
        if ("initialize".equals(m)) {
          initialize = true;
        } else if ("tools/call".equals(m) && message.get("params") instanceof Map<?, ?> params
            && params.get("name") instanceof String tool) {
          List<String> required = toolScopes.get(tool);
          if (required != null && !verified.grants(required)) {
            insufficientScope(request, response, verified, tool, required);
            return;
          }
        }
      }
    }

    // 5. on to the MCP servlet with the principal and scopes
    forward.setAttribute(OAuthCallers.CONTEXT_KEY, new Caller(verified.subject(), verified.scopes()));
    HttpServletResponse out = response;
    if (initialize) {
      String principal = verified.principalKey();
      out = new HttpServletResponseWrapper(response) {
        @Override
        public void setHeader(String name, String value) {
          bindIfSession(name, value);
          super.setHeader(name, value);
        }

        @Override
        public void addHeader(String name, String value) {
          bindIfSession(name, value);
          super.addHeader(name, value);
        }

        private void bindIfSession(String name, String value) {
          if (SESSION_HEADER.equalsIgnoreCase(name) && value != null) {
            sessions.bind(value, principal);
          }
        }
      };
    }
    chain.doFilter(forward, out);
    if ("DELETE".equals(method) && sessionId != null && response.getStatus() < 300) {
      sessions.remove(sessionId);
    }
  }

  private void insufficientScope(HttpServletRequest request, HttpServletResponse response, VerifiedToken verified,
      String tool, List<String> required) throws IOException {
    String scopes = String.join(" ", required);
    String description = tool == null ? "This server requires the scopes " + scopes
        : "The tool '" + tool + "' requires the scope" + (required.size() == 1 ? " " : "s ") + scopes;
    refuse(request, response, 403, "insufficient_scope", description, scopes, AuthFailure.Kind.INSUFFICIENT_SCOPE,
        verified, tool, required);
  }

  /**
   * Answers {@code status} with a challenge (401, 403, 400) and a minimal JSON-RPC error body, and
   * reports the failure.
   */
  private void refuse(HttpServletRequest request, HttpServletResponse response, int status, String error,
      String description, String scope, AuthFailure.Kind kind, VerifiedToken verified, String tool,
      List<String> required) throws IOException {
    try {
      events.failure(new AuthFailure(Instant.now(), kind, status, description,
          verified == null ? null : verified.subject(), verified == null ? null : verified.clientId(),
          request.getRemoteAddr(), request.getMethod(), tool, required));
    } catch (RuntimeException e) {
      LOG.warn("the auth event sink failed: {}", e.getClass().getName());
    }
    HttpServletResponse raw = unwrap(response);
    if (status == 401 || status == 403 || status == 400) {
      raw.setHeader("WWW-Authenticate", challenge(error, description, scope != null ? scope : challengeScope));
    }
    SafeErrorResponses.write(raw, status, description);
  }

  /** {@code Bearer resource_metadata="…", scope="…"[, error="…", error_description="…"]}. */
  String challenge(String error, String description, String scope) {
    StringBuilder b = new StringBuilder("Bearer resource_metadata=\"").append(quote(rs.metadataUrl())).append('"');
    if (scope != null && !scope.isEmpty()) {
      b.append(", scope=\"").append(quote(scope)).append('"');
    }
    if (error != null) {
      b.append(", error=\"").append(error).append('"');
      if (description != null) {
        b.append(", error_description=\"").append(quote(description)).append('"');
      }
    }
    return b.toString();
  }

  /** RFC 6750 values are quoted-strings of %x20-21 / %x23-5B / %x5D-7E: anything else is dropped. */
  private static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      if (c >= 0x20 && c <= 0x7e && c != '"' && c != '\\') {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** The JSON-RPC messages of a body (one object, or a batch array); empty when it is not JSON. */
  private List<Map<?, ?>> messages(byte[] body) {
    Object parsed;
    try {
      parsed = json.readValue(body, Object.class);
    } catch (IOException | RuntimeException e) {
      return List.of(); // the SDK answers malformed bodies itself
    }
    List<Map<?, ?>> out = new ArrayList<>();
    if (parsed instanceof Map<?, ?> m) {
      out.add(m);
    } else if (parsed instanceof List<?> batch) {
      for (Object o : batch) {
        if (o instanceof Map<?, ?> m) {
          out.add(m);
        }
      }
    }
    return out;
  }

  static boolean queryHasAccessToken(String query) {
    if (query == null || query.isEmpty()) {
      return false;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      if ("access_token".equalsIgnoreCase(name.trim())) {
        return true;
      }
    }
    return false;
  }

  /** Ends the SDK's side of an expired session: the request, replayed as a DELETE, output discarded. */
  private static void closeSdkSession(HttpServletRequest request, HttpServletResponse response, FilterChain chain) {
    HttpServletRequest delete = new HttpServletRequestWrapper(request) {
      @Override
      public String getMethod() {
        return "DELETE";
      }
    };
    try {
      chain.doFilter(delete, new DiscardingResponse(response));
    } catch (IOException | ServletException | RuntimeException e) {
      LOG.debug("closing an expired session failed: {}", e.getClass().getName());
    }
  }

  /** Our own answers bypass the error-body rewriting of {@link SafeErrorFilter}: they are already minimal. */
  private static HttpServletResponse unwrap(HttpServletResponse response) {
    ServletResponse r = response;
    while (r instanceof ErrorCapturingResponse capturing) {
      r = capturing.getResponse();
    }
    return (HttpServletResponse) r;
  }

  /** Swallows everything written to it. */
  private static final class DiscardingResponse extends HttpServletResponseWrapper {
    private final ServletOutputStream sink = new ServletOutputStream() {
      @Override
      public void write(int b) {
        // discarded
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setWriteListener(WriteListener listener) {
        // never asynchronous
      }
    };

    DiscardingResponse(HttpServletResponse response) {
      super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() {
      return sink;
    }

    @Override
    public PrintWriter getWriter() {
      return new PrintWriter(OutputStream.nullOutputStream());
    }

    @Override
    public void setStatus(int sc) {
      // discarded
    }

    @Override
    public void sendError(int sc) {
      // discarded
    }

    @Override
    public void sendError(int sc, String msg) {
      // discarded
    }

    @Override
    public void setHeader(String name, String value) {
      // discarded
    }

    @Override
    public void addHeader(String name, String value) {
      // discarded
    }

    @Override
    public void setContentType(String type) {
      // discarded
    }

    @Override
    public void setContentLength(int len) {
      // discarded
    }

    @Override
    public void setCharacterEncoding(String charset) {
      // discarded
    }

    @Override
    public void flushBuffer() {
      // discarded
    }

    @Override
    public boolean isCommitted() {
      return false;
    }
  }
}
