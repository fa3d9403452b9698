package dev.toolwarden.runtime.internal.url;

import dev.toolwarden.runtime.url.HostResolver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@link HostResolver#fixed(Map)}: a table of names and canonical address literals. */
public final class FixedHostResolver implements HostResolver {

  private final Map<String, List<byte[]>> table;

  private FixedHostResolver(Map<String, List<byte[]>> table) {
    this.table = table;
  }

  /** Reads the table; every address must be a canonical IPv4 or IPv6 literal. */
  public static FixedHostResolver of(Map<String, List<String>> addressesByName) {
    Map<String, List<byte[]>> table = new LinkedHashMap<>();
    addressesByName.forEach((name, addresses) -> {
      String host = name.toLowerCase(Locale.ROOT);
      if (addresses.isEmpty()) {
        throw new IllegalArgumentException("no address for " + name);
      }
      List<byte[]> bytes = new ArrayList<>();
      for (String a : addresses) {
        byte[] b = a.indexOf(':') >= 0 ? IpLiterals.ipv6(a) : IpLiterals.ipv4(a);
        if (b == null) {
          throw new IllegalArgumentException("not a canonical IP address: " + a);
        }
        bytes.add(b);
      }
      table.put(host, List.copyOf(bytes));
    });
    return new FixedHostResolver(Map.copyOf(table));
  }

  @Override
  public List<InetAddress> resolve(String host) throws UnknownHostException {
    List<byte[]> bytes = table.get(host);
    if (bytes == null) {
      throw new UnknownHostException(host);
    }
    List<InetAddress> out = new ArrayList<>(bytes.size());
    for (byte[] b : bytes) {
      // a 16-byte IPv4-mapped address comes back as an Inet4Address, as it would from DNS
      out.add(InetAddress.getByAddress(host, b));
    }
    return out;
  }
}
