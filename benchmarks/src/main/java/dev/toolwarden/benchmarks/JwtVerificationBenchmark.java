package dev.toolwarden.benchmarks;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.toolwarden.runtime.internal.auth.CachingTokenVerifier;
import dev.toolwarden.runtime.internal.auth.JwtVerifier;
import dev.toolwarden.runtime.internal.auth.VerifiedTokenCache;
import dev.toolwarden.runtime.auth.TokenRejectedException;
import dev.toolwarden.runtime.auth.VerifiedToken;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What OAuth costs per request once the keys are cached: Toolwarden's {@link JwtVerifier} (parse,
 * algorithm allowlist, key lookup, RS256 signature, issuer, audience, expiry, scopes) against the
 * bare RS256 signature check on the same token — the part no verifier can skip — and a repeated token
 * answered by the verified-token cache ({@code ResourceServer.tokenCacheTtl}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JwtVerificationBenchmark {

  private static final String ISSUER = "https://auth.example.test/realms/mcp";
  private static final String RESOURCE = "https://mcp.example.test/mcp";

  private String token;
  private JwtVerifier verifier;
  private CachingTokenVerifier cached;
  private RSASSAVerifier signatureOnly;

  @Setup
  public void setUp() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("bench").keyUse(KeyUse.SIGNATURE).generate();
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(List.of(RESOURCE))
        .subject("alice")
        .claim("scope", "files:read orders:read")
        .issueTime(new Date())
        .expirationTime(new Date(System.currentTimeMillis() + 3_600_000))
        .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("bench").type(JOSEObjectType.JWT)
        .build(), claims);
    jwt.sign(new RSASSASigner(key));
    token = jwt.serialize();
    verifier = new JwtVerifier(ISSUER, RESOURCE, JwtVerifier.DEFAULT_ALGORITHMS, Duration.ofSeconds(30),
        new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK())), Clock.systemUTC());
    signatureOnly = new RSASSAVerifier(key.toRSAPublicKey());
    cached = new CachingTokenVerifier(verifier, new VerifiedTokenCache(Duration.ofMinutes(1), 100), Clock.systemUTC());
    if (!verify().subject().equals("alice") || !signatureOnly()) {
      throw new IllegalStateException("the benchmark token does not verify");
    }
  }

  @Benchmark
  public VerifiedToken verify() throws TokenRejectedException {
    return verifier.verify(token);
  }

  /** The same token again, as a client sends it with every request: a hit of the verified-token cache. */
  @Benchmark
  public VerifiedToken cachedToken() throws TokenRejectedException {
    return cached.verify(token);
  }

  /**
   * The same three variants measured by the calling thread's CPU time rather than wall time, alternating in
   * batches, so that a loaded machine (other processes taking the cores) moves both sides alike:
   * {@code java -cp toolwarden-benchmarks.jar dev.toolwarden.benchmarks.JwtVerificationBenchmark [rounds]}.
   */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    JwtVerificationBenchmark b = new JwtVerificationBenchmark();
    b.setUp();
    java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    String[] names = {"signatureOnly", "verify", "cachedToken"};
    java.util.Map<String, java.util.List<Double>> perOp = new java.util.LinkedHashMap<>();
    int batch = 2000;
    for (int r = -3; r < rounds; r++) { // 3 warm-up rounds
      for (int k = 0; k < names.length; k++) {
        String name = names[(k + Math.max(r, 0)) % names.length];
        long t0 = cpu.getCurrentThreadCpuTime();
        for (int i = 0; i < batch; i++) {
          switch (name) {
            case "signatureOnly" -> b.signatureOnly();
            case "verify" -> b.verify();
            default -> b.cachedToken();
          }
        }
        if (r >= 0) {
          perOp.computeIfAbsent(name, x -> new java.util.ArrayList<>())
              .add((cpu.getCurrentThreadCpuTime() - t0) / 1000.0 / batch);
        }
      }
    }
    System.out.println("# thread CPU time per call, median of " + rounds + " alternating batches of " + batch + "; "
        + Stats.load());
    double base = Stats.median(perOp.get("signatureOnly"));
    for (String name : names) {
      double m = Stats.median(perOp.get(name));
      System.out.printf(java.util.Locale.ROOT, "%-14s %10.2f us CPU %8.2fx%n", name, m, m / base);
    }
  }

  @Benchmark
  public boolean signatureOnly() throws Exception {
    return SignedJWT.parse(token).verify(signatureOnly);
  }
}
