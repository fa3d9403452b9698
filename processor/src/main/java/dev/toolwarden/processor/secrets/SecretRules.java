package dev.toolwarden.processor.secrets;

import java.util.List;

/**
 * The catalogue of literal-secret rules. Each constant is one rule with a stable id; {@link #all()} lists them in
 * reporting order. Provider-format rules come first; the two context rules ({@link #AWS_SECRET_KEY}, {@link
 * #GENERIC}) only report where no provider rule matched the same characters.
 *
 * <p>Regexes here are only ever run with {@code lookingAt()} in a region of {@code maxLength} characters that starts
 * at a pre-filter hit ({@link PrefixPatternRule}); none has a nested quantifier, and open-ended tails are possessive.
 */
public final class SecretRules {
  private SecretRules() {}

  /** AWS access key id: {@code AKIA}/{@code ASIA}/{@code ABIA}/{@code ACCA}/{@code A3T?} + 16 of {@code [A-Z2-7]}. */
  public static final SecretRule AWS_ACCESS_KEY_ID = new PrefixPatternRule(
      "TW-SECRET-AWS-KEY", "AWS access key id", "AWS_ACCESS_KEY_ID",
      List.of("AKIA", "ASIA", "ABIA", "ACCA", "A3T"), 0, 20, 3.0,
      "(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)(?<body>[A-Z2-7]{16})(?![A-Za-z0-9])");

  /** AWS secret access key, recognised by the name it is assigned to (see {@link AwsSecretKeyRule}). */
  public static final SecretRule AWS_SECRET_KEY = new AwsSecretKeyRule();

  /** GitHub classic tokens: {@code ghp_}, {@code gho_}, {@code ghu_}, {@code ghs_}, {@code ghr_} + 36 alphanumerics. */
  public static final SecretRule GITHUB_TOKEN = new PrefixPatternRule(
      "TW-SECRET-GITHUB", "GitHub token (personal, OAuth, user-to-server, server-to-server or refresh)",
      "GITHUB_TOKEN", List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_"), 0, 40, 3.5,
      "gh[pousr]_(?<body>[A-Za-z0-9]{36})(?![A-Za-z0-9])");

  /** GitHub fine-grained personal access token: {@code github_pat_} + 82 word characters. */
  public static final SecretRule GITHUB_FINE_GRAINED = new PrefixPatternRule(
      "TW-SECRET-GITHUB-PAT", "GitHub fine-grained personal access token", "GITHUB_TOKEN",
      List.of("github_pat_"), 0, 93, 4.0,
      "github_pat_(?<body>[A-Za-z0-9_]{82})(?![A-Za-z0-9_])");

  /** GitLab personal access token: {@code glpat-} + 20 (or more, newer format) of {@code [A-Za-z0-9_-]}. */
  public static final SecretRule GITLAB_TOKEN = new PrefixPatternRule(
      "TW-SECRET-GITLAB", "GitLab personal access token", "GITLAB_TOKEN",
      List.of("glpat-"), 0, 6 + 64, 3.0,
      "glpat-(?<body>[A-Za-z0-9_.-]{20,64}+)(?![A-Za-z0-9_.-])");

  /** Slack tokens {@code xoxb-}, {@code xoxp-}, … and app tokens {@code xapp-} (see {@link SlackTokenRule}). */
  public static final SecretRule SLACK_TOKEN = new SlackTokenRule();

  /** Slack incoming webhook / workflow trigger URL: {@code hooks.slack.com/services/T…/B…/secret}. */
  public static final SecretRule SLACK_WEBHOOK = new PrefixPatternRule(
      "TW-SECRET-SLACK-WEBHOOK", "Slack webhook URL", "SLACK_WEBHOOK_URL",
      List.of("hooks.slack.com/"), 0, 200, 3.0,
      "hooks\\.slack\\.com/services/T[A-Z0-9]{6,12}/B[A-Z0-9]{6,12}/(?<body>[A-Za-z0-9]{20,40}+)",
      "hooks\\.slack\\.com/(?:workflows|triggers)/T[A-Z0-9]{6,12}/[A-Za-z0-9]{6,16}/[0-9]{6,20}/"
          + "(?<body>[A-Za-z0-9]{20,40}+)");

  /** Stripe secret and restricted keys: {@code sk_}/{@code rk_} + {@code live|test|prod} + 10–99 alphanumerics. */
  public static final SecretRule STRIPE_KEY = new PrefixPatternRule(
      "TW-SECRET-STRIPE", "Stripe secret or restricted API key", "STRIPE_API_KEY",
      List.of("sk_live_", "sk_test_", "sk_prod_", "rk_live_", "rk_test_", "rk_prod_"), 0, 8 + 99, 3.0,
      "[sr]k_(?:live|test|prod)_(?<body>[A-Za-z0-9]{10,99}+)(?![A-Za-z0-9])");

  /** OpenAI API keys, found by their {@code T3BlbkFJ} marker (see {@link OpenAiKeyRule}). */
  public static final SecretRule OPENAI_KEY = new OpenAiKeyRule();

  /** Anthropic API and admin keys: {@code sk-ant-api03-}/{@code sk-ant-admin01-} + 93 of {@code [A-Za-z0-9_-]} + AA. */
  public static final SecretRule ANTHROPIC_KEY = new PrefixPatternRule(
      "TW-SECRET-ANTHROPIC", "Anthropic API key", "ANTHROPIC_API_KEY",
      List.of("sk-ant-"), 0, 16 + 95, 4.0,
      "sk-ant-(?:api|admin)[0-9]{2}-(?<body>[A-Za-z0-9_-]{93})AA(?![A-Za-z0-9_-])");

  /** Google API key: {@code AIza} + 35 of {@code [A-Za-z0-9_-]}. */
  public static final SecretRule GOOGLE_API_KEY = new PrefixPatternRule(
      "TW-SECRET-GOOGLE-API-KEY", "Google API key", "GOOGLE_API_KEY",
      List.of("AIza"), 0, 39, 3.5,
      "AIza(?<body>[A-Za-z0-9_-]{35})(?![A-Za-z0-9_-])");

  /** Hugging Face access token: {@code hf_} + 34 letters. */
  public static final SecretRule HUGGINGFACE_TOKEN = new PrefixPatternRule(
      "TW-SECRET-HUGGINGFACE", "Hugging Face access token", "HF_TOKEN",
      List.of("hf_"), 0, 37, 4.0,
      "hf_(?<body>[A-Za-z]{34})(?![A-Za-z0-9])");

  /** npm access token: {@code npm_} + 36 alphanumerics. */
  public static final SecretRule NPM_TOKEN = new PrefixPatternRule(
      "TW-SECRET-NPM", "npm access token", "NPM_TOKEN",
      List.of("npm_"), 0, 40, 4.0,
      "npm_(?<body>[A-Za-z0-9]{36})(?![A-Za-z0-9])");

  /** PyPI upload token: {@code pypi-AgEIcHlwaS5vcmc} (a macaroon for pypi.org) + 50 or more characters. */
  public static final SecretRule PYPI_TOKEN = new PrefixPatternRule(
      "TW-SECRET-PYPI", "PyPI upload token", "PYPI_TOKEN",
      List.of("pypi-AgEIcHlwaS5vcmc"), 0, 20 + 1000, 3.5,
      "pypi-AgEIcHlwaS5vcmc(?<body>[A-Za-z0-9_-]{50,1000}+)");

  /** SendGrid API key: {@code SG.} + 22 + {@code .} + 43 of {@code [A-Za-z0-9_-]}. */
  public static final SecretRule SENDGRID_KEY = new PrefixPatternRule(
      "TW-SECRET-SENDGRID", "SendGrid API key", "SENDGRID_API_KEY",
      List.of("SG."), 0, 69, 4.0,
      "SG\\.[A-Za-z0-9_-]{22}\\.(?<body>[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])");

  /** Twilio API key SID: {@code SK} + 32 lower-case hex characters. */
  public static final SecretRule TWILIO_KEY = new PrefixPatternRule(
      "TW-SECRET-TWILIO", "Twilio API key", "TWILIO_API_KEY",
      List.of("SK"), 0, 34, 3.0,
      "SK(?<body>[0-9a-f]{32})(?![A-Za-z0-9])");

  /** Azure AD (Entra ID) client secret: 3 characters, a digit, {@code Q~}, then 31–34 of {@code [A-Za-z0-9_~.-]}. */
  public static final SecretRule AZURE_CLIENT_SECRET = new PrefixPatternRule(
      "TW-SECRET-AZURE-AD", "Azure AD client secret", "AZURE_CLIENT_SECRET",
      List.of("Q~"), 4, 40, 3.5,
      "[A-Za-z0-9_~.]{3}[0-9]Q~(?<body>[A-Za-z0-9_~.-]{31,34}+)(?![A-Za-z0-9_~.-])");

  /** DigitalOcean tokens: {@code dop_v1_}, {@code doo_v1_}, {@code dor_v1_} + 64 hex characters. */
  public static final SecretRule DIGITALOCEAN_TOKEN = new PrefixPatternRule(
      "TW-SECRET-DIGITALOCEAN", "DigitalOcean token", "DIGITALOCEAN_TOKEN",
      List.of("dop_v1_", "doo_v1_", "dor_v1_"), 0, 71, 3.0,
      "do[por]_v1_(?<body>[a-f0-9]{64})(?![A-Za-z0-9])");

  /** PEM/PGP private key blocks with a body (see {@link PrivateKeyRule}). */
  public static final SecretRule PRIVATE_KEY = new PrivateKeyRule();

  /** JSON Web Tokens (see {@link JwtRule}). */
  public static final SecretRule JWT = new JwtRule();

  /** {@code scheme://user:password@host} with a real password (see {@link ConnectionStringRule}). */
  public static final SecretRule CONNECTION_STRING = new ConnectionStringRule();

  /** High-entropy values given to credential names (see {@link GenericSecretRule}). */
  public static final SecretRule GENERIC = new GenericSecretRule();

  private static final List<SecretRule> ALL = List.of(
      AWS_ACCESS_KEY_ID, GITHUB_TOKEN, GITHUB_FINE_GRAINED, GITLAB_TOKEN, SLACK_TOKEN, SLACK_WEBHOOK, STRIPE_KEY,
      OPENAI_KEY, ANTHROPIC_KEY, GOOGLE_API_KEY, HUGGINGFACE_TOKEN, NPM_TOKEN, PYPI_TOKEN, SENDGRID_KEY, TWILIO_KEY,
      AZURE_CLIENT_SECRET, DIGITALOCEAN_TOKEN, PRIVATE_KEY, JWT, CONNECTION_STRING, AWS_SECRET_KEY, GENERIC);

  /** Every rule, provider formats first, then the context rules. */
  public static List<SecretRule> all() {
    return ALL;
  }

  /** The rule with this id, or null. */
  public static SecretRule byId(String id) {
    for (SecretRule r : ALL) {
      if (r.id().equals(id)) {
        return r;
      }
    }
    return null;
  }
}
