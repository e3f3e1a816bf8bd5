package io.usher.domain.referrals;

/**
 * What a referral earns (settings {@code referral.percent}, {@code referral.min-days}, {@code
 * referral.max-days}).
 *
 * @param percent of the referred customer's payment, converted to days of the referrer's plan; 0
 *     turns referrals off
 * @param minDays the least a referral earns, also when the payment's currency is not the plan's
 * @param maxDays the most a referral earns; below {@code minDays} it counts as {@code minDays}
 */
public record ReferralTerms(int percent, int minDays, int maxDays) {
  public static final ReferralTerms OFF = new ReferralTerms(0, 0, 0);

  public ReferralTerms {
    if (percent < 0 || percent > 100 || minDays < 0 || maxDays < 0) {
      throw new IllegalArgumentException("referral terms out of range");
    }
  }

  public boolean on() {
    return percent > 0;
  }
}
