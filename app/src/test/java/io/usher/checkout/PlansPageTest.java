package io.usher.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.application.LedgerTestBase;
import io.usher.application.checkout.CheckoutService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class PlansPageTest extends LedgerTestBase {
  final PausingClock pageClock = new PausingClock();

  @Test
  void whileOneRequestRendersAnExpiredPageTheOthersAreSentTheOldOneAtOnce() throws Exception {
    PlansPage page = new PlansPage(usher.checkout(), pageClock);
    byte[] first = page.html("token-1");
    assertThat(page.html("token-1")).as("kept within its second").isSameAs(first);

    pageClock.now += PlansPage.MAX_AGE.toMillis();
    CompletableFuture<byte[]> rendering = pageClock.pauseRenderIn(() -> page.html("token-2"));
    assertThat(pageClock.paused.await(5, TimeUnit.SECONDS)).as("the render began").isTrue();

    assertThat(page.html("token-2")).as("a request beside the render").isSameAs(first);

    pageClock.resume.countDown();
    byte[] second = rendering.get(5, TimeUnit.SECONDS);
    assertThat(second).as("rendered anew").isNotSameAs(first);
    assertThat(page.html("token-2")).isSameAs(second);
  }

  @Test
  void aPageTenSecondsOldIsNotSentBesideARenderItsTokenMayHaveExpired() throws Exception {
    PlansPage page = new PlansPage(usher.checkout(), pageClock);
    byte[] first = page.html("token-1");

    pageClock.now += 10_000;
    CompletableFuture<byte[]> rendering = pageClock.pauseRenderIn(() -> page.html("token-2"));
    assertThat(pageClock.paused.await(5, TimeUnit.SECONDS)).as("the render began").isTrue();
    CompletableFuture<byte[]> beside = CompletableFuture.supplyAsync(() -> page.html("token-2"));
    Thread.sleep(200);
    assertThat(beside).as("waits for the render").isNotDone();

    pageClock.resume.countDown();
    byte[] second = rendering.get(5, TimeUnit.SECONDS);
    assertThat(beside.get(5, TimeUnit.SECONDS)).isSameAs(second).isNotSameAs(first);
  }

  @Test
  void aPageHalfItsAgeIsDueAndRenderedAheadSoItIsKeptPastItsFirstSecond() throws Exception {
    PlansPage page = new PlansPage(usher.checkout(), pageClock);
    byte[] first = page.html("token-1");
    assertThat(page.due("token-1")).as("just rendered").isFalse();
    assertThat(page.due("token-2")).as("another window's token").isTrue();

    pageClock.now += PlansPage.MAX_AGE.toMillis() / 2;
    assertThat(page.due("token-1")).isTrue();
    page.renderAhead("token-1", "mark-1");
    byte[] ahead = page.kept("token-1").orElseThrow();
    assertThat(ahead).isNotSameAs(first);
    assertThat(page.due("token-1")).isFalse();

    pageClock.now += PlansPage.MAX_AGE.toMillis() * 3 / 4;
    assertThat(page.kept("token-1")).as("past the first page's second").containsSame(ahead);
  }

  @Test
  void whileTheLedgerMarkStandsStillThePageIsKeptAsItIsForUpToFiveSeconds() throws Exception {
    PlansPage page = new PlansPage(usher.checkout(), pageClock);
    byte[] ahead = renderedAheadOnce(page);

    long renderedAt = pageClock.now;
    while (pageClock.now + PlansPage.MAX_AGE.toMillis() / 2
        < renderedAt + CheckoutService.READ_AGAIN_WITHIN.toMillis()) {
      pageClock.now += PlansPage.MAX_AGE.toMillis() / 2;
      page.renderAhead("token-1", "mark-1");
      assertThat(page.kept("token-1")).as("the same bytes, kept fresh").containsSame(ahead);
    }
    pageClock.now += PlansPage.MAX_AGE.toMillis() / 2;
    page.renderAhead("token-1", "mark-1");
    assertThat(page.kept("token-1").orElseThrow())
        .as("five seconds after its render")
        .isNotSameAs(ahead);
  }

  @Test
  void aMovedMarkOrAnotherTokenRendersThePageAgainAhead() throws Exception {
    PlansPage page = new PlansPage(usher.checkout(), pageClock);
    byte[] ahead = renderedAheadOnce(page);

    pageClock.now += PlansPage.MAX_AGE.toMillis() / 2;
    page.renderAhead("token-1", "mark-2");
    byte[] moved = page.kept("token-1").orElseThrow();
    assertThat(moved).as("the mark moved").isNotSameAs(ahead);

    page.renderAhead("token-2", "mark-2");
    assertThat(page.kept("token-2")).as("a new window's token").isPresent();
  }

  /** The page rendered for token-1, then, half its age later, rendered ahead under mark-1. */
  private byte[] renderedAheadOnce(PlansPage page) {
    page.html("token-1");
    pageClock.now += PlansPage.MAX_AGE.toMillis() / 2;
    page.renderAhead("token-1", "mark-1");
    return page.kept("token-1").orElseThrow();
  }

  @Test
  void aKeptPageIsGivenOnlyForItsTokenAndWithinItsSecondAndNeverRendered() throws Exception {
    PlansPage page = new PlansPage(usher.checkout(), pageClock);
    assertThat(page.kept("token-1")).as("nothing rendered yet").isEmpty();

    byte[] rendered = page.html("token-1");
    assertThat(page.kept("token-1")).containsSame(rendered);
    assertThat(page.kept("token-2")).as("another window's token").isEmpty();
    pageClock.now += PlansPage.MAX_AGE.toMillis();
    assertThat(page.kept("token-1")).as("a second old").isEmpty();
  }

  /**
   * A clock the page reads once before it takes the render lock and once inside it; on the thread
   * told to, the second reading waits until the test lets it go.
   */
  static final class PausingClock extends Clock {
    volatile long now = Instant.parse("2026-12-03T10:00:00Z").toEpochMilli();
    final CountDownLatch paused = new CountDownLatch(1);
    final CountDownLatch resume = new CountDownLatch(1);
    private volatile Thread pauseOn;
    private final AtomicInteger readings = new AtomicInteger();

    CompletableFuture<byte[]> pauseRenderIn(Supplier<byte[]> render) {
      CompletableFuture<byte[]> done = new CompletableFuture<>();
      Thread.ofPlatform()
          .start(
              () -> {
                pauseOn = Thread.currentThread();
                try {
                  done.complete(render.get());
                } catch (RuntimeException e) {
                  done.completeExceptionally(e);
                }
              });
      return done;
    }

    @Override
    public long millis() {
      if (Thread.currentThread() == pauseOn && readings.incrementAndGet() == 2) {
        paused.countDown();
        try {
          resume.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return now;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
