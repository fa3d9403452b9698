package dev.toolwarden.runtime.testtools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Self-signed keystores for TLS tests, made with the JDK's {@code keytool}, and clients that trust them. */
public final class TestTls {

  private TestTls() {}

  /**
   * Generates a PKCS12 keystore with one EC key pair and a self-signed certificate. keytool reads
   * the password from its environment, never from the command line.
   *
   * @param san the subject alternative names, e.g. {@code "ip:127.0.0.1,dns:localhost"}
   */
  public static void keystore(Path keystore, String password, String commonName, String san)
      throws IOException, InterruptedException {
    ProcessBuilder keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
        "-dname", "CN=" + commonName, "-ext", "SAN=" + san, "-storetype", "PKCS12",
        "-keystore", keystore.toString(), "-storepass:env", "KS_PASSWORD")
        .redirectErrorStream(true);
    keytool.environment().put("KS_PASSWORD", password);
    Process started = keytool.start();
    started.getOutputStream().close();
    assertTrue(started.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, started.exitValue(), new String(started.getInputStream().readAllBytes()));
  }

  /** A TLS context that trusts exactly the certificates of {@code keystore}. */
  public static SSLContext trusting(Path keystore, String password) throws IOException, GeneralSecurityException {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      trust.load(in, password.toCharArray());
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    return ssl;
  }
}
