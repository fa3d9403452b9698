package dev.toolwarden.runtime.internal.http;

import dev.toolwarden.runtime.internal.auth.AuthFailure;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One answer a filter gives instead of passing a request on: the HTTP status, the JSON-RPC error
 * (code and a message that is ours, never a library's), the {@code WWW-Authenticate} challenge
 * when there is one, and, for OAuth refusals, what the audit trail records about it.
 *
 * @param status the HTTP status
 * @param code the JSON-RPC error code of the body
 * @param message the body's message (also the challenge's {@code error_description})
 * @param challenge the {@code WWW-Authenticate} value, or null for none
 * @param cause the audited kind of authorization failure, or null when it is not one
 * @param tool the tool the refused call named, or null
 * @param requiredScopes the scopes the audit trail records as needed (never sent to the client)
 */
record Refusal(int status, int code, String message, String challenge, AuthFailure.Kind cause, String tool,
    List<String> requiredScopes) {

  /** Normalises the scopes. */
  public Refusal {
    requiredScopes = requiredScopes == null ? List.of() : List.copyOf(requiredScopes);
  }

  /** A plain refusal: {@code status}, the JSON-RPC code that status maps to, and {@code message}. */
  static Refusal of(int status, String message) {
    return new Refusal(status, SafeErrors.code(status, null), message, null, null, null, List.of());
  }

  /** A plain refusal with an explicit JSON-RPC code. */
  static Refusal of(int status, int code, String message) {
    return new Refusal(status, code, message, null, null, null, List.of());
  }

  /** An OAuth refusal of kind {@code cause}. */
  static Refusal auth(int status, String message, AuthFailure.Kind cause) {
    return new Refusal(status, SafeErrors.code(status, null), message, null, cause, null, List.of());
  }

  /** This refusal with a {@code WWW-Authenticate} challenge. */
  Refusal withChallenge(String value) {
    return new Refusal(status, code, message, value, cause, tool, requiredScopes);
  }

  /** This refusal, recording (for the audit trail only) the tool called and the scopes it needs. */
  Refusal forTool(String name, List<String> scopes) {
    return new Refusal(status, code, message, challenge, cause, name, scopes);
  }

  /**
   * Writes the refusal. The response is unwrapped past {@link ErrorCapturingResponse}: our bodies
   * are already minimal and must not be rewritten into a generic text.
   */
  void writeTo(HttpServletResponse response) throws IOException {
    HttpServletResponse raw = unwrap(response);
    if (raw.isCommitted()) {
      return;
    }
    byte[] body = SafeErrors.body(code, message == null ? SafeErrors.generic(status) : message)
        .getBytes(StandardCharsets.UTF_8);
    raw.setStatus(status);
    if (challenge != null) {
      raw.setHeader("WWW-Authenticate", challenge);
    }
    raw.setContentType("application/json");
    raw.setCharacterEncoding("UTF-8");
    raw.setContentLength(body.length);
    raw.getOutputStream().write(body);
  }

  private static HttpServletResponse unwrap(HttpServletResponse response) {
    ServletResponse r = response;
    while (r instanceof ErrorCapturingResponse capturing) {
      r = capturing.getResponse();
    }
    return (HttpServletResponse) r;
  }
}
