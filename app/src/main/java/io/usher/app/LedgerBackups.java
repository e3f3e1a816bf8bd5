package io.usher.app;

import io.usher.domain.backups.BackupFile;
import io.usher.domain.backups.Backups;
import io.usher.domain.common.UsherException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Backups of one data folder's ledger: H2's online {@code BACKUP TO} (a consistent copy while the
 * window or serve writes), re-packed with a small description (when, which schema) so a backup can
 * be listed and checked without opening it. Secrets stay sealed inside; usher.key is not copied.
 */
final class LedgerBackups implements Backups {
  static final String FOLDER = "backups";
  static final String DESCRIPTION = "usher-backup.properties";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  /** Dated backups, the ones the daily job prunes; "before" backups are kept until removed. */
  private static final Pattern DATED = Pattern.compile("usher-\\d{8}-\\d{6}(-\\d+)?\\.zip");

  private final Path dataDir;
  private final Database database;
  private final Clock clock;

  LedgerBackups(Path dataDir, Database database, Clock clock) {
    this.dataDir = dataDir;
    this.database = database;
    this.clock = clock;
  }

  @Override
  public BackupFile create(String file) {
    if (database.postgres()) {
      throw new UsherException(
          "The ledger is on PostgreSQL: back it up with PostgreSQL's own tools (pg_dump, or"
              + " replication); Usher's backups are of the data folder's ledger file.");
    }
    Path target =
        file == null ? dated(dataDir, clock.instant(), ".zip") : Path.of(file).toAbsolutePath();
    try {
      return database.withConnection(c -> take(c, dataDir, target, clock.instant()));
    } catch (SQLException e) {
      throw new UsherException("Could not back up the ledger: " + e.getMessage() + ".", e);
    }
  }

  @Override
  public List<BackupFile> list() {
    return list(dataDir);
  }

  @Override
  public io.usher.domain.backups.LedgerCopy copyTo(String target) {
    return new LedgerCopier(database, dataDir).copyTo(target);
  }

  @Override
  public boolean elsewhere() {
    return database.postgres();
  }

  @Override
  public boolean compact() {
    return database.compactIfSparse();
  }

  @Override
  public int prune(int keep) {
    List<BackupFile> dated =
        list().stream()
            .filter(b -> DATED.matcher(Path.of(b.file()).getFileName().toString()).matches())
            .toList();
    int removed = 0;
    for (BackupFile old : dated.subList(Math.min(Math.max(keep, 1), dated.size()), dated.size())) {
      try {
        Files.deleteIfExists(Path.of(old.file()));
        removed++;
      } catch (IOException e) {
        throw new UsherException("Could not remove the old backup " + old.file() + ".", e);
      }
    }
    return removed;
  }

  static List<BackupFile> list(Path dataDir) {
    Path folder = dataDir.resolve(FOLDER);
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    List<BackupFile> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path zip : files.filter(p -> p.toString().endsWith(".zip")).toList()) {
        describe(zip).ifPresent(found::add);
      }
    } catch (IOException e) {
      throw new UsherException("Could not read the backups in " + folder + ".", e);
    }
    found.sort(
        Comparator.comparing(BackupFile::created).thenComparing(BackupFile::file).reversed());
    return found;
  }

  /** A free dated name in the backups folder: usher-YYYYMMDD-HHMMSS[-N]{tail}, tail ".zip" etc. */
  static Path dated(Path dataDir, Instant at, String tail) {
    Path folder = dataDir.resolve(FOLDER);
    String stem = "usher-" + STAMP.format(at);
    Path candidate = folder.resolve(stem + tail);
    for (int n = 2; Files.exists(candidate); n++) {
      candidate = folder.resolve(stem + "-" + n + tail);
    }
    return candidate;
  }

  /** Takes a backup through an open connection: a copy that is consistent whatever writes go on. */
  static BackupFile take(Connection c, Path dataDir, Path target, Instant now) {
    Path raw = target.resolveSibling(target.getFileName() + ".h2.tmp");
    Path packed = target.resolveSibling(target.getFileName() + ".tmp");
    try {
      Files.createDirectories(target.getParent());
      DataFolder.secure(dataDir);
      int schema = schema(c);
      try (Statement s = c.createStatement()) {
        s.execute("BACKUP TO '" + raw.toString().replace("'", "''") + "'");
      }
      Properties about = new Properties();
      about.setProperty("created", now.toString());
      about.setProperty("schema", Integer.toString(schema));
      about.setProperty("usher", io.usher.application.Version.current());
      try (ZipInputStream in = new ZipInputStream(Files.newInputStream(raw));
          ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(packed))) {
        for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
          out.putNextEntry(new ZipEntry(e.getName()));
          in.transferTo(out);
          out.closeEntry();
        }
        out.putNextEntry(new ZipEntry(DESCRIPTION));
        about.store(out, "Usher backup");
        out.closeEntry();
      }
      Files.move(
          packed, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      DataFolder.secure(dataDir);
      return new BackupFile(target.toString(), now, schema, Files.size(target));
    } catch (IOException | SQLException e) {
      throw new UsherException(
          "Could not back up the ledger to " + target + ": " + e.getMessage() + ".", e);
    } finally {
      deleteQuietly(raw);
      deleteQuietly(packed);
    }
  }

  /** The ledger's schema version as Flyway recorded it; 0 for a database not yet migrated. */
  static int schema(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet tables =
            s.executeQuery(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_NAME = 'flyway_schema_history'")) {
      tables.next();
      if (tables.getInt(1) == 0) {
        return 0;
      }
    }
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT MAX(CAST(\"version\" AS INT)) FROM \"flyway_schema_history\""
                    + " WHERE \"success\" AND \"version\" IS NOT NULL")) {
      r.next();
      return r.getInt(1);
    }
  }

  static Optional<BackupFile> describe(Path zip) {
    try (ZipFile z = new ZipFile(zip.toFile())) {
      ZipEntry about = z.getEntry(DESCRIPTION);
      if (about == null || z.getEntry(Database.FILE_NAME) == null) {
        return Optional.empty();
      }
      Properties p = new Properties();
      try (InputStream in = z.getInputStream(about)) {
        p.load(in);
      }
      return Optional.of(
          new BackupFile(
              zip.toAbsolutePath().toString(),
              Instant.parse(p.getProperty("created")),
              Integer.parseInt(p.getProperty("schema")),
              Files.size(zip)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Writes the backup's database file to {@code target}. */
  static void extract(Path zip, Path target) throws IOException {
    try (ZipFile z = new ZipFile(zip.toFile());
        InputStream in = z.getInputStream(z.getEntry(Database.FILE_NAME));
        OutputStream out = Files.newOutputStream(target)) {
      in.transferTo(out);
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // A stray temporary file in the backups folder is harmless and listed by nothing.
    }
  }
}
