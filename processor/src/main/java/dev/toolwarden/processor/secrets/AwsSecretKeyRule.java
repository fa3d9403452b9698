package dev.toolwarden.processor.secrets;

import java.util.List;

/**
 * {@code TW-SECRET-AWS-SECRET}: an AWS secret access key. It has no prefix (40 characters of {@code
 * [A-Za-z0-9/+]}), so it is only recognised by context: the literal is assigned to a name such as {@code
 * aws_secret_access_key}, {@code secretAccessKey} or {@code awsSecretKey} ({@link CredentialNames#isAwsSecretName}).
 * The value (trimmed) must be exactly 40 such characters, mix upper case, lower case and digits, and have an entropy of
 * at least {@value #ENTROPY_FLOOR} bits per character.
 */
final class AwsSecretKeyRule extends SecretRule {
  private static final double ENTROPY_FLOOR = 4.0;

  AwsSecretKeyRule() {
    super("TW-SECRET-AWS-SECRET", "AWS secret access key (by name context)", "AWS_SECRET_ACCESS_KEY");
  }

  @Override
  public List<String> keywords() {
    return List.of();
  }

  @Override
  public boolean needsContext() {
    return true;
  }

  @Override
  public boolean mightMatch(String text, String contextName) {
    return text.length() >= 40 && text.length() <= 64 && CredentialNames.isAwsSecretName(contextName);
  }

  @Override
  public void find(String text, String contextName, List<SecretFinding> out) {
    int s = 0;
    int e = text.length();
    while (s < e && Character.isWhitespace(text.charAt(s))) {
      s++;
    }
    while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
      e--;
    }
    if (e - s != 40) {
      return;
    }
    boolean upper = false;
    boolean lower = false;
    boolean digit = false;
    for (int i = s; i < e; i++) {
      char c = text.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        upper = true;
      } else if (c >= 'a' && c <= 'z') {
        lower = true;
      } else if (Text.isDigit(c)) {
        digit = true;
      } else if (c != '/' && c != '+') {
        return;
      }
    }
    if (upper && lower && digit && Text.entropy(text, s, e) >= ENTROPY_FLOOR && !Text.isPlaceholder(text, s, e)) {
      report(text, s, e, out);
    }
  }
}
