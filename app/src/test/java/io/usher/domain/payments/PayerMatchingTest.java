package io.usher.domain.payments;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.domain.payments.PayerMatching.Known;
import io.usher.domain.payments.PayerMatching.Match;
import io.usher.domain.payments.PayerMatching.NewCustomer;
import io.usher.domain.payments.PayerMatching.Payer;
import io.usher.domain.payments.PayerMatching.Unmatched;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract's matching order, row by row. */
class PayerMatchingTest {
  /**
   * Ann (1) pays sub_ann; Bob (2) has PayPal email bob.pays@; sub_shared sits on two users'
   * payments; Cat (3) exists with no payment.
   */
  static final PayerMatching.Directory LEDGER =
      new PayerMatching.Directory() {
        final Map<String, Set<Long>> subs =
            Map.of("sub_ann", Set.of(1L), "sub_shared", Set.of(1L, 2L));
        final Map<String, Long> emails = Map.of("ann@x.com", 1L, "bob@x.com", 2L, "cat@x.com", 3L);
        final Map<String, Long> paypal = Map.of("bob.pays@x.com", 2L);

        @Override
        public Set<Long> payersOf(String subscriptionId) {
          return subs.getOrDefault(subscriptionId, Set.of());
        }

        @Override
        public Optional<Long> byEmail(String email) {
          return Optional.ofNullable(emails.get(email));
        }

        @Override
        public Optional<Long> byPaypalEmail(String email) {
          return Optional.ofNullable(paypal.get(email));
        }
      };

  static Stream<Arguments> rows() {
    return Stream.of(
        // An order is its own customer, whatever the payment's payer email or subscription says.
        Arguments.of("cat@x.com", "sub_ann", "bob@x.com", new Known(3, "order")),
        Arguments.of("new@x.com", "sub_ann", "ann@x.com", new NewCustomer("new@x.com")),
        // The subscription before the email: a renewal billed to another address.
        Arguments.of(null, "sub_ann", "billing@corp.com", new Known(1, "subscription")),
        Arguments.of(null, "sub_ann", "bob@x.com", new Known(1, "subscription")),
        // An unknown or shared subscription falls through to the email.
        Arguments.of(null, "sub_new", "bob@x.com", new Known(2, "email")),
        Arguments.of(null, "sub_shared", "cat@x.com", new Known(3, "email")),
        Arguments.of(null, null, "bob.pays@x.com", new Known(2, "PayPal email")),
        // Nobody: it waits, and never becomes a user by itself.
        Arguments.of(null, null, "stranger@x.com", new Unmatched("no user has the payer's email")),
        Arguments.of(null, null, null, new Unmatched("no payer email, no known subscription")),
        Arguments.of(
            null,
            "sub_shared",
            "stranger@x.com",
            new Unmatched(
                "subscription sub_shared is on 2 users' payments, and no user has the payer's"
                    + " email")));
  }

  @ParameterizedTest(name = "order {0}, subscription {1}, payer {2} → {3}")
  @MethodSource("rows")
  void matchesInTheContractsOrder(
      String orderEmail, String subscription, String payer, Match expected) {
    assertThat(PayerMatching.match(new Payer(orderEmail, subscription, payer), LEDGER))
        .isEqualTo(expected);
  }
}
