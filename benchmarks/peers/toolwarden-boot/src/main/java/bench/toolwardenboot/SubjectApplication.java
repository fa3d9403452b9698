package bench.toolwardenboot;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * A Spring Boot application with toolwarden-spring-boot-starter; {@code --spring.profiles.active=tools1},
 * {@code tools100} or {@code lookup} picks the tool beans, as in the Spring AI peer. Over HTTP by default (Tomcat,
 * {@code /mcp}), over stdio with {@code --toolwarden.transport=stdio}.
 *
 * <p>One jar holds the three tool sets, and the starter refuses a generated bundle without a bean, so the application's
 * class loader shows {@code ServiceLoader} only the bundles of the active profile — what the jar of an application
 * with only those tools would list. Everything else is loaded by Boot's own class loader, unchanged.
 */
@SpringBootApplication
public class SubjectApplication {

  private static final Map<String, List<String>> BUNDLES = Map.of(
      "tools1", List.of("Tools1"),
      "tools100", List.of("Tools100A", "Tools100B", "Tools100C", "Tools100D"),
      "lookup", List.of("LookupTools"));

  public static void main(String[] args) {
    String profile = "lookup";
    for (String a : args) {
      if (a.startsWith("--spring.profiles.active=")) {
        profile = a.substring(a.indexOf('=') + 1);
      }
    }
    if (System.getProperty("bench.bootFloor") != null) { // BootBenchmark --stdio-variant floor=-Dbench.bootFloor=true
      bench.bootfloor.BootFloorApplication.run(args, profile.equals("tools100") ? 100 : 1);
      return;
    }
    StringBuilder listing = new StringBuilder();
    for (String cls : BUNDLES.get(profile)) {
      listing.append(SubjectApplication.class.getPackageName()).append('.').append(cls).append("_ToolBundle\n");
    }
    ClassLoader loader = new OnlyBundles(Thread.currentThread().getContextClassLoader(), listing.toString());
    new SpringApplicationBuilder(SubjectApplication.class).resourceLoader(new DefaultResourceLoader(loader)).run(args);
  }

  /** Delegates everything to its parent but the tool-bundle service listing. */
  static final class OnlyBundles extends ClassLoader {

    private static final String SERVICE = "META-INF/services/dev.toolwarden.runtime.spi.ToolBundle";
    private final byte[] listing;

    OnlyBundles(ClassLoader parent, String listing) {
      super(parent);
      this.listing = listing.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws java.io.IOException {
      if (!name.equals(SERVICE)) {
        return super.getResources(name);
      }
      URL url = new URL(null, "bench:" + SERVICE, new URLStreamHandler() {
        @Override
        protected URLConnection openConnection(URL u) {
          return new URLConnection(u) {
            @Override
            public void connect() {}

            @Override
            public InputStream getInputStream() {
              return new ByteArrayInputStream(listing);
            }
          };
        }
      });
      return Collections.enumeration(List.of(url));
    }
  }
}
