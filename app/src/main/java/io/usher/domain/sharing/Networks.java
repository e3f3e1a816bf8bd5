package io.usher.domain.sharing;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which network a client address stands for, as evidence of where a stream was watched: the /24 of
 * an IPv4 address and the /48 of an IPv6 one, so a household's changing address counts once.
 * Private, loopback, link-local and carrier-grade NAT addresses, and the owner's own, stand for no
 * network: they are never evidence.
 */
public final class Networks {
  private static final Pattern IPV4 =
      Pattern.compile("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  private Networks() {}

  /**
   * The network of {@code address}, or empty when it is no evidence.
   *
   * @param own the owner's own addresses (exact, as typed in sharing.own-addresses)
   */
  public static Optional<String> of(String address, Set<String> own) {
    if (address == null) {
      return Optional.empty();
    }
    String a = address.strip();
    if (a.startsWith("[") && a.endsWith("]")) {
      a = a.substring(1, a.length() - 1);
    }
    if (own.contains(a)) {
      return Optional.empty();
    }
    // Only literals are parsed: a name would be looked up in DNS.
    InetAddress ip;
    try {
      if (IPV4.matcher(a).matches() || (a.contains(":") && IPV6.matcher(a).matches())) {
        ip = InetAddress.ofLiteral(a);
      } else {
        return Optional.empty();
      }
    } catch (IllegalArgumentException notAnAddress) {
      return Optional.empty();
    }
    if (ip.isLoopbackAddress()
        || ip.isSiteLocalAddress()
        || ip.isLinkLocalAddress()
        || ip.isAnyLocalAddress()
        || ip.isMulticastAddress()) {
      return Optional.empty();
    }
    byte[] b = ip.getAddress();
    if (ip instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      if (first == 100 && second >= 64 && second < 128) {
        // Carrier-grade NAT: thousands of unrelated customers share these.
        return Optional.empty();
      }
      return Optional.of(first + "." + second + "." + (b[2] & 0xff) + ".0/24");
    }
    if (ip instanceof Inet6Address && (b[0] & 0xfe) == 0xfc) {
      return Optional.empty();
    }
    return Optional.of(
        String.format("%02x%02x:%02x%02x:%02x%02x::/48", b[0], b[1], b[2], b[3], b[4], b[5]));
  }
}
