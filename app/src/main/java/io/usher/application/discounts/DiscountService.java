package io.usher.application.discounts;

import io.usher.domain.common.ConflictException;
import io.usher.domain.common.NotFoundException;
import io.usher.domain.common.Transactions;
import io.usher.domain.common.ValidationException;
import io.usher.domain.discounts.Discount;
import io.usher.domain.discounts.DiscountSpec;
import io.usher.domain.discounts.DiscountStore;
import io.usher.domain.ledger.AuditLog;
import io.usher.domain.money.Money;
import io.usher.domain.payments.PendingOrderStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Discount codes: the owner's list (create, edit, switch off, remove) and, for the checkout, the
 * check that a customer may use a code and the record that a payment used it.
 */
public final class DiscountService {
  private final Transactions tx;
  private final DiscountStore discounts;
  private final PendingOrderStore orders;
  private final AuditLog audit;
  private final Clock clock;

  /**
   * How long an unpaid order holds a use of a code with a limit: a little longer than its payment
   * page lives (Stripe's shortest, 30 minutes), so no one pays after their hold has lapsed.
   */
  public static final Duration HOLD = Duration.ofMinutes(32);

  /** How long the payment page of an order holding a limited code stays open. */
  public static final Duration PAYMENT_PAGE = Duration.ofMinutes(31);

  public DiscountService(
      Transactions tx,
      DiscountStore discounts,
      PendingOrderStore orders,
      AuditLog audit,
      Clock clock) {
    this.tx = tx;
    this.discounts = discounts;
    this.orders = orders;
    this.audit = audit;
    this.clock = clock;
  }

  public List<Discount> list() {
    return discounts.all();
  }

  /** Where a code stands now: active, expired, used up or switched off. */
  public Discount.Status status(Discount d) {
    return d.status(clock.instant());
  }

  public Discount byCode(String code) {
    return discounts
        .byCode(code)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "There is no discount code " + DiscountSpec.normalizeCode(code) + "."));
  }

  public Discount create(DiscountSpec spec) {
    return tx.inTransaction(
        () -> {
          if (discounts.byCode(spec.code()).isPresent()) {
            throw new ConflictException("A discount code " + spec.code() + " already exists.");
          }
          Discount d = discounts.insert(spec);
          audit.record("discount", d.id(), "created", describe(spec));
          return d;
        });
  }

  /** Replaces a code's definition; its uses so far stay counted. */
  public Discount update(long id, DiscountSpec spec) {
    return tx.inTransaction(
        () -> {
          Discount before =
              discounts
                  .byId(id)
                  .orElseThrow(() -> new NotFoundException("That discount code no longer exists."));
          discounts
              .byCode(spec.code())
              .filter(other -> other.id() != id)
              .ifPresent(
                  other -> {
                    throw new ConflictException(
                        "A discount code " + spec.code() + " already exists.");
                  });
          discounts.update(id, spec);
          audit.record("discount", id, "edited", describe(before.spec()) + " → " + describe(spec));
          return new Discount(id, spec, before.uses(), before.created());
        });
  }

  public Discount setEnabled(String code, boolean enabled) {
    Discount d = byCode(code);
    return d.spec().enabled() == enabled ? d : update(d.id(), d.spec().withEnabled(enabled));
  }

  /**
   * Removes a code nobody used; a used one is part of the payments' history, so it can only be
   * switched off.
   */
  public void remove(String code) {
    tx.run(
        () -> {
          Discount d = byCode(code);
          if (d.uses() > 0) {
            throw new ConflictException(
                d.code()
                    + " has been used "
                    + (d.uses() == 1 ? "once" : d.uses() + " times")
                    + ": switch it off instead, so the payments keep their history.");
          }
          discounts.delete(d.id());
          audit.record("discount", d.id(), "removed", describe(d.spec()));
        });
  }

  /**
   * The code a customer typed, if they may use it on a plan at this price. While the email or the
   * plan is not known yet (wrong in the same form) only the code itself is checked.
   *
   * @return empty when nothing was typed
   * @throws ValidationException on the field {@code discount}, with the sentence for the customer
   */
  public Optional<Discount> check(String typed, String email, Money price) {
    String code = DiscountSpec.normalizeCode(typed);
    if (code.isEmpty()) {
      return Optional.empty();
    }
    Discount d =
        (code.length() > DiscountSpec.MAX_CODE_LENGTH
                ? Optional.<Discount>empty()
                : discounts.byCode(code))
            .orElseThrow(() -> ValidationException.of("discount", Discount.UNKNOWN));
    boolean usedBefore = email != null && discounts.usedBy(d.id(), email);
    d.refusal(email, usedBefore, price, clock.instant())
        .ifPresent(
            why -> {
              throw ValidationException.of("discount", why);
            });
    return Optional.of(d);
  }

  /**
   * Records that a payment used a code, inside the caller's transaction. A second use by the same
   * email (two orders paid at once) is not recorded again: the payment itself still stands.
   *
   * @return whether the use was recorded
   */
  public boolean redeem(String code, String email, String transactionId) {
    Optional<Discount> d = discounts.byCode(code);
    if (d.isEmpty()) {
      return false;
    }
    boolean first = discounts.redeem(d.get().id(), email, transactionId);
    if (first) {
      audit.record(
          "discount",
          d.get().id(),
          "used",
          d.get().code() + " by " + email + " (" + transactionId + ")");
    }
    return first;
  }

  /**
   * Takes a use of a code for an order that gets access without paying, inside the caller's
   * transaction: the code is locked while its uses are counted, so two customers at once cannot
   * both take the last use (a paid order's use is recorded when its payment lands, whatever the
   * count, because the customer has paid the reduced price by then).
   *
   * @throws ValidationException on the field {@code discount} when the code is used up or this
   *     email used it already
   */
  public void claim(String code, String email, String transactionId) {
    Discount d =
        discounts
            .byCode(code)
            .orElseThrow(() -> ValidationException.of("discount", Discount.UNKNOWN));
    int uses = discounts.lockUses(d.id());
    if (d.spec().maxUses() != null && uses >= d.spec().maxUses()) {
      throw ValidationException.of("discount", "That discount code has been used up.");
    }
    if (!redeem(code, email, transactionId)) {
      throw ValidationException.of("discount", "You have used that discount code already.");
    }
  }

  /**
   * Inside the caller's transaction, before a paid order with a limited code is recorded: the uses
   * so far and those held by other customers' open orders ({@link #HOLD}) must leave one for this
   * customer, so a code with one use left cannot be paid for by two at once.
   *
   * @throws ValidationException on the field {@code discount} when none is left
   */
  public void hold(Discount d, String email) {
    if (d.spec().maxUses() == null) {
      return;
    }
    int used = discounts.lockUses(d.id());
    int held = orders.holding(d.code(), email, clock.instant().minus(HOLD));
    if (used >= d.spec().maxUses()) {
      throw ValidationException.of("discount", "That discount code has been used up.");
    }
    if (used + held >= d.spec().maxUses()) {
      throw ValidationException.of(
          "discount",
          "The last uses of that discount code are being paid for right now; try again in half"
              + " an hour.");
    }
  }

  /** Takes back a use whose order did not lead to access. */
  public void unredeem(String code, String email) {
    discounts.byCode(code).ifPresent(d -> discounts.unredeem(d.id(), email));
  }

  static String describe(DiscountSpec s) {
    StringBuilder b = new StringBuilder(s.code()).append(": ").append(s.describe());
    if (s.expires() != null) {
      b.append(", until ").append(s.expires());
    }
    if (s.maxUses() != null) {
      b.append(", at most ").append(s.maxUses()).append(" uses");
    }
    if (s.onlyEmail() != null) {
      b.append(", only for ").append(s.onlyEmail());
    }
    if (!s.enabled()) {
      b.append(", switched off");
    }
    return b.toString();
  }
}
