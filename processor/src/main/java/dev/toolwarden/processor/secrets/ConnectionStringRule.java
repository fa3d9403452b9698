package dev.toolwarden.processor.secrets;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code TW-SECRET-CONNECTION-STRING}: a URL with a password in its user info, {@code scheme://user:password@host},
 * for database, broker, directory, mail, file-transfer and HTTP schemes ({@code postgres}, {@code mysql}, {@code
 * mongodb+srv}, {@code redis}, {@code amqp}, {@code jdbc:…}, …). The password must be non-empty and not a placeholder
 * ({@code ${DB_PASSWORD}}, {@code %s}, {@code <password>}, {@code password}, {@code ****}, …). Pre-filter: {@code ://}
 * and {@code @}. Hand-written matcher: the scheme is read within 32 characters before {@code ://}, the user info
 * within 256 after it.
 */
final class ConnectionStringRule extends SecretRule {
  private static final Set<String> SCHEMES = Set.of(
      "postgres", "postgresql", "mysql", "mariadb", "mongodb", "mongodb+srv", "redis", "rediss", "amqp", "amqps",
      "mssql", "sqlserver", "oracle", "db2", "cockroachdb", "clickhouse", "cassandra", "couchdb", "couchbase",
      "couchbases", "neo4j", "neo4j+s", "bolt", "nats", "mqtt", "mqtts", "ldap", "ldaps", "ftp", "ftps", "sftp",
      "smtp", "smtps", "imap", "imaps", "pop3", "pop3s", "http", "https", "ssh", "git", "svn", "memcached", "influxdb",
      "elasticsearch", "opensearch", "snowflake", "kafka", "stomp", "jdbc");
  private static final Set<String> PLACEHOLDER_PASSWORDS = Set.of(
      "password", "passwd", "pass", "pwd", "pw", "secret", "p", "x", "xx", "xxx", "changeme", "mypassword",
      "yourpassword", "user", "username", "passw0rd", "pa55word", "pword", "userpass", "userpassword", "dbpassword",
      "db_password", "db_pass", "password1", "redacted", "hidden", "masked", "pass123", "test", "foo", "bar", "baz",
      "example");

  ConnectionStringRule() {
    super("TW-SECRET-CONNECTION-STRING", "connection string with an embedded password", "DATABASE_URL");
  }

  @Override
  public List<String> keywords() {
    return List.of("://");
  }

  @Override
  public boolean mightMatch(String text, String contextName) {
    return text.indexOf('@') >= 0 && text.contains("://");
  }

  @Override
  public void find(String text, String contextName, List<SecretFinding> out) {
    int len = text.length();
    int from = 0;
    int hit;
    while ((hit = text.indexOf("://", from)) >= 0) {
      from = hit + 1;
      int s = hit;
      while (s > 0 && hit - s < 32 && isSchemeChar(text.charAt(s - 1))) {
        s--;
      }
      if (s == hit || (s > 0 && isSchemeChar(text.charAt(s - 1)))) {
        continue;
      }
      String scheme = text.substring(s, hit).toLowerCase(Locale.ROOT);
      if (!SCHEMES.contains(scheme)) {
        continue;
      }
      int userStart = hit + 3;
      int limit = Math.min(len, userStart + 256);
      int at = -1;
      int colon = -1;
      for (int p = userStart; p < limit; p++) {
        char c = text.charAt(p);
        if (c == '@') {
          at = p;
          break;
        }
        if (c == ':' && colon < 0) {
          colon = p;
        }
        if (c == '/' || c == '?' || c == '#' || c <= ' ' || c == '"' || c == '\'' || c == '<' || c == '>'
            || c == '\\' || c == ',' || c == ';') {
          break;
        }
      }
      if (at < 0 || colon < 0) {
        continue;
      }
      if (isRealPassword(text, colon + 1, at)) {
        report(text, s, at, out);
        from = at;
      }
    }
  }

  private static boolean isRealPassword(String text, int start, int end) {
    if (end <= start) {
      return false;
    }
    char first = text.charAt(start);
    if (first == '$' || first == '{' || first == '%' || first == '<' || first == '[' || first == '*'
        || first == ':') {
      return false;
    }
    String pw = text.substring(start, end);
    if (PLACEHOLDER_PASSWORDS.contains(pw.toLowerCase(Locale.ROOT))) {
      return false;
    }
    return !Text.isPlaceholder(text, start, end);
  }

  private static boolean isSchemeChar(char c) {
    return Text.isAlnum(c) || c == '+' || c == '.' || c == '-';
  }
}
