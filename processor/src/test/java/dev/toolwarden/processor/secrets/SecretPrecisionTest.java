package dev.toolwarden.processor.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Precision: ordinary code, placeholders and look-alikes produce no finding. */
class SecretPrecisionTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', textBlock = """
      maxTokens        | 5000000000
      tokenizer        | whitespace_tokenizer_v2
      tokenizerName    | bert-base-uncased-2024
      author           | Jane Q. Developer 2024
      sortKey          | lastModified_desc_1
      keyword          | synchronized2024!
      public_key       | MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA
      publicKey        | ssh-ed25519-AAAAC3NzaC1lZDI1NTE5AAAAIK7
      key_name         | prod-signing-key-2024
      api_version      | 2024-06-01.preview3
      csrf_token       | Xk29dl3kdLq0s9Zk2mQ8
      csrfToken        | Xk29dl3kdLq0s9Zk2mQ8
      password         | password
      password         | ${DB_PASSWORD}
      password         | {{ db_password }}
      apiKey           | %s
      apiKey           | <your-api-key>
      apiKey           | changeme-changeme-123
      apiKey           | xxxxxxxxxxxxxxxxxxxxxxxx
      apiKey           | your_api_key_here_123
      token            | aaaaaaaaaaaaaaaaaaaaaaaaaaaa
      token            | true
      clientSecret     | null
      secretKey        | EXAMPLEKEY1234567890abcdef
      passwordField    | j_password_input_7
      passwordHint     | At least 8 chars, 1 digit
      tokenUrl         | https://auth.example.com/oauth2/token
      tokenEndpoint    | /oauth2/v1/token2
      tokenType        | Bearer_v2_2024
      authScheme       | Negotiate2
      passwordEnvVar   | DB_PASSWORD_2
      secretKeyAlgorithm | PBKDF2WithHmacSHA256
      keyStoreType     | PKCS12_2024x
      keySize          | 2048
      token            | access_token
      password         | db.password
      apiKey           | X-Api-Key
      secret           | spring.security.oauth2.client-secret
      tokenPrefix      | Bearer abc123
      passwordPattern  | ^(?=.*[0-9])(?=.*[a-z]).{8,}$
      """)
  void ordinaryNamedValuesAreNotSecrets(String name, String value) {
    assertEquals(List.of(), SecretScanner.scan(value, name), name + " = " + value);
  }

  @Test
  void identifiersHashesUuidsAndTestVectorsUnderNonCredentialNamesAreNotSecrets() {
    Random r = new Random(7);
    List<String> values = List.of(
        UUID.randomUUID().toString(),
        JavaSources.random(r, 64, JavaSources.HEX), // a SHA-256 digest
        JavaSources.random(r, 40, JavaSources.HEX), // a git commit id
        JavaSources.random(r, 44, JavaSources.ALNUM + "+/") + "=", // a base64 test vector
        "0123456789abcdef0123456789abcdef",
        "https://repo.maven.apache.org/maven2/org/example/Foo-1.0.jar",
        "https://user@example.org/path?query=1",
        "http://localhost:8080/mcp",
        "postgres://localhost:5432/orders",
        "The password must contain a digit and a symbol.",
        "Enter your token: ",
        "-----BEGIN RSA PRIVATE KEY-----",
        "-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----",
        "-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJRTESMBAGA1UE\n"
            + "-----END CERTIFICATE-----",
        "sk_live_", "AKIA", "ghp_", "xoxb-", "eyJhbGciOiJIUzI1NiJ9",
        "pk_live_" + JavaSources.random(r, 24, JavaSources.ALNUM), // Stripe publishable keys are public
        "pk_test_" + JavaSources.random(r, 24, JavaSources.ALNUM),
        "com.example.secrets.TokenProvider",
        "java.security.auth.login.config",
        "Authorization: Bearer %s",
        "password=%s&user=%s",
        "jdbc:postgresql://db:5432/app?user=app&password=${DB_PASSWORD}",
        "mongodb://${MONGO_USER}:${MONGO_PASSWORD}@mongo:27017",
        "redis://:password@localhost:6379",
        "amqp://user:****@localhost:5672/",
        "%s://%s:%s@%s",
        "AKIAIOSFODNN7EXAMPLE", // the AWS documentation example key id
        "ghp_" + "x".repeat(36),
        "sk-" + "0".repeat(48));
    for (String v : values) {
      assertEquals(List.of(), SecretScanner.scan(v, "value"), v);
      assertEquals(List.of(), SecretScanner.scan(v, null), v);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"apiKey", "API_KEY", "x-api-key", "clientSecret", "client_secret", "DB_PASSWORD",
      "dbPasswd", "userPwd", "accessToken", "refresh_token", "authToken", "bearerToken", "credentials", "auth",
      "privateKey", "secretAccessKey", "aws_secret_access_key", "key", "signingKey", "passphrase", "oauth2Token",
      "SECRET", "jwt", "sessionToken", "webhookSecret"})
  void credentialNames(String name) {
    assertTrue(CredentialNames.isCredentialName(name), name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"maxTokens", "tokenizer", "tokenCount", "author", "authority", "sortKey", "keyword",
      "public_key", "publicKey", "key_name", "api_version", "csrf_token", "xsrfToken", "tokenType", "tokenUrl",
      "passwordField", "passwordHint", "keySize", "keyStore", "cacheKey", "primaryKey", "mapKey", "keys_count",
      "secretKeyAlgorithm", "tokens", "passwordLength", "value", "name", "monkey", "turkey", "KEY_CIPHER"})
  void nonCredentialNames(String name) {
    assertFalse(CredentialNames.isCredentialName(name), name);
  }

  @Test
  void namesSplitOnCamelCaseDigitsAndUnderscores() {
    assertEquals(List.of("aws", "secret", "access", "key"), CredentialNames.words("aws_secret_access_key"));
    assertEquals(List.of("api", "key"), CredentialNames.words("APIKey"));
    assertEquals(List.of("db", "password"), CredentialNames.words("DB2_PASSWORD"));
    assertEquals(List.of("oauth", "token"), CredentialNames.words("oauth2Token"));
    assertEquals(List.of("max", "tokens"), CredentialNames.words("maxTokens"));
  }

  @Test
  void ordinaryCodeInEveryPositionProducesNoFinding() {
    String source = """
        package app;
        import java.util.*;
        import java.util.function.Supplier;
        @SuppressWarnings("unchecked")
        public class Ordinary {
          static final int maxTokens = 5;
          static final String tokenizer = "whitespace";
          static final String TOKEN_HEADER = "Authorization";
          static final String PASSWORD_PROPERTY = "spring.datasource.password";
          static final String API_KEY_ENV = "OPENAI_API_KEY";
          static final String DEFAULT_PASSWORD = "${DB_PASSWORD}";
          static final String ID = "3f2c1a9e-8b7d-4c6e-9f10-2a3b4c5d6e7f";
          static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
          static final String VECTOR = "dGhlIHF1aWNrIGJyb3duIGZveCBqdW1wcyBvdmVyIDEzIGxhenkgZG9ncw==";
          static final String URL = "https://api.example.org/v1/items?limit=10";
          static final String SQL = "SELECT id, password_hash FROM users WHERE name = ?";
          static final String MESSAGE = "Invalid password: " + "must contain a digit";
          static final String JSON = \"""
              {"token": "%s", "password": "${PASSWORD}", "expires_in": 3600}
              \""";
          enum Kind { PASSWORD("password"), TOKEN("token"), API_KEY("api_key"); Kind(String s) {} }
          String tokenType() { return "Bearer"; }
          void run(Map<String, String> props) {
            props.put("password", System.getenv("DB_PASSWORD"));
            props.put("user.name", "service-account-2");
            Supplier<String> greeting = () -> "hello world 2024";
            String format = String.format("%s://%s:%s@%s", "postgres", "u", "p", "h");
            char[] password = "".toCharArray();
          }
        }
        """;
    JavaSources.Parsed parsed = JavaSources.parse("app/Ordinary.java", source);
    assertEquals(List.of(), parsed.errors());
    assertEquals(List.of(), parsed.scan());
  }
}
