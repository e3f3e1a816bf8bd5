package io.usher.domain.backups;

import java.time.Instant;

/**
 * One backup of the ledger: a zip with the database and what it was taken from.
 *
 * @param file the zip's absolute path
 * @param schema the ledger's schema version when it was taken (a newer one cannot be restored)
 */
public record BackupFile(String file, Instant created, int schema, long bytes) {}
