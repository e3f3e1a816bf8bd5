package io.usher.checkout;

import com.sun.net.httpserver.HttpExchange;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Who sent a request, for the per-client rate limit. Behind a reverse proxy every request comes
 * from the proxy, so all customers would share one budget; when the peer is one of the owner's
 * trusted proxies, the client is the nearest address in X-Forwarded-For that is not a trusted proxy
 * itself. The header is never believed from anyone else, since a client can write it.
 */
public final class ClientAddress {
  /** The request attribute the address is left in for the pages to read. */
  public static final String ATTRIBUTE = "usher.client";

  private static final int MAX_HEADER = 1024;
  private static final Pattern IP = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  private ClientAddress() {}

  /** {@code checkout.trusted-proxies}: addresses separated by commas or spaces. */
  public static Set<String> parseTrusted(String setting) {
    if (setting == null || setting.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(setting.split("[,\\s]+"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  public static String of(HttpExchange exchange, Set<String> trusted) {
    String peer = peer(exchange);
    if (!trusted.contains(peer)) {
      return peer;
    }
    List<String> forwarded = exchange.getRequestHeaders().get("X-Forwarded-For");
    if (forwarded == null) {
      return peer;
    }
    String joined = String.join(",", forwarded);
    if (joined.length() > MAX_HEADER) {
      return peer;
    }
    String[] hops = joined.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (!IP.matcher(hop).matches()) {
        return peer;
      }
      if (!trusted.contains(hop)) {
        return hop;
      }
    }
    return peer;
  }

  private static String peer(HttpExchange exchange) {
    InetSocketAddress remote = exchange.getRemoteAddress();
    return remote == null || remote.getAddress() == null
        ? "unknown"
        : remote.getAddress().getHostAddress();
  }
}
