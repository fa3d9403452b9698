package dev.toolwarden.benchmarks.servers;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;

/**
 * A class loader that shows {@link java.util.ServiceLoader} only the named tool bundles, as the jar of
 * a real server would: the benchmarks jar holds the bundles of every benchmark tool class.
 */
public final class OnlyBundles extends ClassLoader {

  private static final String SERVICE = "META-INF/services/dev.toolwarden.runtime.spi.ToolBundle";
  private final byte[] listing;

  public OnlyBundles(String... bundleClasses) {
    super(OnlyBundles.class.getClassLoader());
    this.listing = (String.join("\n", bundleClasses) + "\n").getBytes(StandardCharsets.UTF_8);
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
    return Collections.enumeration(java.util.List.of(url));
  }
}
