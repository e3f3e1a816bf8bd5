package io.usher.application.checkout;

import io.usher.application.OncePerSecond;
import io.usher.application.discounts.DiscountService;
import io.usher.application.invites.InviteRequest;
import io.usher.application.invites.InviteResult;
import io.usher.application.referrals.ReferralService;
import io.usher.domain.common.Problems;
import io.usher.domain.common.Transactions;
import io.usher.domain.common.UsherException;
import io.usher.domain.common.ValidationException;
import io.usher.domain.discounts.Discount;
import io.usher.domain.ledger.LedgerQueries;
import io.usher.domain.ledger.PaymentFilter;
import io.usher.domain.ledger.PaymentSource;
import io.usher.domain.money.Money;
import io.usher.domain.payments.CheckoutOrder;
import io.usher.domain.payments.CheckoutSession;
import io.usher.domain.payments.PaymentProvider;
import io.usher.domain.payments.PaymentProviderException;
import io.usher.domain.payments.PendingOrder;
import io.usher.domain.payments.PendingOrderStore;
import io.usher.domain.payments.WebOrigin;
import io.usher.domain.plans.Plan;
import io.usher.domain.plans.PlanDuration;
import io.usher.domain.plans.PlanSpec;
import io.usher.domain.plans.PlanStore;
import io.usher.domain.plans.PriceTag;
import io.usher.domain.servers.LocationStore;
import io.usher.domain.servers.Server;
import io.usher.domain.servers.ServerSettings;
import io.usher.domain.servers.ServerStore;
import io.usher.domain.settings.Branding;
import io.usher.domain.settings.Settings;
import io.usher.domain.users.Emails;
import io.usher.domain.users.User;
import io.usher.domain.users.UserStore;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the public checkout page offers and how an order starts: validate what the customer typed,
 * record the order, and ask the payment provider for its hosted payment page.
 */
public final class CheckoutService {
  private static final Logger LOG = LoggerFactory.getLogger(CheckoutService.class);
  static final int MAX_LOCATION_LENGTH = 100;

  private final Transactions tx;
  private final PlanStore plans;
  private final ServerStore servers;
  private final LocationStore locations;
  private final PendingOrderStore orders;
  private final PaymentProvider provider;
  private final UserStore users;
  private final LedgerQueries ledger;
  private final Function<InviteRequest, InviteResult> invite;
  private final DiscountService discounts;
  private final ReferralService referrals;
  private final Clock clock;
  private final Settings settings;
  private final OncePerSecond<List<String>> targets;
  private final OncePerSecond<Branding> branding;
  private volatile KeptRead keptRead;
  private final SecureRandom random = new SecureRandom();
  private final FreeAccess free;
  private final CheckoutLinks links;
  private final PaymentProvider paypal;
  private final java.util.function.Consumer<io.usher.domain.payments.PaymentEvent> recordPayPal;

  /**
   * @param settings reads a setting's current value (the payment providers' keys,
   *     account.plex-change)
   * @param links the addresses of the checkout front's pages
   */
  public CheckoutService(
      Transactions tx,
      PlanStore plans,
      ServerStore servers,
      LocationStore locations,
      PendingOrderStore orders,
      PaymentProvider provider,
      PaymentProvider paypal,
      java.util.function.Consumer<io.usher.domain.payments.PaymentEvent> recordPayPal,
      UserStore users,
      LedgerQueries ledger,
      Function<InviteRequest, InviteResult> invite,
      DiscountService discounts,
      ReferralService referrals,
      Clock clock,
      Settings settings,
      CheckoutLinks links) {
    this.links = links;
    this.referrals = referrals;
    this.invite = invite;
    this.discounts = discounts;
    this.clock = clock;
    this.targets = new OncePerSecond<>(clock, this::readFormTargets);
    this.branding = new OncePerSecond<>(clock, settings::branding);
    this.users = users;
    this.ledger = ledger;
    this.tx = tx;
    this.plans = plans;
    this.servers = servers;
    this.locations = locations;
    this.orders = orders;
    this.provider = provider;
    this.paypal = paypal;
    this.recordPayPal = recordPayPal;
    this.settings = settings;
    this.free =
        new FreeAccess(tx, plans, orders, users, ledger, invite, discounts, clock, settings, links);
  }

  /**
   * Whether the payment of the order behind a provider session has reached the ledger: the return
   * page says "you're in" once it has. Empty for a session Usher does not know.
   */
  public Optional<Boolean> paid(String sessionId) {
    if (sessionId == null || sessionId.isBlank() || sessionId.length() > 255) {
      return Optional.empty();
    }
    return orders
        .bySession(sessionId.strip())
        .map(
            order ->
                users
                    .byEmail(order.email())
                    .map(
                        u ->
                            ledger.payments(new PaymentFilter(u.id(), null, null)).stream()
                                .anyMatch(
                                    p ->
                                        p.source() != PaymentSource.SYNC
                                            && !p.createdAt().isBefore(order.created())))
                    .orElse(false));
  }

  /**
   * Whether a user tagged "must change Plex account" has to move before buying, renewing or being
   * invited (setting account.plex-change).
   */
  public boolean plexChangeForced() {
    return settings.plexChangeRequired();
  }

  /** Whether the plans page asks for a referral code: the owner turned referrals on. */
  public boolean referralsOffered() {
    return referrals.terms().on();
  }

  /** Whether the plans page offers paying by card: the card provider (Stripe) is set up. */
  public boolean cardOffered() {
    return provider.configured();
  }

  /** Whether the plans page offers PayPal: its keys are set. */
  public boolean paypalOffered() {
    return paypal.configured();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /**
   * PayPal sent the customer back with its order id ({@code token}): the approved order is captured
   * and its payment recorded now, so the page can say "you're in" at once. A capture that fails is
   * logged and left to Transaction Search; the page then waits as for any payment.
   */
  public void returnedFromPayPal(String orderId) {
    if (blank(orderId) || orderId.length() > 255 || orders.bySession(orderId.strip()).isEmpty()) {
      return;
    }
    try {
      paypal.complete(orderId.strip()).ifPresent(recordPayPal);
    } catch (RuntimeException e) {
      LOG.warn("PayPal order {} was not captured on return: {}", orderId, e.getMessage());
    }
  }

  /** For the owner: whether the payment provider accepts the configured keys, in one sentence. */
  public String testPayments() {
    return provider.test();
  }

  /**
   * The plans a customer can buy: every plan that is not hidden, in the catalogue's order; with no
   * payment provider set up, only the free ones (a trial), since a paid one could not be charged.
   */
  public List<OfferedPlan> offer() {
    boolean charging = charging();
    List<Plan> all = plans.all();
    return preselectCheapest(
        all.stream()
            .filter(p -> !p.spec().hidden() && p.spec().maxSubs() == 0)
            .filter(p -> sellable(p, charging))
            .toList(),
        all);
  }

  /**
   * The plans a signed-in customer can renew with: the public ones, and (seed 000) a plan for a
   * master with linked users when they have exactly that many.
   */
  public List<OfferedPlan> offerFor(User customer) {
    int subs = users.subsOf(customer.id()).size();
    boolean charging = charging();
    List<Plan> all = plans.all();
    return preselectCheapest(
        all.stream()
            .filter(p -> !p.spec().hidden() && forCustomer(p, subs))
            .filter(p -> sellable(p, charging))
            .toList(),
        all);
  }

  /**
   * The plans as offered, the cheapest one that is not a trial chosen already (or the first, when
   * all are trials), so a customer who wants the usual plan only types their email.
   */
  private static List<OfferedPlan> preselectCheapest(List<Plan> sold, List<Plan> all) {
    Plan cheapest =
        sold.stream()
            .filter(p -> !p.spec().trial())
            .min(Comparator.comparingLong(p -> p.price().minor()))
            .orElse(sold.isEmpty() ? null : sold.getFirst());
    return sold.stream().map(p -> offered(p, all).preselected(p == cheapest)).toList();
  }

  /**
   * Whether servers are linked but none can take a new customer now (all full, closed to new users
   * or disabled): the plans page says so before anyone types, rather than after they paid.
   */
  public boolean turningNewcomersAway() {
    List<Server> all = servers.all();
    if (all.isEmpty()) {
      return false;
    }
    Map<Long, Integer> counts = servers.userCounts();
    return all.stream()
        .noneMatch(
            s ->
                s.settings().enabled()
                    && s.settings().acceptsNewUsers()
                    && (s.settings().capacity() == null
                        || counts.getOrDefault(s.id(), 0) < s.settings().capacity()));
  }

  /** Whether a payment provider is set up, so paid plans can be charged. */
  private boolean charging() {
    return cardOffered() || paypalOffered();
  }

  /** A paid plan is sold only when it can be charged; a free one always. */
  private static boolean sellable(Plan plan, boolean charging) {
    return charging || plan.price().minor() == 0;
  }

  private static boolean forCustomer(Plan plan, int subs) {
    return plan.spec().maxSubs() == 0 || plan.spec().maxSubs() == subs;
  }

  /** Server locations where at least one enabled server takes new users and has room. */
  public List<String> locations() {
    List<Server> all = servers.all();
    Map<Long, Integer> counts = servers.userCounts();
    return locations.names().stream()
        .filter(
            name ->
                all.stream()
                    .anyMatch(
                        s ->
                            name.equalsIgnoreCase(s.settings().location())
                                && takesNewcomers(s.settings(), counts.getOrDefault(s.id(), 0))))
        .toList();
  }

  /**
   * Validates the form, records the order and creates the provider's payment page.
   *
   * @return where to send the customer to pay
   * @throws ValidationException with one sentence per wrong field
   * @throws UsherException when the provider is not set up or refuses
   */
  public URI start(CheckoutForm form) {
    Problems problems = new Problems();
    String email = null;
    try {
      email = Emails.normalize("email", form.email());
    } catch (ValidationException e) {
      e.errors().forEach(err -> problems.add(err.field(), err.message()));
    }
    if (email != null && plexChangeForced()) {
      users
          .byEmail(email)
          .filter(u -> u.spec().mustChangeAccount())
          .ifPresent(
              u ->
                  problems.add(
                      "email",
                      "This account must move to a new Plex account before it can buy: open"
                          + " \"Your account\" below, sign in and change your Plex account, then"
                          + " come back."));
    }
    Optional<Plan> plan = visiblePlan(form.plan());
    if (plan.isEmpty()) {
      problems.add("plan", "Choose one of the plans on this page.");
    } else if (plan.get().spec().maxSubs() > 0) {
      int subs =
          email == null ? 0 : users.byEmail(email).map(u -> users.subsOf(u.id()).size()).orElse(0);
      if (!forCustomer(plan.get(), subs)) {
        problems.add(
            "plan",
            "This plan is for an account with "
                + plan.get().spec().maxSubs()
                + " linked users: the owner links them first, then you renew it from your"
                + " account.");
      }
    }
    String location = blankToNull(form.location());
    if (location != null) {
      Optional<String> known =
          location.length() > MAX_LOCATION_LENGTH
              ? Optional.empty()
              : locations.names().stream().filter(location::equalsIgnoreCase).findFirst();
      if (known.isEmpty()) {
        problems.add("location", "Choose one of the locations on this page.");
      } else {
        location = known.get();
      }
    }
    Optional<Discount> discount = Optional.empty();
    try {
      discount = discounts.check(form.discount(), email, plan.map(Plan::price).orElse(null));
    } catch (ValidationException e) {
      e.errors().forEach(err -> problems.add(err.field(), err.message()));
    }
    Optional<String> referral = Optional.empty();
    try {
      referral = referrals.check(form.referral(), email);
    } catch (ValidationException e) {
      e.errors().forEach(err -> problems.add(err.field(), err.message()));
    }
    problems.throwIfAny();

    PlanSpec spec = plan.orElseThrow().spec();
    if (spec.trial()) {
      free.checkTrial(email);
    }
    String reference = "ord_" + HexFormat.of().formatHex(bytes(16));
    String customer = email;
    String where = location;
    String code = discount.map(Discount::code).orElse(null);
    String referredBy = referral.orElse(null);
    Money price = discount.map(d -> d.applyTo(spec.price())).orElse(spec.price());
    boolean trialFree = spec.trial() && spec.price().minor() == 0;
    boolean codeFree = !trialFree && spec.stripePriceId() == null && price.minor() == 0;
    // A paid order with a limited code holds a use while the customer pays; the free ones claim
    // theirs at once.
    Optional<Discount> held =
        trialFree || codeFree ? Optional.empty() : discount.filter(d -> d.spec().maxUses() != null);
    tx.run(
        () -> {
          held.ifPresent(d -> discounts.hold(d, customer));
          orders.insert(reference, customer, spec.name(), where, code, referredBy);
        });
    if (trialFree) {
      return free.trial(reference, customer, spec, where);
    }
    if (codeFree) {
      return free.withCode(reference, customer, spec, where, code);
    }
    PaymentProvider chosen =
        paypalOffered() && (form.paypal() || !cardOffered()) ? paypal : provider;
    CheckoutSession session;
    try {
      session =
          chosen.createSession(
              new CheckoutOrder(
                  reference,
                  customer,
                  spec.name(),
                  price,
                  // Without a PayPal plan id, PayPal sells one period however Stripe bills it.
                  chosen == paypal ? spec.paypalPlanId() : spec.stripePriceId(),
                  chosen.returnUrl(links.returned()),
                  links.cancelled(),
                  discount.map(Discount::spec).orElse(null),
                  held.isPresent() ? clock.instant().plus(DiscountService.PAYMENT_PAGE) : null));
    } catch (PaymentProviderException e) {
      // No payment page: the order can never be paid, so it leaves no row and holds no code.
      tx.run(() -> orders.discard(reference));
      // The provider's sentence is for the owner (it names settings); the customer gets theirs.
      LOG.warn("Checkout {} could not start: {}", reference, e.getMessage());
      if (e.kind() == PaymentProviderException.Kind.CUSTOMER_DATA) {
        throw ValidationException.of(
            "email",
            "The payment service does not accept this email address: check it for typos, or use"
                + " another one.");
      }
      throw new UsherException(
          switch (e.kind()) {
            case NOT_CONFIGURED -> "Payments are not set up yet: the owner must add payment keys.";
            case UNAVAILABLE ->
                "The payment service is not answering right now; please try again in a minute.";
            default -> "Payments are not working right now; please try again later.";
          },
          e);
    }
    tx.run(() -> orders.setSession(reference, session.id()));
    URI url;
    try {
      url = URI.create(session.url());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new UsherException("The payment provider sent back an address that is not valid.", e);
    }
    if (!"https".equalsIgnoreCase(url.getScheme()) && !"http".equalsIgnoreCase(url.getScheme())) {
      throw new UsherException("The payment provider sent back an address that is not valid.");
    }
    return url;
  }

  /**
   * Where the checkout form may lead the browser, besides the page itself: this page's public
   * address (a free trial is sent back to it) and the payment provider's pages.
   */
  public List<String> formTargets() {
    return targets.get();
  }

  private List<String> readFormTargets() {
    Set<String> out = new LinkedHashSet<>();
    List<PaymentProvider> providers =
        paypalOffered() ? List.of(provider, paypal) : List.of(provider);
    providers.stream()
        .flatMap(p -> p.pageOrigins().stream())
        .map(WebOrigin::of)
        .flatMap(Optional::stream)
        .forEach(out::add);
    WebOrigin.of(links.plans()).ifPresent(out::add);
    return List.copyOf(out);
  }

  /** The owner's name, logo, colour and words for the pages, read at most once a second. */
  public Branding branding() {
    return branding.get();
  }

  /**
   * The form targets and the branding when both were read within the last second, without reading
   * them: what the page can be answered with on a thread that must not wait.
   */
  public Optional<Kept> kept() {
    Optional<List<String>> formTargets = targets.fresh();
    Optional<Branding> brand = branding.fresh();
    return formTargets.isPresent() && brand.isPresent()
        ? Optional.of(new Kept(formTargets.get(), brand.get()))
        : Optional.empty();
  }

  /** Whether what {@link #kept} gives was read half a second ago: time to read it again ahead. */
  public boolean keptDue() {
    return targets.due() || branding.due();
  }

  /**
   * Reads the form targets and the branding again before {@link #kept} would find them stale,
   * unless the ledger's {@link LedgerQueries#checkoutMark} has stood still since they were last
   * read and that was less than {@link #READ_AGAIN_WITHIN} ago: then they are kept as they are.
   * Under load this runs twice a second, and reading (and rendering) what the page shows each time
   * cost about a tenth of its throughput and most of its p99 above the bare server's.
   *
   * @return the mark read before anything else, for the page to decide the same way
   */
  public String refreshKept() {
    String mark = ledger.checkoutMark();
    Instant now = clock.instant();
    KeptRead known = keptRead;
    if (known != null && known.unchanged(mark, now)) {
      targets.keep();
      branding.keep();
    } else {
      targets.refresh();
      branding.refresh();
      keptRead = new KeptRead(mark, now);
    }
    return mark;
  }

  /**
   * The longest what the checkout page shows is kept while the ledger's mark stands still: a change
   * the mark does not see (one made without an audit line) shows within this.
   */
  public static final Duration READ_AGAIN_WITHIN = Duration.ofSeconds(5);

  /** When a mark was read last, and what it was; a clock set back counts as changed. */
  public record KeptRead(String mark, Instant at) {
    public boolean unchanged(String now, Instant when) {
      return mark.equals(now) && !when.isBefore(at) && when.isBefore(at.plus(READ_AGAIN_WITHIN));
    }
  }

  /** What {@link #formTargets()} and {@link #branding()} last read. */
  public record Kept(List<String> formTargets, Branding branding) {}

  /** An order placed at the checkout page, by its reference. */
  public Optional<PendingOrder> order(String reference) {
    return orders.byReference(reference);
  }

  private Optional<Plan> visiblePlan(String name) {
    String wanted = blankToNull(name);
    if (wanted == null || wanted.length() > PlanSpec.MAX_NAME_LENGTH) {
      return Optional.empty();
    }
    return plans.all().stream()
        .filter(p -> !p.spec().hidden())
        .filter(p -> p.name().toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT)))
        .findFirst();
  }

  private static boolean takesNewcomers(ServerSettings s, int users) {
    return s.enabled()
        && s.acceptsNewUsers()
        && !s.trialOnly()
        && (s.capacity() == null || users < s.capacity());
  }

  /**
   * @param all the catalogue: a longer plan's saving is against the cheapest visible one-month plan
   *     in its currency
   */
  private static OfferedPlan offered(Plan p, List<Plan> all) {
    PlanSpec s = p.spec();
    Optional<Money> monthly =
        all.stream()
            .filter(m -> !m.spec().hidden() && !m.spec().trial())
            .filter(m -> m.spec().duration().equals(PlanDuration.months(1)))
            .map(Plan::price)
            .filter(m -> m.currency().equals(s.price().currency()) && m.minor() > 0)
            .min(Money::compareTo);
    String perMonth =
        PriceTag.perMonth(s.price(), s.duration())
            .map(
                per ->
                    PriceTag.perMonthText(s.price(), per)
                        + monthly
                            .flatMap(m -> PriceTag.saving(s.price(), s.duration(), m))
                            .map(pct -> " · save " + pct + "%")
                            .orElse(""))
            .orElse("");
    return new OfferedPlan(
        s.name(),
        PriceTag.price(s.price()),
        s.duration().toString(),
        s.maxStreams(),
        s.downloads(),
        s.transcode(),
        s.trial(),
        PriceTag.per(s.duration()),
        perMonth,
        s.groups(),
        s.maxDevices(),
        false);
  }

  private byte[] bytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
