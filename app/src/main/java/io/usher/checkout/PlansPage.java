package io.usher.checkout;

import io.usher.application.checkout.CheckoutService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The plans page as {@code GET /} serves it, rendered at most once per {@link #MAX_AGE} and per
 * form token, and otherwise sent from memory. Reading the plans and locations and rendering them
 * cost about 0.2 ms a request, which held the page to a few percent of what nginx serves (issue 6);
 * the catalogue changes rarely, so a page up to a second old is as good as a fresh one. The order
 * itself is always checked against the database when the form is sent, so a plan hidden meanwhile
 * cannot be bought from a page that still shows it. Pages with what a customer typed (a form sent
 * back with a problem) are never kept.
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

  private record Rendered(String csrf, long renderedAt, byte[] html) {}

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
        page = render(csrf, now);
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
   * page's p99). Nothing when a render is under way or the page is still young.
   */
  void renderAhead(String csrf) {
    if (!rendering.tryLock()) {
      return;
    }
    try {
      if (due(csrf)) {
        last = render(csrf, clock.millis());
      }
    } finally {
      rendering.unlock();
    }
  }

  private Rendered render(String csrf, long now) {
    return new Rendered(
        csrf,
        now,
        Branded.apply(checkout.branding(), Pages.offer(checkout, Pages.Typed.NONE, List.of(), csrf))
            .getBytes(StandardCharsets.UTF_8));
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
