package dev.toolwarden.runtime.url;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.toolwarden.runtime.testtools.TestTls;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS with a host name while the connection is pinned to the checked address: the client
 * connects to 127.0.0.1 (the only address the test resolver gives and the test trusts), sends
 * the name in SNI and verifies the certificate against the name. This is what
 * {@code java.net.http.HttpClient} cannot do, and why the client is built on Jetty's.
 */
@Timeout(120)
class PinnedHttpsTest {

  @TempDir Path temp;

  @Test
  void verifiesTheCertificateForTheNameWhileConnectingToTheCheckedAddress() throws Exception {
    byte[] random = new byte[18];
    new SecureRandom().nextBytes(random);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Path keystore = temp.resolve("origin.p12");
    TestTls.keystore(keystore, password, "origin.lab.test", "dns:origin.lab.test");

    SslContextFactory.Server tls = new SslContextFactory.Server();
    tls.setKeyStorePath(keystore.toString());
    tls.setKeyStorePassword(password);
    tls.setKeyStoreType("PKCS12");
    SSLContext ssl = TestTls.trusting(keystore, password);

    try (LoopbackOrigin origin = new LoopbackOrigin(tls)) {
      int port = origin.port();
      Egress egress = Egress.builder().trust("127.0.0.1").resolver(HostResolver.fixed(java.util.Map.of(
          "origin.lab.test", List.of("127.0.0.1"), "alias.lab.test", List.of("127.0.0.1")))).build();
      UrlPolicy policy = UrlPolicy.builder().schemes("https").hosts("*.lab.test").ports(port).build();
      try (SafeHttpClient http = SafeHttpClient.builder().policy(policy).egress(egress).sslContext(ssl).build()) {
        assertEquals(LoopbackOrigin.HELLO, http.get(URI.create("https://origin.lab.test:" + port + "/ok")).text());
        // same address, a name the certificate does not carry: the name is what TLS verifies
        SafeHttpException e = assertThrows(SafeHttpException.class,
            () -> http.get(URI.create("https://alias.lab.test:" + port + "/ok")));
        assertEquals("request failed: no connection or no valid response", e.getMessage());
      }
      assertEquals(List.of("origin.lab.test:" + port + " /ok"), origin.requests());
    }
  }
}
