package io.usher.payments.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.StripeCollection;
import com.stripe.model.checkout.Session;
import com.stripe.param.CouponCreateParams;
import com.stripe.param.EventListParams;
import com.stripe.param.InvoicePaymentListParams;
import com.stripe.param.checkout.SessionCreateParams;
import io.usher.domain.discounts.DiscountSpec;
import io.usher.domain.payments.CheckoutOrder;
import io.usher.domain.payments.CheckoutSession;
import io.usher.domain.payments.PaymentEvent;
import io.usher.domain.payments.PaymentProvider;
import io.usher.domain.payments.PaymentProviderException;
import io.usher.domain.payments.PaymentProviderException.Kind;
import io.usher.domain.payments.WebOrigin;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Stripe through its Java SDK: hosted Checkout Sessions, and the events the ledger acts on.
 *
 * <p>The API base and the secret key are read on every call (the owner may change them at any
 * time); the {@link StripeClient} is cached for as long as both stay the same. The key never
 * appears in a message.
 */
public final class StripeProvider implements PaymentProvider {
  /** Stripe's largest page. */
  static final long PAGE = 100;

  private static final Set<String> CUSTOMER_PARAMS = Set.of("customer_email");

  private final Supplier<String> apiBase;
  private final Supplier<String> checkoutPages;
  private final Supplier<String> secretKey;
  private final int retries;
  private StripeClient client;
  private String clientFor;

  /**
   * @param checkoutPages where Stripe's hosted payment pages are (stripe.checkout-url)
   */
  public StripeProvider(
      Supplier<String> apiBase, Supplier<String> checkoutPages, Supplier<String> secretKey) {
    this(apiBase, checkoutPages, secretKey, 2);
  }

  /**
   * @param retries the SDK's own network retries (connect errors, 409, 5xx; POSTs carry an
   *     idempotency key so a retry never pays twice)
   */
  StripeProvider(
      Supplier<String> apiBase,
      Supplier<String> checkoutPages,
      Supplier<String> secretKey,
      int retries) {
    this.apiBase = apiBase;
    this.checkoutPages = checkoutPages;
    this.secretKey = secretKey;
    this.retries = retries;
  }

  /** Stripe puts the session's id where its placeholder stands, so the return page knows it. */
  @Override
  public String returnUrl(String checkoutReturn) {
    return checkoutReturn + "?session_id={CHECKOUT_SESSION_ID}";
  }

  @Override
  public CheckoutSession createSession(CheckoutOrder order) {
    SessionCreateParams.Builder params =
        SessionCreateParams.builder()
            .setCustomerEmail(order.email())
            .setClientReferenceId(order.reference())
            .putMetadata("usher_order", order.reference())
            .setSuccessUrl(order.successUrl())
            .setCancelUrl(order.cancelUrl());
    if (order.expiresAt() != null) {
      params.setExpiresAt(order.expiresAt().getEpochSecond());
    }
    if (order.priceId() == null) {
      params
          .setMode(SessionCreateParams.Mode.PAYMENT)
          .setPaymentIntentData(
              SessionCreateParams.PaymentIntentData.builder()
                  .putMetadata("usher_order", order.reference())
                  .build())
          .addLineItem(
              SessionCreateParams.LineItem.builder()
                  .setQuantity(1L)
                  .setPriceData(
                      SessionCreateParams.LineItem.PriceData.builder()
                          .setCurrency(
                              order.amount().currency().getCurrencyCode().toLowerCase(Locale.ROOT))
                          .setUnitAmount(order.amount().minor())
                          .setProductData(
                              SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                  .setName(
                                      order.discount() == null
                                          ? order.plan()
                                          : order.plan()
                                              + " (code "
                                              + order.discount().code()
                                              + ": "
                                              + order.discount().describe()
                                              + ")")
                                  .build())
                          .build())
                  .build());
    } else {
      params
          .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
          // Tags the subscription, so its invoices carry the order too.
          .setSubscriptionData(
              SessionCreateParams.SubscriptionData.builder()
                  .putMetadata("usher_order", order.reference())
                  .build())
          .addLineItem(
              SessionCreateParams.LineItem.builder()
                  .setPrice(order.priceId())
                  .setQuantity(1L)
                  .build());
      if (order.discount() != null) {
        params.addDiscount(
            SessionCreateParams.Discount.builder().setCoupon(coupon(order.discount())).build());
      }
    }
    try {
      Session session = client().v1().checkout().sessions().create(params.build());
      return new CheckoutSession(session.getId(), session.getUrl());
    } catch (StripeException e) {
      throw mapped(e, "create the checkout page");
    }
  }

  /**
   * The Stripe coupon that takes a code's discount off a subscription's first invoice. Its id is
   * derived from the code and its value, so it is created once and reused, and editing the code's
   * value in Usher makes a new one rather than changing what earlier customers got.
   */
  private String coupon(DiscountSpec discount) {
    String id =
        "usher_"
            + discount.code()
            + "_"
            + (discount.percentOff() != null
                ? "p" + discount.percentOff()
                : "a"
                    + discount.amountOff().minor()
                    + discount.amountOff().currency().getCurrencyCode().toLowerCase(Locale.ROOT));
    CouponCreateParams.Builder coupon =
        CouponCreateParams.builder()
            .setId(id)
            .setName(discount.code())
            .setDuration(CouponCreateParams.Duration.ONCE);
    if (discount.percentOff() != null) {
      coupon.setPercentOff(java.math.BigDecimal.valueOf(discount.percentOff()));
    } else {
      coupon
          .setAmountOff(discount.amountOff().minor())
          .setCurrency(discount.amountOff().currency().getCurrencyCode().toLowerCase(Locale.ROOT));
    }
    try {
      client().v1().coupons().create(coupon.build());
    } catch (InvalidRequestException e) {
      if (!"resource_already_exists".equals(e.getCode())) {
        throw mapped(e, "create the discount");
      }
    } catch (StripeException e) {
      throw mapped(e, "create the discount");
    }
    return id;
  }

  @Override
  public boolean configured() {
    String key = secretKey.get();
    return key != null && !key.isBlank();
  }

  @Override
  public List<String> pageOrigins() {
    return WebOrigin.of(checkoutPages.get()).stream().toList();
  }

  @Override
  public String test() {
    try {
      var balance = client().v1().balance().retrieve();
      return "Stripe accepts the secret key ("
          + (balance.getLivemode() ? "live" : "test")
          + " mode).";
    } catch (StripeException e) {
      throw mapped(e, "check the keys");
    }
  }

  /**
   * Stripe lists events newest first. Those after the cursor are the ones <em>before</em> it in
   * that order, so each page is asked with {@code ending_before} = the newest id seen so far; a
   * page's data is still newest first, so it is reversed, and its first (newest) id is the next
   * cursor, while {@code has_more} says newer events remain. With no cursor, the most recent page
   * is returned (Stripe keeps events for 30 days).
   */
  @Override
  public List<PaymentEvent> eventsAfter(String afterEventId) {
    StripeClient stripe = client();
    List<PaymentEvent> out = new ArrayList<>();
    String cursor = afterEventId;
    try {
      while (true) {
        EventListParams.Builder params =
            EventListParams.builder().addAllType(StripeEvents.TYPES).setLimit(PAGE);
        if (cursor != null) {
          params.setEndingBefore(cursor);
        }
        StripeCollection<Event> page = stripe.v1().events().list(params.build());
        List<Event> data = page.getData() == null ? List.of() : page.getData();
        for (Event e : data.reversed()) {
          long created = e.getCreated() == null ? 0 : e.getCreated();
          String raw = e.getDataObjectDeserializer().getRawJson();
          if (StripeEvents.PAYMENT_SUCCEEDED.equals(e.getType())) {
            Optional<PaymentEvent> paid = StripeEvents.payment(e.getId(), created, raw);
            if (paid.isPresent() && !paysAnInvoice(stripe, paid.get().transactionId())) {
              out.add(paid.get());
            }
          } else {
            StripeEvents.reduce(e.getId(), e.getType(), created, raw).ifPresent(out::add);
          }
        }
        if (cursor == null || data.isEmpty() || !Boolean.TRUE.equals(page.getHasMore())) {
          return out;
        }
        cursor = data.getFirst().getId();
      }
    } catch (StripeException e) {
      throw mapped(e, "list its events");
    }
  }

  /**
   * Whether the payment intent pays an invoice (a subscription's, or one sent by hand): that
   * payment lands through {@code invoice.paid}, keyed by the invoice, and must not land twice.
   */
  private static boolean paysAnInvoice(StripeClient stripe, String paymentIntent)
      throws StripeException {
    return !stripe
        .v1()
        .invoicePayments()
        .list(
            InvoicePaymentListParams.builder()
                .setPayment(
                    InvoicePaymentListParams.Payment.builder()
                        .setType(InvoicePaymentListParams.Payment.Type.PAYMENT_INTENT)
                        .setPaymentIntent(paymentIntent)
                        .build())
                .setLimit(1L)
                .build())
        .getData()
        .isEmpty();
  }

  private synchronized StripeClient client() {
    String key = secretKey.get();
    if (key == null || key.isBlank()) {
      throw new PaymentProviderException(
          Kind.NOT_CONFIGURED, "Stripe is not set up: set stripe.secret-key first.");
    }
    String base = apiBase.get();
    String identity = base + "\n" + key;
    if (client == null || !identity.equals(clientFor)) {
      client =
          StripeClient.builder()
              .setApiKey(key.strip())
              .setApiBase(base)
              .setMaxNetworkRetries(retries)
              .build();
      clientFor = identity;
    }
    return client;
  }

  private static PaymentProviderException mapped(StripeException e, String doing) {
    Integer status = e.getStatusCode();
    if (e instanceof AuthenticationException) {
      return new PaymentProviderException(
          Kind.UNAUTHORIZED,
          "Stripe refused the secret key: check stripe.secret-key (a live or test key, sk_…).");
    }
    if (e instanceof PermissionException) {
      return new PaymentProviderException(
          Kind.UNAUTHORIZED,
          "Stripe refused to " + doing + " with this key: it lacks the permission.");
    }
    if (e instanceof ApiConnectionException) {
      return new PaymentProviderException(
          Kind.UNAVAILABLE, "Stripe could not be reached to " + doing + "; Usher will try again.");
    }
    if (e instanceof RateLimitException) {
      return new PaymentProviderException(
          Kind.UNAVAILABLE, "Stripe asked Usher to slow down; it will try again shortly.");
    }
    if (status != null && status >= 500) {
      return new PaymentProviderException(
          Kind.UNAVAILABLE,
          "Stripe failed to " + doing + " (HTTP " + status + "); Usher will try again.");
    }
    String reason = e.getStripeError() == null ? null : e.getStripeError().getMessage();
    // Stripe names the parameter it refused; the customer's email is the only one a customer types.
    boolean customers =
        e instanceof InvalidRequestException invalid
            && CUSTOMER_PARAMS.contains(String.valueOf(invalid.getParam()));
    return new PaymentProviderException(
        customers ? Kind.CUSTOMER_DATA : Kind.REFUSED,
        "Stripe refused to "
            + doing
            + (status == null ? "" : " (HTTP " + status + ")")
            + (reason == null ? "." : ": " + reason.replaceAll("sk_[A-Za-z0-9_*]+", "sk_…")));
  }
}
