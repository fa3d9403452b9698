package dev.toolwarden.processor.secrets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a variable, field, parameter, attribute or map-key name marks a credential. Names are split into
 * lower-case words on camelCase, digits, underscores, dashes, dots and spaces ({@code aws_secret_access_key},
 * {@code clientSecret}, {@code DB2_PASSWORD}, {@code X-Api-Key}); matching is on whole words, so {@code author},
 * {@code tokenizer} and {@code keyword} are not credentials.
 *
 * <p>A name is a credential name when it has a credential word ({@code password}, {@code secret}, {@code token},
 * {@code credential}, {@code auth}, …) or {@code key} qualified by a word that makes it a credential ({@code api},
 * {@code private}, {@code secret}, {@code access}, {@code signing}, …, or {@code key} alone), and no word that makes it
 * something else ({@code public_key}, {@code key_name}, {@code csrf_token}, {@code maxTokens}, {@code sortKey},
 * {@code passwordField}, {@code tokenUrl}, …).
 */
public final class CredentialNames {
  private CredentialNames() {}

  private static final Set<String> CREDENTIAL_WORDS = setOf(
      "password", "passwd", "pwd", "pass", "passphrase", "passcode", "secret", "secrets", "token", "credential",
      "credentials", "creds", "auth", "apikey", "accesskey", "secretkey", "privatekey", "authtoken", "accesstoken",
      "refreshtoken", "bearer", "jwt", "clientsecret", "apisecret", "dbpass");

  /** Words that turn a bare {@code key} into a credential ({@code apiKey}, {@code privateKey}, {@code key}). */
  private static final Set<String> KEY_QUALIFIERS = setOf(
      "api", "private", "secret", "access", "signing", "sign", "signature", "encryption", "encrypt", "master",
      "client", "app", "application", "license", "licence", "hmac", "aes", "subscription", "account", "shared",
      "session", "deploy", "webhook", "admin", "root", "ssh", "gpg", "pgp", "jwt", "rsa",
      "integration", "consumer", "service", "server", "storage");

  /**
   * Words that make a name about a credential rather than a credential: its name, type, length, location, format,
   * a count, a UI label, or the public half of a key pair.
   */
  private static final Set<String> VETO_WORDS = setOf(
      "public", "pub", "name", "names", "id", "ids", "type", "types", "kind", "version", "versions", "url", "urls",
      "uri", "uris", "endpoint", "path", "paths", "file", "filename", "dir", "directory", "location", "length", "len",
      "size", "count", "counts", "max", "min", "limit", "limits", "num", "number", "total", "format", "field",
      "fields", "header", "headers", "param", "params", "parameter", "parameters", "prefix", "suffix", "pattern",
      "regex", "label", "message", "msg", "description", "desc", "hint", "prompt", "title", "text", "env", "var",
      "variable", "property", "properties", "prop", "props", "placeholder", "example", "sample", "csrf", "xsrf",
      "sort", "store", "alias", "algorithm", "algorithms", "algo", "alg", "spec", "index", "idx", "column", "attribute",
      "attr", "class", "policy", "provider", "scheme", "mode", "method", "strategy", "factory", "builder", "manager",
      "generator", "validator", "parser", "converter", "handler", "hash", "hashed", "digest", "expiry", "expires",
      "expiration", "ttl", "timeout", "lifetime", "duration", "enabled", "required", "valid", "invalid", "missing",
      "error", "errors", "exception", "separator", "delimiter", "char", "chars", "tokens", "policy", "rule", "rules",
      "reset", "forgot", "confirm", "confirmation", "label", "key_name", "usage", "usages", "size", "bits", "state",
      "status", "option", "options", "config", "mask", "masked", "redacted", "encoding", "encoded", "charset",
      "cache", "map", "lookup", "primary", "foreign", "partition", "shard", "row", "event", "resource", "bundle",
      "locale", "i18n", "template", "translation", "metric", "dummy", "fake", "mock",
      "request", "response", "issuer", "audience", "scope", "scopes", "grant", "realm", "nonce", "salt", "iv", "seed", "random", "pos", "position", "offset",
      "start", "end", "begin", "first", "last", "next", "prev", "previous", "current", "type_name", "tag",
      "kid", "fingerprint", "thumbprint", "spi", "impl", "info", "keyword", "keywords");

  private static Set<String> setOf(String... words) {
    return Set.copyOf(Arrays.asList(words));
  }

  /** Splits a name into lower-case words on camelCase, digits and any non-alphanumeric character. */
  public static List<String> words(String name) {
    List<String> words = new ArrayList<>();
    if (name == null) {
      return words;
    }
    int n = name.length();
    int start = -1;
    for (int i = 0; i < n; i++) {
      char c = name.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        if (start >= 0) {
          words.add(name.substring(start, i).toLowerCase(Locale.ROOT));
          start = -1;
        }
        continue;
      }
      if (start < 0) {
        start = i;
        continue;
      }
      char p = name.charAt(i - 1);
      boolean boundary =
          (Character.isLowerCase(p) && Character.isUpperCase(c))
              || (Character.isDigit(p) != Character.isDigit(c))
              || (Character.isUpperCase(p)
                  && Character.isUpperCase(c)
                  && i + 1 < n
                  && Character.isLowerCase(name.charAt(i + 1)));
      if (boundary) {
        words.add(name.substring(start, i).toLowerCase(Locale.ROOT));
        start = i;
      }
    }
    if (start >= 0) {
      words.add(name.substring(start).toLowerCase(Locale.ROOT));
    }
    words.removeIf(w -> Character.isDigit(w.charAt(0)));
    return words;
  }

  /** True if {@code name} (may be null) names a credential; see the class comment. */
  public static boolean isCredentialName(String name) {
    if (name == null || name.isEmpty() || name.length() > 128) {
      return false;
    }
    List<String> words = words(name);
    boolean credential = false;
    boolean key = false;
    boolean qualifiedKey = false;
    for (String w : words) {
      if (VETO_WORDS.contains(w)) {
        return false;
      }
      if (CREDENTIAL_WORDS.contains(w)) {
        credential = true;
      } else if (w.equals("key") || w.equals("keys")) {
        key = true;
      } else if (KEY_QUALIFIERS.contains(w)) {
        qualifiedKey = true;
      }
    }
    if (credential) {
      return true;
    }
    return key && (qualifiedKey || words.size() == 1);
  }

  /**
   * True if {@code name} names the secret half of an AWS key pair: {@code aws_secret_access_key}, {@code
   * awsSecretKey}, {@code secretAccessKey}, {@code secretKey}.
   */
  public static boolean isAwsSecretName(String name) {
    if (name == null || name.length() > 128) {
      return false;
    }
    List<String> words = words(name);
    for (String w : words) {
      if (VETO_WORDS.contains(w)) {
        return false;
      }
    }
    boolean secret = words.contains("secret") || words.contains("secretkey");
    boolean keyish = words.contains("key") || words.contains("secretkey") || words.contains("aws")
        || words.contains("access");
    return secret && keyish;
  }
}
