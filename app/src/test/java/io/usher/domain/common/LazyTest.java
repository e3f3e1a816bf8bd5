package io.usher.domain.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyTest {
  @Test
  void nothingIsMadeUntilAskedAndThenOnceForEveryThreadAskingAtOnce() throws Exception {
    AtomicInteger made = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    Lazy<Object> value =
        Lazy.of(
            () -> {
              made.incrementAndGet();
              return new Object();
            });
    assertThat(made).hasValue(0);

    List<Object> seen = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Thread t =
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      start.await();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                    seen.add(value.get());
                  });
      threads.add(t);
    }
    start.countDown();
    for (Thread t : threads) {
      t.join();
    }

    assertThat(made).hasValue(1);
    assertThat(seen).hasSize(8).allSatisfy(v -> assertThat(v).isSameAs(value.get()));
  }
}
