package io.usher.domain.discounts;

import java.util.List;
import java.util.Optional;

/** The discount codes and who used them. */
public interface DiscountStore {
  Discount insert(DiscountSpec spec);

  void update(long id, DiscountSpec spec);

  Optional<Discount> byId(long id);

  /** By code, in any case. */
  Optional<Discount> byCode(String code);

  /** Newest first. */
  List<Discount> all();

  void delete(long id);

  boolean usedBy(long discountId, String email);

  /**
   * Records that a payment used the code; false (and nothing written) when this email had used it
   * already.
   */
  boolean redeem(long discountId, String email, String transactionId);

  /**
   * Locks the code until the caller's transaction ends, so uses counted now stay true until a new
   * one is recorded in it; returns how many uses it has.
   */
  int lockUses(long discountId);

  /** Takes back a use that did not lead to access (a free order whose invite failed). */
  void unredeem(long discountId, String email);
}
