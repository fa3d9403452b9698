package dev.toolwarden.processor.check;

import dev.toolwarden.processor.diag.Reporter;
import dev.toolwarden.processor.diag.Rule;
import dev.toolwarden.processor.model.Field;
import dev.toolwarden.processor.model.ModelReader;
import dev.toolwarden.processor.model.ToolClassModel;
import java.util.List;
import java.util.Set;

/**
 * A tool argument (or a component of a record the client sends) that carries a credential
 * fails the build: MCP servers must not accept the client's token and pass it on. Judged by
 * whole words of the Java name and of the JSON name, and only for values that can carry text,
 * so {@code int maxTokens}, {@code String tokenizer}, {@code String sortKey} and
 * {@code String keyword} pass.
 */
public final class TokenPassthroughCheck implements ModelCheck {

  /** Words that name a credential on their own. */
  private static final Set<String> CREDENTIAL = Set.of("token", "password", "passwd", "passphrase", "pwd",
      "secret", "secrets", "credential", "credentials", "cookie", "cookies", "jwt", "bearer", "authorization",
      "apikey", "privatekey", "secretkey", "accesskey", "clientsecret", "accesstoken", "refreshtoken", "idtoken",
      "sessiontoken", "authtoken", "bearertoken");

  /** Words that make "key", "tokens" or "auth" a credential when they come right before it. */
  private static final Set<String> KEY_QUALIFIER = Set.of("api", "private", "secret", "access", "signing",
      "encryption", "master", "client", "auth", "ssh", "gpg", "pgp", "deploy");

  private static final Set<String> TOKENS_QUALIFIER = Set.of("access", "refresh", "id", "bearer", "session",
      "auth", "api", "oauth");

  /** Words that, following a credential word, describe it instead of holding it ("passwordPolicy"). */
  private static final Set<String> DESCRIPTOR = Set.of("name", "names", "id", "ids", "type", "types", "count",
      "length", "kind", "label", "hint", "format", "policy", "policies", "url", "uri", "endpoint", "path", "file",
      "expiry", "expires", "ttl", "scope", "scopes", "strength", "rules", "field", "prompt");

  @Override
  public void check(ToolClassModel model, Reporter reporter) {
    for (Field f : InputFields.of(model)) {
      if (!InputFields.carriesText(f.type())) {
        continue;
      }
      String word = credentialWord(f.javaName());
      if (word == null) {
        word = credentialWord(f.jsonName());
      }
      if (word != null) {
        reporter.report(Rule.TOKEN_PASSTHROUGH, f.element(), ModelReader.describe(f.element()), "\"" + word + "\"");
      }
    }
  }

  /** The credential word in the name, or null. */
  public static String credentialWord(String name) {
    List<String> words = NameWords.split(name);
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      String next = i + 1 < words.size() ? words.get(i + 1) : null;
      String prev = i > 0 ? words.get(i - 1) : null;
      if (next != null && DESCRIPTOR.contains(next)) {
        continue;
      }
      if (CREDENTIAL.contains(w)) {
        return w;
      }
      if (w.equals("key") && prev != null && KEY_QUALIFIER.contains(prev)) {
        return prev + " key";
      }
      if (w.equals("tokens") && prev != null && TOKENS_QUALIFIER.contains(prev)) {
        return prev + " tokens";
      }
      if (w.equals("auth") && (next == null || next.equals("header") || next.equals("value"))) {
        return "auth";
      }
    }
    return null;
  }
}
