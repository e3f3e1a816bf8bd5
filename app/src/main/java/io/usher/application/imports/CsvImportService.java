package io.usher.application.imports;

import io.usher.application.Pause;
import io.usher.application.invites.InviteRequest;
import io.usher.application.invites.InviteResult;
import io.usher.domain.common.UsherException;
import io.usher.domain.ledger.PaymentStore;
import io.usher.domain.plans.PlanStore;
import io.usher.domain.servers.ServerStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulk invite from a CSV file (seed 003). {@link #validate} checks the whole file against the
 * servers, plans and ledger, writing nothing; {@link #run} then invites row by row in the
 * background, pacing Plex invites, and tells the owner what happened.
 */
public final class CsvImportService {
  private static final Logger LOG = LoggerFactory.getLogger(CsvImportService.class);

  /** Far above a bulk invite of tens of thousands of rows. */
  static final long MAX_BYTES = 5_000_000;

  private static final String EXAMPLE = "/io/usher/imports/bulk-invite-example.csv";

  private final ServerStore servers;
  private final PlanStore plans;
  private final PaymentStore payments;
  private final Function<InviteRequest, InviteResult> invite;
  private final Consumer<InviteRequest> inviteChecks;
  private final Consumer<ImportReport> notifyOwner;
  private final IntSupplier paceSeconds;
  private final Pause sleeper;
  private final Clock clock;

  /**
   * @param invite the single invite (InviteService), called once per row
   * @param inviteChecks what the invite checks before calling a server (InviteService::check), run
   *     on every row by the dry run
   * @param notifyOwner told the report when a run ends, cancelled or not (emails the owner)
   * @param paceSeconds the {@code invite.pace-seconds} setting, read at the start of each run
   */
  public CsvImportService(
      ServerStore servers,
      PlanStore plans,
      PaymentStore payments,
      Function<InviteRequest, InviteResult> invite,
      Consumer<InviteRequest> inviteChecks,
      Consumer<ImportReport> notifyOwner,
      IntSupplier paceSeconds,
      Pause sleeper,
      Clock clock) {
    this.servers = servers;
    this.plans = plans;
    this.payments = payments;
    this.invite = invite;
    this.inviteChecks = inviteChecks;
    this.notifyOwner = notifyOwner;
    this.paceSeconds = paceSeconds;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  /** Reads and checks a UTF-8 file; nothing is written. */
  public ImportPlan validate(Path file) {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    String text;
    try {
      // Checked before reading: the whole file is held in memory to report every line.
      if (Files.size(file) > MAX_BYTES) {
        throw new UsherException(
            name
                + " is larger than "
                + MAX_BYTES / 1_000_000
                + " MB: split it into smaller files and import them one by one.");
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UsherException("There is no file " + file + ".");
    } catch (CharacterCodingException e) {
      throw new UsherException(name + " is not UTF-8 text: save it as \"CSV UTF-8\" and retry.");
    } catch (IOException e) {
      throw new UsherException("Usher cannot read " + file + ": " + e.getMessage() + ".");
    }
    return validate(name, text);
  }

  /** Checks a file's text: servers, plans and the ledger's transaction refs are read once. */
  public ImportPlan validate(String fileName, String text) {
    ImportValidator validator =
        new ImportValidator(
            servers.all(),
            plans.all(),
            payments::existing,
            inviteChecks,
            CsvImportService::newTxnId,
            now());
    return validator.check(fileName, CsvFile.parse(text));
  }

  /**
   * Invites every row of a valid plan, one by one: a row that fails is reported and the next one
   * goes on; a cancel stops before the next row. Consecutive Plex invites are at least {@code
   * invite.pace-seconds} apart. The owner is told the report at the end.
   */
  public ImportReport run(ImportPlan plan, ImportProgress progress) {
    if (!plan.valid()) {
      throw new UsherException(plan.problemSummary());
    }
    Duration pace = pace();
    List<ImportRow> rows = plan.rows();
    List<String> invited = new ArrayList<>();
    List<String> queued = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    boolean cancelled = false;
    Instant lastPlex = null;
    for (int i = 0; i < rows.size(); i++) {
      ImportRow row = rows.get(i);
      if (progress.cancelled()) {
        cancelled = true;
        break;
      }
      progress.row(i, rows.size(), row.request().email());
      if (row.plex() && lastPlex != null) {
        Duration wait = pace.minus(Duration.between(lastPlex, now()));
        if (!wait.isNegative() && !wait.isZero() && !pause(wait, progress)) {
          cancelled = true;
          break;
        }
      }
      inviteOne(row, invited, queued, failed);
      if (row.plex()) {
        lastPlex = now();
      }
    }
    ImportReport report =
        new ImportReport(plan.file(), rows.size(), invited, queued, failed, cancelled);
    progress.row(report.done(), rows.size(), null);
    tellOwner(report);
    return report;
  }

  /** The pause between Plex invites, from {@code invite.pace-seconds}. */
  public Duration pace() {
    return Duration.ofSeconds(Math.max(0, paceSeconds.getAsInt()));
  }

  /** The ban warning the dry run shows, with the pace and what it means for this file. */
  public String paceWarning(ImportPlan plan) {
    long seconds = pace().toSeconds();
    long plex = plan.plexRows();
    String base =
        "Inviting many Plex users at once risks a ban from Plex: Usher waits "
            + seconds
            + (seconds == 1 ? " second" : " seconds")
            + " (invite.pace-seconds) between Plex invites";
    if (plex < 2 || seconds == 0) {
      return base + ".";
    }
    long minutes = Math.max(1, Math.round((plex - 1) * seconds / 60.0));
    return base + ", about " + minutes + (minutes == 1 ? " minute" : " minutes") + " for these.";
  }

  /** The example file: a header with every column and a few rows. */
  public String exampleCsv() {
    try (InputStream in = CsvImportService.class.getResourceAsStream(EXAMPLE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + EXAMPLE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void writeExample(Path file) {
    try {
      Files.writeString(file, exampleCsv(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsherException("Usher cannot write " + file + ": " + e.getMessage() + ".");
    }
  }

  private void inviteOne(
      ImportRow row, List<String> invited, List<String> queued, List<String> failed) {
    InviteRequest request = row.request();
    String who = "Line " + row.line() + ": " + request.email();
    try {
      InviteResult result = invite.apply(request);
      String server = result.server() == null ? request.server() : result.server().name();
      if (result.queued()) {
        queued.add(request.email() + " on " + server + ": " + result.reason());
      } else {
        invited.add(request.email() + " on " + server);
      }
    } catch (UsherException e) {
      failed.add(who + ": " + e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("Bulk invite of line {} failed", row.line(), e);
      failed.add(who + ": unexpected error (" + e.getClass().getSimpleName() + "); see the log.");
    }
  }

  private boolean pause(Duration wait, ImportProgress progress) {
    try {
      sleeper.sleep(wait, progress::cancelled);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    return !progress.cancelled();
  }

  private void tellOwner(ImportReport report) {
    try {
      notifyOwner.accept(report);
    } catch (RuntimeException e) {
      LOG.error("Could not tell the owner about the bulk invite", e);
    }
  }

  private Instant now() {
    return clock.instant();
  }

  private static String newTxnId() {
    return "import-" + UUID.randomUUID().toString().replace("-", "").substring(0, 13);
  }
}
