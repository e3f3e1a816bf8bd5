package io.usher.domain.enforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.domain.media.DevicePolicy;
import io.usher.domain.media.RemoteDevice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class DeviceRuleTest {
  static final Instant T = Instant.parse("2026-11-22T10:00:00Z");

  static RemoteDevice device(String id, Instant lastActive) {
    return new RemoteDevice(id, "r-" + id, id, null, "u1", lastActive);
  }

  @Test
  void withoutALimitEveryDeviceMay() {
    List<RemoteDevice> many = List.of(device("a", T), device("b", T), device("c", T));

    assertThat(DeviceRule.judge(null, many))
        .isEqualTo(new DeviceRule.Verdict(DevicePolicy.ANY, List.of()));
  }

  @Test
  void belowTheLimitANewDeviceMaySignIn() {
    assertThat(DeviceRule.judge(2, List.of(device("a", T))).policy()).isEqualTo(DevicePolicy.ANY);
    assertThat(DeviceRule.judge(1, List.of()).policy()).isEqualTo(DevicePolicy.ANY);
  }

  @Test
  void atTheLimitOnlyTheDevicesInUseMayByEitherId() {
    DeviceRule.Verdict verdict = DeviceRule.judge(2, List.of(device("a", T), device("b", T)));

    assertThat(verdict.policy()).isEqualTo(DevicePolicy.only(Set.of("a", "r-a", "b", "r-b")));
    assertThat(verdict.forget()).isEmpty();
  }

  @Test
  void aboveTheLimitTheLeastRecentlyUsedGoAndANeverUsedOneFirstOfAll() {
    RemoteDevice never = device("never", null);
    RemoteDevice old = device("old", T.minusSeconds(3600));
    RemoteDevice fresh = device("fresh", T);

    DeviceRule.Verdict verdict = DeviceRule.judge(1, List.of(never, old, fresh));

    assertThat(verdict.policy()).isEqualTo(DevicePolicy.only(Set.of("fresh", "r-fresh")));
    assertThat(verdict.forget()).containsExactly(old, never);
  }

  @Test
  void aDeviceWithoutAReportedIdIsNamedByItsOwn() {
    RemoteDevice bare = new RemoteDevice("7", null, "Roku", null, "u1", T);

    assertThat(DeviceRule.judge(1, List.of(bare)).policy())
        .isEqualTo(DevicePolicy.only(Set.of("7")));
  }

  @Test
  void aLimitBelowOneIsAMistakeNotAnEmptyList() {
    assertThatThrownBy(() -> DeviceRule.judge(0, List.of(device("a", T))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  void theMostRecentlyUsedStayAndNoMoreThanTheLimit(
      @ForAll @IntRange(min = 1, max = 5) int max,
      @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 100) Integer> minutesAgo) {
    List<RemoteDevice> used = new ArrayList<>();
    for (int i = 0; i < minutesAgo.size(); i++) {
      used.add(device("d" + i, T.minusSeconds(60L * minutesAgo.get(i))));
    }

    DeviceRule.Verdict verdict = DeviceRule.judge(max, used);

    assertThat(verdict.forget()).hasSize(Math.max(0, used.size() - max));
    Set<String> kept = new HashSet<>();
    used.stream().filter(d -> !verdict.forget().contains(d)).forEach(d -> kept.add(d.id()));
    if (used.size() < max) {
      assertThat(verdict.policy()).isEqualTo(DevicePolicy.ANY);
    } else {
      assertThat(verdict.policy().anyDevice()).isFalse();
      assertThat(kept).hasSize(max);
      kept.forEach(id -> assertThat(verdict.policy().deviceIds()).contains(id, "r-" + id));
      for (RemoteDevice gone : verdict.forget()) {
        assertThat(gone.id()).isNotIn(verdict.policy().deviceIds());
        used.stream()
            .filter(d -> kept.contains(d.id()))
            .forEach(k -> assertThat(k.lastActive()).isAfterOrEqualTo(gone.lastActive()));
      }
    }
  }
}
