package io.usher.domain.payments;

import java.util.Optional;
import java.util.Set;

/**
 * Who a payment from a provider belongs to, in the contract's order: a checkout order's own
 * customer; else the one user whose earlier payments carry the subscription id; else the user whose
 * email or PayPal email is the payer's; else nobody, and the payment waits for the owner. It never
 * invents a customer from a payer's email alone: a stranger's payment is the owner's call.
 */
public final class PayerMatching {
  private PayerMatching() {}

  /**
   * What the payment says about its payer, emails already normalized (lower case) or null.
   *
   * @param orderEmail the email typed on Usher's checkout page, when the payment carries an order
   */
  public record Payer(String orderEmail, String subscriptionId, String email) {}

  /** The ledger's answers, in whatever form is at hand (queries, or a snapshot for a batch). */
  public interface Directory {
    /** The users who paid earlier payments of this subscription (linked copies not counted). */
    Set<Long> payersOf(String subscriptionId);

    Optional<Long> byEmail(String email);

    Optional<Long> byPaypalEmail(String email);
  }

  /**
   * The whole ledger's answers held in memory, for matching many payments at once: three lookups
   * built by one read each, instead of three queries per payment.
   *
   * @param subscriptions subscription id → the users who paid it (linked copies not counted)
   */
  public record Snapshot(
      java.util.Map<String, Long> emails,
      java.util.Map<String, Long> paypalEmails,
      java.util.Map<String, Set<Long>> subscriptions)
      implements Directory {
    @Override
    public Set<Long> payersOf(String subscriptionId) {
      return subscriptions.getOrDefault(subscriptionId, Set.of());
    }

    @Override
    public Optional<Long> byEmail(String email) {
      return Optional.ofNullable(emails.get(email));
    }

    @Override
    public Optional<Long> byPaypalEmail(String email) {
      return Optional.ofNullable(paypalEmails.get(email));
    }
  }

  /** The decision. */
  public sealed interface Match permits Known, NewCustomer, Unmatched {}

  /**
   * @param by how it was found, for the audit log: "order", "subscription", "email", "PayPal email"
   */
  public record Known(long userId, String by) implements Match {}

  /** A checkout order by someone the ledger does not know yet: they become a customer. */
  public record NewCustomer(String email) implements Match {}

  /**
   * @param why a sentence fragment for the owner: why no user was chosen
   */
  public record Unmatched(String why) implements Match {}

  public static Match match(Payer payer, Directory users) {
    if (payer.orderEmail() != null) {
      return users
          .byEmail(payer.orderEmail())
          .<Match>map(id -> new Known(id, "order"))
          .orElseGet(() -> new NewCustomer(payer.orderEmail()));
    }
    String ambiguous = null;
    if (payer.subscriptionId() != null) {
      Set<Long> payers = users.payersOf(payer.subscriptionId());
      if (payers.size() == 1) {
        return new Known(payers.iterator().next(), "subscription");
      }
      if (payers.size() > 1) {
        ambiguous =
            "subscription "
                + payer.subscriptionId()
                + " is on "
                + payers.size()
                + " users' payments";
      }
    }
    if (payer.email() != null) {
      Optional<Long> byEmail = users.byEmail(payer.email());
      if (byEmail.isPresent()) {
        return new Known(byEmail.get(), "email");
      }
      Optional<Long> byPaypal = users.byPaypalEmail(payer.email());
      if (byPaypal.isPresent()) {
        return new Known(byPaypal.get(), "PayPal email");
      }
    }
    if (ambiguous != null) {
      return new Unmatched(ambiguous + ", and no user has the payer's email");
    }
    return new Unmatched(
        payer.email() == null
            ? "no payer email, no known subscription"
            : "no user has the payer's email");
  }
}
