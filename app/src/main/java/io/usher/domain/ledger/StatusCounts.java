package io.usher.domain.ledger;

/** The dashboard's headline numbers. Permanent users count as active too. */
public record StatusCounts(int active, int expiringSoon, int expired, int permanent) {}
