package io.usher.application.referrals;

import io.usher.application.payments.CurrentPlan;
import io.usher.application.payments.PaymentLanding;
import io.usher.application.users.UserLookup;
import io.usher.domain.common.Transactions;
import io.usher.domain.common.ValidationException;
import io.usher.domain.ledger.AuditLog;
import io.usher.domain.ledger.Payment;
import io.usher.domain.ledger.PaymentStore;
import io.usher.domain.ledger.PlanChange;
import io.usher.domain.ledger.TxnRef;
import io.usher.domain.plans.Plan;
import io.usher.domain.plans.PlanStore;
import io.usher.domain.referrals.Referral;
import io.usher.domain.referrals.ReferralBonus;
import io.usher.domain.referrals.ReferralCode;
import io.usher.domain.referrals.ReferralStore;
import io.usher.domain.referrals.ReferralTerms;
import io.usher.domain.settings.Settings;
import io.usher.domain.users.User;
import io.usher.domain.users.UserStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Referrals: every user has a code (made the first time it is shown); a new customer who pays
 * through a link or code carrying it earns the code's owner extra days on their current plan, as a
 * {@code credit} payment of no money, once per referred customer and in the same transaction as the
 * payment, so a payment seen twice never pays a bonus twice.
 *
 * <p>Only a customer's first paid payment counts: a renewing customer typing a friend's code, or
 * two customers naming each other, brings the owner no one new.
 */
public final class ReferralService {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(ReferralService.class);
  static final String CREDIT_PREFIX = "referral-";

  private final Transactions tx;
  private final ReferralStore referrals;
  private final UserStore users;
  private final PlanStore plans;
  private final PaymentStore payments;
  private final PaymentLanding landing;
  private final AuditLog audit;
  private final Settings settings;
  private final Function<String, String> link;
  private final Clock clock;
  private final RandomGenerator random = new SecureRandom();

  /**
   * @param settings a setting's effective value (referral.percent, referral.min-days,
   *     referral.max-days)
   * @param link a code → the plans page's address with it filled in
   */
  public ReferralService(
      Transactions tx,
      ReferralStore referrals,
      UserStore users,
      PlanStore plans,
      PaymentStore payments,
      PaymentLanding landing,
      AuditLog audit,
      Settings settings,
      Function<String, String> link,
      Clock clock) {
    this.link = link;
    this.tx = tx;
    this.referrals = referrals;
    this.users = users;
    this.plans = plans;
    this.payments = payments;
    this.landing = landing;
    this.audit = audit;
    this.settings = settings;
    this.clock = clock;
  }

  /** What a referral earns now; {@link ReferralTerms#OFF} when the owner has not turned them on. */
  public ReferralTerms terms() {
    try {
      return new ReferralTerms(
          settings.referralPercent(), settings.referralMinDays(), settings.referralMaxDays());
    } catch (IllegalArgumentException e) {
      return ReferralTerms.OFF;
    }
  }

  /** The user's code, made now if they have none yet. */
  public String code(long userId) {
    return tx.inTransaction(
        () -> {
          Optional<String> known = referrals.codeOf(userId);
          if (known.isPresent()) {
            return known.get();
          }
          while (true) {
            String code = ReferralCode.generate(random);
            if (referrals.assign(userId, code)) {
              return code;
            }
          }
        });
  }

  /**
   * The referral code typed at the checkout or carried by the link, checked before the order is
   * placed.
   *
   * @param email the paying customer's email, normalized; null when it was not valid
   * @return the code, normalized; empty when none was given or referrals are off
   * @throws ValidationException (field {@code referral}) for a code no one has, or the customer's
   *     own
   */
  public Optional<String> check(String typed, String email) {
    if (!terms().on()) {
      return Optional.empty();
    }
    Optional<String> code = ReferralCode.parse(typed);
    if (code.isEmpty()) {
      return code;
    }
    Optional<Long> owner = referrals.userWithCode(code.get());
    if (owner.isEmpty()) {
      throw ValidationException.of(
          "referral",
          "No one has the referral code " + code.get() + ": check it, or leave the field empty.");
    }
    if (email != null
        && users.byEmail(email).map(User::id).filter(owner.get()::equals).isPresent()) {
      throw ValidationException.of(
          "referral", "This is your own referral code: it is for the friends you tell.");
    }
    return code;
  }

  /**
   * The referred customer's payment landed: the code's owner earns their bonus, if this is the
   * customer's first paid payment and no one was credited for them yet. Call it inside the
   * payment's transaction.
   *
   * @return a clause for the payment's sentence; empty when nothing was credited
   */
  public Optional<String> credit(String code, User referred, Payment paid) {
    ReferralTerms terms = terms();
    if (code == null || !terms.on() || paid.spec().amount().minor() == 0) {
      return Optional.empty();
    }
    Optional<User> referrer = referrals.userWithCode(code).flatMap(users::byId);
    if (referrer.isEmpty()
        || referrer.get().id() == referred.id()
        || referrals.of(referred.id()).isPresent()
        || paidBefore(referred, paid)) {
      return Optional.empty();
    }
    // A linked sub-account's time follows its master's payments, so the master is credited.
    User credited = users.masterOf(referrer.get().id()).flatMap(users::byId).orElse(referrer.get());
    Instant now = clock.instant();
    String who = label(referred);
    if (credited.permanent()) {
      return Optional.of(
          record(referrer.get(), referred, paid, null, 0, label(credited) + " is permanent", now));
    }
    Optional<Plan> plan = currentPlan(credited);
    if (plan.isEmpty()) {
      return Optional.of(
          record(referrer.get(), referred, paid, null, 0, "there is no plan to credit", now));
    }
    ReferralBonus bonus =
        ReferralBonus.of(paid.spec().amount(), terms, plan.get(), landing.renewalStart(credited));
    if (bonus.seconds() == 0) {
      return Optional.of(record(referrer.get(), referred, paid, null, 0, bonus.arithmetic(), now));
    }
    TxnRef ref = new TxnRef(CREDIT_PREFIX + referred.id(), 1);
    PaymentLanding.Landed landed =
        landing.credit(
            credited,
            plan.get(),
            bonus.seconds(),
            ref,
            "referral bonus for " + who + " (" + paid.ref() + "): " + bonus.arithmetic());
    record(referrer.get(), referred, paid, ref.txnId(), bonus.seconds(), bonus.arithmetic(), now);
    return Optional.of(
        label(credited)
            + " earned "
            + PlanChange.span(bonus.seconds())
            + " for the referral"
            + landed.clause());
  }

  private String record(
      User referrer,
      User referred,
      Payment paid,
      String creditTxn,
      long seconds,
      String note,
      Instant now) {
    referrals.insert(
        new Referral(
            referred.id(), referrer.id(), paid.ref().txnId(), creditTxn, seconds, note, now));
    audit.record("user", referrer.id(), "referred", label(referred) + ": " + note);
    audit.record("user", referred.id(), "referred by", label(referrer));
    if (creditTxn == null) {
      LOG.info("Referral of {} by {} earned no time: {}", label(referred), label(referrer), note);
      return label(referrer) + " referred them but earned no time: " + note;
    }
    return "";
  }

  private boolean paidBefore(User customer, Payment paid) {
    return payments.forUser(customer.id()).stream()
        .anyMatch(p -> p.id() != paid.id() && p.spec().amount().minor() > 0);
  }

  /** The plan of the payment that runs longest; else the default plan. */
  private Optional<Plan> currentPlan(User user) {
    return new CurrentPlan(payments, plans).of(user).or(plans::defaultPlan);
  }

  /** A user's code, who referred them, and whom they referred, for the owner and the customer. */
  public Summary summary(long userId) {
    String code = code(userId);
    Optional<String> by =
        referrals.of(userId).flatMap(r -> users.byId(r.referrerId())).map(ReferralService::label);
    List<Referred> referred =
        referrals.by(userId).stream()
            .map(
                r ->
                    new Referred(
                        users.byId(r.referredId()).map(ReferralService::label).orElse("?"),
                        r.created(),
                        r.bonusSeconds(),
                        r.note()))
            .toList();
    return new Summary(code, link.apply(code), by, referred);
  }

  /** {@link #summary(long)} of the user named by email, #ID or name ({@link UserLookup}). */
  public Summary summary(String user) {
    return summary(new UserLookup(users).find(user).id());
  }

  /** Every referral, newest first, with both users named. */
  public List<Row> all() {
    return referrals.all().stream()
        .map(
            r ->
                new Row(
                    users.byId(r.referrerId()).map(ReferralService::label).orElse("?"),
                    users.byId(r.referredId()).map(ReferralService::label).orElse("?"),
                    r.referredTxn(),
                    r.creditTxn(),
                    r.bonusSeconds(),
                    r.note(),
                    r.created()))
        .toList();
  }

  /**
   * @param link the plans page with the code filled in, to share
   * @param referredBy who referred this user; empty when no one did
   * @param referred the customers this user referred, oldest first
   */
  public record Summary(
      String code, String link, Optional<String> referredBy, List<Referred> referred) {
    public long bonusSeconds() {
      return referred.stream().mapToLong(Referred::bonusSeconds).sum();
    }
  }

  public record Referred(String who, Instant when, long bonusSeconds, String note) {}

  public record Row(
      String referrer,
      String referred,
      String referredTxn,
      String creditTxn,
      long bonusSeconds,
      String note,
      Instant created) {}

  private static String label(User u) {
    if (u.email() != null) {
      return u.email();
    }
    return u.spec().name() != null ? u.spec().name() : "user " + u.id();
  }
}
