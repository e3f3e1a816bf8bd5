package io.usher.app;

import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.jetty.io.Connection;

/**
 * Each address's budget of open connections to the checkout page: a connection beyond it is closed
 * as it opens, so one address holding connections open (slowloris, a flood) cannot take the slots
 * every other customer needs. HTTP/1.1 carries one request at a time per connection, so this also
 * bounds the requests an address has in flight. Trusted proxies carry every customer's connections
 * and have no budget.
 */
final class AddressGate implements Connection.Listener {
  private final int perAddress;
  private final Supplier<Set<String>> trusted;
  private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();

  /** The address each counted connection was counted under: a closed one may no longer say. */
  private final ConcurrentHashMap<Connection, String> counted = new ConcurrentHashMap<>();

  /**
   * @param trusted the trusted proxies' addresses (checkout.trusted-proxies), read as each
   *     connection opens
   */
  AddressGate(int perAddress, Supplier<Set<String>> trusted) {
    this.perAddress = perAddress;
    this.trusted = trusted;
  }

  @Override
  public void onOpened(Connection connection) {
    String address = address(connection);
    if (address == null || trusted.get().contains(address)) {
      return;
    }
    int now = open.merge(address, 1, Integer::sum);
    counted.put(connection, address);
    if (now > perAddress) {
      connection.close();
    }
  }

  @Override
  public void onClosed(Connection connection) {
    String address = counted.remove(connection);
    if (address != null) {
      open.computeIfPresent(address, (a, n) -> n > 1 ? n - 1 : null);
    }
  }

  private static String address(Connection connection) {
    return connection.getEndPoint().getRemoteSocketAddress() instanceof InetSocketAddress inet
            && inet.getAddress() != null
        ? inet.getAddress().getHostAddress()
        : null;
  }
}
