package io.usher.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.domain.common.UsherException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceLockTest {
  @TempDir Path dataDir;

  @Test
  void aSecondInstanceOnTheSameDataIsToldWhoHasIt() {
    try (InstanceLock first = InstanceLock.acquire(dataDir)) {
      assertThat(first).isNotNull();
      assertThatThrownBy(() -> InstanceLock.acquire(dataDir))
          .isInstanceOf(UsherException.class)
          .hasMessage(
              "Usher is already running on this data (pid " + ProcessHandle.current().pid() + ").");
    }
  }

  @Test
  void theLockIsFreeAgainOnceReleased() {
    InstanceLock.acquire(dataDir).close();
    try (InstanceLock again = InstanceLock.acquire(dataDir)) {
      assertThat(again).isNotNull();
    }
  }
}
