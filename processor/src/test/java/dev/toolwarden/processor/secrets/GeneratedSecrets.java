package dev.toolwarden.processor.secrets;

import static dev.toolwarden.processor.secrets.JavaSources.ALNUM;
import static dev.toolwarden.processor.secrets.JavaSources.B64URL;
import static dev.toolwarden.processor.secrets.JavaSources.DIGITS;
import static dev.toolwarden.processor.secrets.JavaSources.HEX;
import static dev.toolwarden.processor.secrets.JavaSources.LETTERS;
import static dev.toolwarden.processor.secrets.JavaSources.UPPER;
import static dev.toolwarden.processor.secrets.JavaSources.random;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Made-up credentials of the right shape, generated at run time from a fixed seed, so that this repository never
 * contains a live-looking secret (the project's own sources are scanned by its own scanner). None of these values is
 * or was ever a real credential.
 */
final class GeneratedSecrets {
  private GeneratedSecrets() {}

  /**
   * One generated value for one rule.
   *
   * @param name the identifier the value is given to in generated sources (a credential name only for context rules)
   */
  record Case(String ruleId, String label, String value, String name) {
    @Override
    public String toString() {
      return ruleId + " " + label;
    }
  }

  /** A name that marks no credential: provider rules must not need one. */
  static final String NEUTRAL = "setting";

  static List<Case> all() {
    Random r = new Random(20261128L);
    List<Case> cases = new ArrayList<>();
    String[] awsPrefixes = {"AKIA", "ASIA", "ABIA"};
    for (int i = 0; i < 3; i++) {
      cases.add(new Case("TW-SECRET-AWS-KEY", awsPrefixes[i],
          awsPrefixes[i] + random(r, 16, UPPER + "234567"), NEUTRAL));
    }
    String[] awsNames = {"awsSecretAccessKey", "aws_secret_access_key", "secretKey"};
    for (String n : awsNames) {
      cases.add(new Case("TW-SECRET-AWS-SECRET", n, withDigitAndCases(r, 40, ALNUM + "/+"), n));
    }
    for (char kind : new char[] {'p', 'o', 's'}) {
      cases.add(new Case("TW-SECRET-GITHUB", "gh" + kind, "gh" + kind + "_" + random(r, 36, ALNUM), NEUTRAL));
    }
    for (int i = 0; i < 3; i++) {
      cases.add(new Case("TW-SECRET-GITHUB-PAT", "pat" + i,
          "github_pat_" + random(r, 22, ALNUM) + "_" + random(r, 59, ALNUM), NEUTRAL));
    }
    for (int i = 0; i < 3; i++) {
      cases.add(new Case("TW-SECRET-GITLAB", "glpat" + i, "glpat-" + random(r, 20, ALNUM + "_-"), NEUTRAL));
    }
    cases.add(new Case("TW-SECRET-SLACK", "bot", "xoxb-" + random(r, 11, DIGITS) + "-" + random(r, 12, DIGITS)
        + "-" + random(r, 24, ALNUM), NEUTRAL));
    cases.add(new Case("TW-SECRET-SLACK", "user", "xoxp-" + random(r, 11, DIGITS) + "-" + random(r, 11, DIGITS)
        + "-" + random(r, 12, DIGITS) + "-" + random(r, 32, HEX), NEUTRAL));
    cases.add(new Case("TW-SECRET-SLACK", "app", "xapp-1-A" + random(r, 10, UPPER + DIGITS) + "-"
        + random(r, 13, DIGITS) + "-" + random(r, 64, HEX), NEUTRAL));
    for (int i = 0; i < 3; i++) {
      cases.add(new Case("TW-SECRET-SLACK-WEBHOOK", "webhook" + i, "https://hooks.slack.com/services/T"
          + random(r, 10, UPPER + DIGITS) + "/B" + random(r, 10, UPPER + DIGITS) + "/" + random(r, 24, ALNUM),
          NEUTRAL));
    }
    String[] stripe = {"sk_live_", "rk_test_", "sk_test_"};
    for (int i = 0; i < 3; i++) {
      cases.add(new Case("TW-SECRET-STRIPE", stripe[i], stripe[i] + random(r, 24 + 30 * i, ALNUM), NEUTRAL));
    }
    String marker = "T3Blbk" + "FJ";
    cases.add(new Case("TW-SECRET-OPENAI", "project", "sk-proj-" + random(r, 74, B64URL) + marker
        + random(r, 74, B64URL), NEUTRAL));
    cases.add(new Case("TW-SECRET-OPENAI", "legacy", "sk-" + random(r, 20, ALNUM) + marker
        + random(r, 20, ALNUM), NEUTRAL));
    cases.add(new Case("TW-SECRET-OPENAI", "svcacct", "sk-svcacct-" + random(r, 58, B64URL) + marker
        + random(r, 58, B64URL), NEUTRAL));
    String[] anthropic = {"api03", "api03", "admin01"};
    for (int i = 0; i < 3; i++) {
      cases.add(new Case("TW-SECRET-ANTHROPIC", anthropic[i] + i, "sk-ant-" + anthropic[i] + "-"
          + random(r, 93, B64URL) + "AA", NEUTRAL));
    }
    for (int i = 0; i < 3; i++) {
      cases.add(new Case("TW-SECRET-GOOGLE-API-KEY", "google" + i, "AIza" + random(r, 35, B64URL), NEUTRAL));
    }
    for (int i = 0; i < 3; i++) {
      cases.add(new Case("TW-SECRET-HUGGINGFACE", "hf" + i, "hf_" + random(r, 34, LETTERS), NEUTRAL));
    }
    for (int i = 0; i < 3; i++) {
      cases.add(new Case("TW-SECRET-NPM", "npm" + i, "npm_" + random(r, 36, ALNUM), NEUTRAL));
    }
    for (int i = 0; i < 3; i++) {
      cases.add(new Case("TW-SECRET-PYPI", "pypi" + i, "pypi-" + "AgEIcHlwaS5vcmc" + random(r, 60 + 40 * i, B64URL),
          NEUTRAL));
    }
    for (int i = 0; i < 3; i++) {
      cases.add(new Case("TW-SECRET-SENDGRID", "sg" + i, "SG." + random(r, 22, B64URL) + "."
          + random(r, 43, B64URL), NEUTRAL));
    }
    for (int i = 0; i < 3; i++) {
      cases.add(new Case("TW-SECRET-TWILIO", "twilio" + i, "SK" + random(r, 32, HEX), NEUTRAL));
    }
    for (int i = 0; i < 3; i++) {
      cases.add(new Case("TW-SECRET-AZURE-AD", "azure" + i, random(r, 3, ALNUM) + random(r, 1, DIGITS) + "Q~"
          + random(r, 31 + i, ALNUM + "_~.-"), NEUTRAL));
    }
    String[] doPrefixes = {"dop_v1_", "doo_v1_", "dor_v1_"};
    for (String p : doPrefixes) {
      cases.add(new Case("TW-SECRET-DIGITALOCEAN", p, p + random(r, 64, HEX), NEUTRAL));
    }
    String[] pemLabels = {"RSA", "OPENSSH", "ENCRYPTED", "EC", "PGP"};
    for (String label : pemLabels) {
      cases.add(new Case("TW-SECRET-PRIVATE-KEY", label, pem(r, label), NEUTRAL));
    }
    for (int i = 0; i < 3; i++) {
      cases.add(new Case("TW-SECRET-JWT", "jwt" + i, jwt(r), NEUTRAL));
    }
    String pw = random(r, 18, ALNUM);
    cases.add(new Case("TW-SECRET-CONNECTION-STRING", "postgres", "postgres://app_user:" + pw
        + "@db.internal:5432/orders", NEUTRAL));
    cases.add(new Case("TW-SECRET-CONNECTION-STRING", "mongodb+srv", "mongodb+srv://svc:" + random(r, 20, ALNUM)
        + "@cluster0.mongo.internal/app?retryWrites=true", NEUTRAL));
    cases.add(new Case("TW-SECRET-CONNECTION-STRING", "redis", "redis://:" + random(r, 24, ALNUM)
        + "@cache.internal:6379/0", NEUTRAL));
    cases.add(new Case("TW-SECRET-CONNECTION-STRING", "jdbc", "jdbc:mysql://report:" + random(r, 16, ALNUM)
        + "@mysql.internal:3306/reports", NEUTRAL));
    String[] genericNames = {"apiToken", "clientSecret", "dbPassword", "signingKey"};
    for (String n : genericNames) {
      cases.add(new Case("TW-SECRET-GENERIC", n, withDigitAndCases(r, 20 + r.nextInt(12), ALNUM + "!#*+^~"), n));
    }
    return cases;
  }

  /** Random string that has at least one digit, one upper- and one lower-case letter. */
  private static String withDigitAndCases(Random r, int n, String alphabet) {
    while (true) {
      String s = random(r, n, alphabet);
      if (s.chars().anyMatch(Character::isDigit) && s.chars().anyMatch(Character::isUpperCase)
          && s.chars().anyMatch(Character::isLowerCase)) {
        return s;
      }
    }
  }

  private static String pem(Random r, String label) {
    String header = label.equals("PGP") ? "PGP PRIVATE KEY BLOCK"
        : label.equals("ENCRYPTED") ? "ENCRYPTED PRIVATE KEY" : label + " PRIVATE KEY";
    StringBuilder sb = new StringBuilder("-----BEGIN ").append(header).append("-----\n");
    if (label.equals("PGP")) {
      sb.append("Version: Generated 1.0\n\n");
    }
    for (int i = 0; i < 6; i++) {
      sb.append(random(r, 64, ALNUM + "+/")).append('\n');
    }
    sb.append(random(r, 20, ALNUM + "+/")).append("==\n");
    return sb.append("-----END ").append(header).append("-----").toString();
  }

  private static String jwt(Random r) {
    Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
    String header = enc.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String claims = "{\"sub\":\"user-" + random(r, 8, DIGITS) + "\",\"name\":\"" + random(r, 10, LETTERS)
        + "\",\"iat\":" + (1_700_000_000L + r.nextInt(100_000_000)) + "}";
    return header + "." + enc.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "."
        + random(r, 43, B64URL);
  }
}
