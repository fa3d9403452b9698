package dev.toolwarden.runtime.internal.net;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The runtime's one loopback check: literals and {@code localhost}, never a DNS lookup. */
class LoopbackTest {

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "LocalHost", "127.0.0.1", "127.1.2.3", "::1", "[::1]", "0:0:0:0:0:0:0:1"})
  void loopbackHosts(String host) {
    assertTrue(Loopback.isLoopback(host), host);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "0.0.0.0", "10.0.0.1", "::", "[::]", "example.com", "localhost.example.com",
      "127.0.0.1.nip.io", "zz:80", "[::1", "\u0661\u0662\u0667.0.0.1", "ip6-localhost"})
  void everythingElseIsNot(String host) {
    assertFalse(Loopback.isLoopback(host), host);
  }
}
