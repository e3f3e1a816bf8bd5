package io.usher.checkout;

import io.usher.application.checkout.CheckoutService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The plans page as {@code GET /} serves it, rendered at most once per {@link #MAX_AGE} and per
 * form token, and otherwise sent from memory; rendered ahead under load, and then only when the
 * ledger's checkout mark has moved or {@link CheckoutService#READ_AGAIN_WITHIN} has passed. Reading
 * the plans and locations and rendering them cost about 0.2 ms a request, which held the page to a
 * few percent of what nginx serves (issue 6); the catalogue changes rarely, so a page up to a
 * second old is as good as a fresh one. The order itself is always checked against the database
 * when the form is sent, so a plan hidden meanwhile cannot be bought from a page that still shows
 * it. Pages with what a customer typed (a form sent back with a problem) are never kept.
 */
final class PlansPage {
  static final Duration MAX_AGE = Duration.ofSeconds(1);

  /** How old a page may be and still be sent while its replacement renders. */
  private static final long STALE_LIMIT_MILLIS = 10_000;

  private final CheckoutService checkout;
  private final Clock clock;
  private final long maxAgeMillis = MAX_AGE.toMillis();
  private final ReentrantLock rendering = new ReentrantLock();
  private volatile Rendered last;

  /**
   * @param renderedAt since when the page counts as fresh (a page found unchanged is kept anew)
   * @param read the ledger's mark read before the render, and when; null when it was not read
   */
  private record Rendered(
      String csrf, long renderedAt, byte[] html, CheckoutService.KeptRead read) {}

  PlansPage(CheckoutService checkout, Clock clock) {
    this.checkout = checkout;
    this.clock = clock;
  }

  /** The page's HTML (UTF-8) with the given form token in it. */
  byte[] html(String csrf) {
    Rendered page = last;
    long asked = clock.millis();
    if (fresh(page, csrf, asked)) {
      return page.html();
    }
    // One request renders while the others are sent the page it replaces, instead of every
    // request in flight reading the database at once or waiting for the one that does: either,
    // once a second under load, was most of the page's p99. The older page's token is good for a
    // window more (Csrf), and its catalogue is checked again when its form is sent.
    // A page older than STALE_LIMIT (no traffic for a while) is not sent this way: its token may
    // be from a window that has closed.
    boolean replaceable = page != null && asked - page.renderedAt() < STALE_LIMIT_MILLIS;
    if (replaceable && !rendering.tryLock()) {
      return page.html();
    }
    if (!replaceable) {
      rendering.lock();
    }
    try {
      long now = clock.millis();
      page = last;
      if (!fresh(page, csrf, now)) {
        page = render(csrf, now, null);
        last = page;
      }
      return page.html();
    } finally {
      rendering.unlock();
    }
  }

  /**
   * Whether the page kept for this token is half its age (or there is none): time for {@link
   * #renderAhead}, so the network thread keeps finding a fresh one under load.
   */
  boolean due(String csrf) {
    Rendered page = last;
    long now = clock.millis();
    return !fresh(page, csrf, now) || now - page.renderedAt() >= maxAgeMillis / 2;
  }

  /**
   * Renders the page again while the kept one is still being sent, so no request finds it stale and
   * leaves the network thread to wait on a render (once a second under load, that was most of the
   * page's p99). When the ledger's mark has stood still since this page was rendered, and that was
   * less than {@link CheckoutService#READ_AGAIN_WITHIN} ago, the page is kept as it is instead: the
   * same bytes, so the server goes on sending the answer it has already prepared. Nothing when a
   * render is under way or the page is still young.
   *
   * @param mark the ledger's {@link io.usher.domain.ledger.LedgerQueries#checkoutMark}, read just
   *     now and before anything the render reads
   */
  void renderAhead(String csrf, String mark) {
    if (!rendering.tryLock()) {
      return;
    }
    try {
      if (!due(csrf)) {
        return;
      }
      Rendered page = last;
      Instant now = clock.instant();
      if (page != null
          && page.csrf().equals(csrf)
          && page.read() != null
          && page.read().unchanged(mark, now)) {
        last = new Rendered(csrf, now.toEpochMilli(), page.html(), page.read());
      } else {
        last = render(csrf, now.toEpochMilli(), new CheckoutService.KeptRead(mark, now));
      }
    } finally {
      rendering.unlock();
    }
  }

  private Rendered render(String csrf, long now, CheckoutService.KeptRead read) {
    return new Rendered(
        csrf,
        now,
        Branded.apply(checkout.branding(), Pages.offer(checkout, Pages.Typed.NONE, List.of(), csrf))
            .getBytes(StandardCharsets.UTF_8),
        read);
  }

  /**
   * The page if one with this token was rendered within {@link #MAX_AGE}, else empty; never renders
   * (for a thread that must not wait on the database).
   */
  Optional<byte[]> kept(String csrf) {
    Rendered page = last;
    return fresh(page, csrf, clock.millis()) ? Optional.of(page.html()) : Optional.empty();
  }

  /** A clock set back counts as stale, so the page never sticks for longer than it should. */
  private boolean fresh(Rendered page, String csrf, long now) {
    return page != null
        && page.csrf().equals(csrf)
        && now >= page.renderedAt()
        && now - page.renderedAt() < maxAgeMillis;
  }
}
