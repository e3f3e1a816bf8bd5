package io.usher.domain.sharing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which network a client address stands for, as evidence of where a stream was watched: the /24 of
 * an IPv4 address and the /48 of an IPv6 one, so a household's changing address counts once.
 * Private, loopback, link-local, multicast and carrier-grade NAT addresses, and the owner's own,
 * stand for no network: they are never evidence. Only address literals are read (parsed here, so
 * nothing is ever looked up).
 */
public final class Networks {
  private static final Pattern IPV4 =
      Pattern.compile("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
  private static final Pattern GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");

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
    if (a.isEmpty() || own.contains(a)) {
      return Optional.empty();
    }
    int[] v4 = ipv4(a);
    if (v4 != null) {
      return network4(v4);
    }
    int[] v6 = a.contains(":") ? ipv6(a) : null;
    if (v6 == null) {
      return Optional.empty();
    }
    boolean zeroHead = v6[0] == 0 && v6[1] == 0 && v6[2] == 0 && v6[3] == 0 && v6[4] == 0;
    if (zeroHead && v6[5] == 0xffff) {
      return network4(new int[] {v6[6] >> 8, v6[6] & 0xff, v6[7] >> 8, v6[7] & 0xff});
    }
    if ((zeroHead && v6[5] == 0 && v6[6] == 0 && v6[7] <= 1)
        || (v6[0] & 0xffc0) == 0xfe80
        || (v6[0] & 0xfe00) == 0xfc00
        || (v6[0] & 0xff00) == 0xff00) {
      return Optional.empty();
    }
    return Optional.of(String.format("%04x:%04x:%04x::/48", v6[0], v6[1], v6[2]));
  }

  private static Optional<String> network4(int[] b) {
    boolean none =
        b[0] == 0
            || b[0] == 10
            || b[0] == 127
            || b[0] >= 224
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 172 && b[1] >= 16 && b[1] < 32)
            || (b[0] == 192 && b[1] == 168)
            // Carrier-grade NAT: thousands of unrelated customers share these.
            || (b[0] == 100 && b[1] >= 64 && b[1] < 128);
    return none ? Optional.empty() : Optional.of(b[0] + "." + b[1] + "." + b[2] + ".0/24");
  }

  private static int[] ipv4(String a) {
    if (!IPV4.matcher(a).matches()) {
      return null;
    }
    String[] parts = a.split("\\.");
    int[] b = new int[4];
    for (int i = 0; i < 4; i++) {
      b[i] = Integer.parseInt(parts[i]);
    }
    return b;
  }

  /** The eight 16-bit groups, or null when {@code a} is not an IPv6 literal. */
  private static int[] ipv6(String a) {
    String text = a;
    int zone = text.indexOf('%');
    if (zone >= 0) {
      text = text.substring(0, zone);
    }
    if (text.indexOf('.') >= 0) {
      int colon = text.lastIndexOf(':');
      int[] tail = ipv4(text.substring(colon + 1));
      if (tail == null) {
        return null;
      }
      text =
          text.substring(0, colon + 1)
              + Integer.toHexString(tail[0] << 8 | tail[1])
              + ":"
              + Integer.toHexString(tail[2] << 8 | tail[3]);
    }
    String[] halves = text.split("::", -1);
    if (halves.length > 2) {
      return null;
    }
    List<Integer> head = groups(halves[0]);
    List<Integer> tail = halves.length == 2 ? groups(halves[1]) : List.of();
    if (head == null || tail == null) {
      return null;
    }
    int given = head.size() + tail.size();
    if (halves.length == 1 ? given != 8 : given > 7) {
      return null;
    }
    int[] g = new int[8];
    for (int i = 0; i < head.size(); i++) {
      g[i] = head.get(i);
    }
    for (int i = 0; i < tail.size(); i++) {
      g[8 - tail.size() + i] = tail.get(i);
    }
    return g;
  }

  private static List<Integer> groups(String part) {
    List<Integer> groups = new ArrayList<>();
    if (part.isEmpty()) {
      return groups;
    }
    for (String g : part.split(":", -1)) {
      if (!GROUP.matcher(g).matches()) {
        return null;
      }
      groups.add(Integer.parseInt(g, 16));
    }
    return groups;
  }
}
