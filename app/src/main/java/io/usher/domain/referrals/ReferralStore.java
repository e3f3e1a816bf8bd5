package io.usher.domain.referrals;

import java.util.List;
import java.util.Optional;

/** Users' referral codes and the referrals they brought. */
public interface ReferralStore {
  Optional<String> codeOf(long userId);

  /**
   * Gives the user the code.
   *
   * @return false when another user holds it already
   */
  boolean assign(long userId, String code);

  Optional<Long> userWithCode(String code);

  /** Records a referral; a customer is referred once, so a second one for them fails. */
  void insert(Referral referral);

  Optional<Referral> of(long referredId);

  /** The customers the user referred, oldest first. */
  List<Referral> by(long referrerId);

  /** Every referral, newest first. */
  List<Referral> all();
}
