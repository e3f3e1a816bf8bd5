package io.usher.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OncePerSecondTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
  final AtomicInteger reads = new AtomicInteger();
  final CountDownLatch reading = new CountDownLatch(1);
  final CountDownLatch release = new CountDownLatch(1);

  @Test
  void readsAgainOnlyAfterASecondAndWhenTheClockIsSetBack() {
    OncePerSecond<Integer> value = new OncePerSecond<>(clock, reads::incrementAndGet);

    assertThat(value.get()).isEqualTo(1);
    clock.advance(Duration.ofMillis(999));
    assertThat(value.get()).isEqualTo(1);
    clock.advance(Duration.ofMillis(1));
    assertThat(value.get()).isEqualTo(2);
    clock.advance(Duration.ofSeconds(-5));
    assertThat(value.get()).isEqualTo(3);
  }

  @Test
  void aKeptValueCountsAsReadNowWithoutBeingRead() {
    OncePerSecond<Integer> value = new OncePerSecond<>(clock, reads::incrementAndGet);
    value.keep();
    assertThat(value.fresh()).as("never read: nothing to keep").isEmpty();

    assertThat(value.get()).isEqualTo(1);
    clock.advance(Duration.ofMillis(900));
    value.keep();
    clock.advance(Duration.ofMillis(900));
    assertThat(value.fresh()).as("1.8 s after its read").contains(1);
    assertThat(value.due()).isTrue();
    assertThat(reads).hasValue(1);
  }

  @Test
  void freshGivesTheValueOnlyWithinItsSecondAndNeverReads() {
    OncePerSecond<Integer> value = new OncePerSecond<>(clock, reads::incrementAndGet);

    assertThat(value.fresh()).isEmpty();
    assertThat(value.get()).isEqualTo(1);
    assertThat(value.fresh()).contains(1);
    clock.advance(Duration.ofSeconds(1));
    assertThat(value.fresh()).isEmpty();
    assertThat(reads).hasValue(1);
  }

  @Test
  void aValueHalfASecondOldIsDueAndARefreshKeepsItFreshPastItsSecond() {
    OncePerSecond<Integer> value = new OncePerSecond<>(clock, reads::incrementAndGet);
    assertThat(value.due()).as("never read").isTrue();

    assertThat(value.get()).isEqualTo(1);
    clock.advance(Duration.ofMillis(499));
    assertThat(value.due()).isFalse();
    clock.advance(Duration.ofMillis(1));
    assertThat(value.due()).isTrue();

    value.refresh();
    assertThat(value.due()).isFalse();
    clock.advance(Duration.ofMillis(900));
    assertThat(value.fresh()).as("1.4 s after the first read").contains(2);
  }

  @Test
  void aRefreshBesideARunningReadLeavesItToThatRead() throws Exception {
    OncePerSecond<Integer> value = secondReadWaits();
    CompletableFuture<Integer> slow = staleAndBeingRead(value);

    value.refresh();
    assertThat(reads).as("no second read at once").hasValue(2);
    release.countDown();
    assertThat(slow.get(5, TimeUnit.SECONDS)).isEqualTo(2);
  }

  @Test
  void whileOneCallerReadsAStaleValueAgainTheOthersGetTheLastOneAtOnce() throws Exception {
    OncePerSecond<Integer> value = secondReadWaits();
    CompletableFuture<Integer> slow = staleAndBeingRead(value);
    assertThat(value.get()).as("a caller beside the read").isEqualTo(1);
    assertThat(reads).hasValue(2);

    release.countDown();
    assertThat(slow.get(5, TimeUnit.SECONDS)).isEqualTo(2);
    assertThat(value.get()).isEqualTo(2);
  }

  @Test
  void aValueNobodyAskedForInTenSecondsIsNotHandedOutWhileAnotherCallerReads() throws Exception {
    OncePerSecond<Integer> value = secondReadWaits();
    assertThat(value.get()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(10));

    CompletableFuture<Integer> slow = CompletableFuture.supplyAsync(value::get);
    assertThat(reading.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(value.get()).as("read, not the ten-second-old value").isEqualTo(3);

    release.countDown();
    assertThat(slow.get(5, TimeUnit.SECONDS)).isEqualTo(2);
  }

  @Test
  void aReadThatFailsLetsTheNextCallerTryAgain() {
    OncePerSecond<Integer> value =
        new OncePerSecond<>(
            clock,
            () -> {
              if (reads.incrementAndGet() == 2) {
                throw new IllegalStateException("database busy");
              }
              return reads.get();
            });
    assertThat(value.get()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(2));

    assertThatThrownBy(value::get).hasMessage("database busy");
    assertThat(value.get()).isEqualTo(3);
  }

  /**
   * Counts its reads in {@link #reads}; the second says so in {@link #reading} and waits for {@link
   * #release}.
   */
  /** Reads the value once, lets it go stale, and starts a second read that waits for release. */
  CompletableFuture<Integer> staleAndBeingRead(OncePerSecond<Integer> value) throws Exception {
    assertThat(value.get()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(2));
    CompletableFuture<Integer> slow = CompletableFuture.supplyAsync(value::get);
    assertThat(reading.await(5, TimeUnit.SECONDS)).isTrue();
    return slow;
  }

  OncePerSecond<Integer> secondReadWaits() {
    return new OncePerSecond<>(
        clock,
        () -> {
          int n = reads.incrementAndGet();
          if (n == 2) {
            reading.countDown();
            await(release);
          }
          return n;
        });
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
