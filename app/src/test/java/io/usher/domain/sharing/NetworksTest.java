package io.usher.domain.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NetworksTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "203.0.113.7, 203.0.113.0/24",
    "203.0.113.250, 203.0.113.0/24",
    "' 198.51.100.9 ', 198.51.100.0/24",
    "2001:db8:1234:5678::1, 2001:0db8:1234::/48",
    "[2001:db8:1234:ffff::9], 2001:0db8:1234::/48",
    "::ffff:203.0.113.7, 203.0.113.0/24",
    "2a00:1450:4001:82a::200e, 2a00:1450:4001::/48",
    "2001:db8::, 2001:0db8:0000::/48",
    "1:2:3:4:5:6:7:8, 0001:0002:0003::/48",
  })
  void aPublicAddressStandsForItsNetwork(String address, String network) {
    assertThat(Networks.of(address, Set.of())).hasValue(network);
  }

  @ParameterizedTest(name = "[{0}]")
  @CsvSource({
    "10.1.2.3",
    "172.16.0.9",
    "192.168.1.20",
    "127.0.0.1",
    "169.254.10.10",
    "100.64.3.4",
    "100.127.255.1",
    "0.0.0.0",
    "::1",
    "fe80::1",
    "fd12:3456::7",
    "224.0.0.1",
    "plex.example.com",
    "not an address",
    "999.1.1.1",
    "''",
  })
  void privateLoopbackSharedAndUnreadableAddressesAreNoEvidence(String address) {
    assertThat(Networks.of(address, Set.of())).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"203.0.113.7", "2001:db8::5"})
  void theOwnersOwnAddressesAreNoEvidence(String address) {
    assertThat(Networks.of(address, Set.of("203.0.113.7", "2001:db8::5"))).isEmpty();
    assertThat(Networks.of("203.0.113.8", Set.of("203.0.113.7"))).isPresent();
  }

  @Property
  void anyTextGivesANetworkOrNothingAndNeverFails(@ForAll String address) {
    assertThat(Networks.of(address, Set.of()))
        .satisfiesAnyOf(
            n -> assertThat(n).isEmpty(),
            n -> assertThat(n.orElseThrow()).endsWith("/24"),
            n -> assertThat(n.orElseThrow()).endsWith("::/48"));
  }
}
