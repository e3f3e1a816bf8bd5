package io.usher.domain.referrals;

import java.time.Instant;

/**
 * A customer who paid through another user's referral link or code, and what that earned.
 *
 * @param referredTxn the referred customer's payment
 * @param creditTxn the credit payment given for it; null when no time was given
 * @param bonusSeconds the time the credit payment gave
 * @param note how the bonus was reached, or why there was none
 */
public record Referral(
    long referredId,
    long referrerId,
    String referredTxn,
    String creditTxn,
    long bonusSeconds,
    String note,
    Instant created) {}
