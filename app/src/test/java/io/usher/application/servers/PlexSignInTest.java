package io.usher.application.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.domain.common.UsherException;
import io.usher.domain.media.PlexPin;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class PlexSignInTest {
  final FakeMediaServers media = new FakeMediaServers();
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
  final List<Duration> waits = new ArrayList<>();
  final PlexSignIn signIn =
      new PlexSignIn(
          media,
          clock,
          (duration, cancelled) -> {
            waits.add(duration);
            clock.advance(duration);
          });

  @Test
  void asksEveryTwoSecondsUntilTheOwnerConfirmsThenHandsOverTheToken() {
    media.signInWaits = 3;
    PlexPin pin = signIn.start(null);

    assertThat(signIn.await(pin, null, () -> false)).contains("good-token");
    assertThat(media.signInPolls).isEqualTo(4);
    assertThat(waits).containsOnly(Duration.ofSeconds(2)).hasSize(3);
  }

  @Test
  void givesUpWithASentenceOnceTheCodeHasExpired() {
    media.signInWaits = Integer.MAX_VALUE;
    PlexPin pin = new PlexPin(7, "c", "u", Duration.ofSeconds(9));

    assertThatThrownBy(() -> signIn.await(pin, null, () -> false))
        .isInstanceOf(UsherException.class)
        .hasMessage("The Plex sign-in code expired before it was confirmed: start again.");
    assertThat(media.signInPolls).isEqualTo(6);
  }

  @Test
  void aCancelStopsTheWaitWithoutAToken() {
    media.signInWaits = Integer.MAX_VALUE;
    AtomicBoolean cancelled = new AtomicBoolean();
    PlexSignIn cancelledOnSecondWait =
        new PlexSignIn(
            media,
            clock,
            (duration, stop) -> {
              waits.add(duration);
              cancelled.set(waits.size() == 2);
            });

    assertThat(cancelledOnSecondWait.await(signIn.start(null), null, cancelled::get)).isEmpty();
    assertThat(media.signInPolls).isEqualTo(2);
  }
}
