package io.usher.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.domain.common.UsherException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckoutPortTest {
  @Test
  void theEnvironmentChoosesThisProcesssPortOverTheSharedSetting() {
    assertThat(CheckoutServer.port(Map.of(), 8765)).isEqualTo(8765);
    assertThat(CheckoutServer.port(Map.of("USHER_CHECKOUT_PORT", " "), 8765)).isEqualTo(8765);
    assertThat(CheckoutServer.port(Map.of("USHER_CHECKOUT_PORT", "9001"), 8765)).isEqualTo(9001);
  }

  @Test
  void aPortThatIsNoPortIsOneSentence() {
    for (String wrong : new String[] {"0", "65536", "http", "١٢"}) {
      assertThatThrownBy(() -> CheckoutServer.port(Map.of("USHER_CHECKOUT_PORT", wrong), 8765))
          .isInstanceOf(UsherException.class)
          .hasMessage("USHER_CHECKOUT_PORT must be a port from 1 to 65535, not " + wrong + ".");
    }
  }
}
