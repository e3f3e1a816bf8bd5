package io.usher.domain.backups;

/**
 * What {@code usher db copy} did: the whole ledger copied into an empty one elsewhere, every row
 * compared afterwards.
 *
 * @param target where it went, as messages show it (never a password)
 */
public record LedgerCopy(String target, int tables, long rows) {}
