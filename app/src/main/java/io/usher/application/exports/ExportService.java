package io.usher.application.exports;

import io.usher.application.queries.LedgerQueryService;
import io.usher.domain.common.UsherException;
import io.usher.domain.common.ValidationException;
import io.usher.domain.ledger.PaymentFilter;
import io.usher.domain.ledger.PaymentRow;
import io.usher.domain.ledger.UserRow;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * The users or the payments as a CSV file for a spreadsheet or an accountant: a header row, UTF-8,
 * instants in ISO-8601 UTC, money as a decimal plus its currency. Every cell is quoted, and one a
 * spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage return) also gets
 * a leading apostrophe, so it stays text. The file appears whole or not at all.
 */
public final class ExportService {
  /** What can be exported. */
  public enum What {
    USERS,
    PAYMENTS;

    /** "users" or "payments", as the command line names them. */
    public static What of(String name) {
      for (What w : values()) {
        if (w.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
          return w;
        }
      }
      throw ValidationException.of("what", "Export users or payments.");
    }

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  static final List<String> USER_COLUMNS =
      List.of(
          "id",
          "email",
          "name",
          "status",
          "permanent",
          "plan",
          "expires",
          "servers",
          "mustChangeAccount");

  static final List<String> PAYMENT_COLUMNS =
      List.of(
          "txn",
          "seq",
          "email",
          "plan",
          "amount",
          "currency",
          "start",
          "end",
          "subscriptionId",
          "source",
          "notes",
          "createdAt");

  /** What one export wrote. */
  public record Exported(What what, Path file, int rows) {
    /** "Exported 12 users to /home/me/users.csv." */
    public String sentence() {
      String noun = rows == 1 ? what.label().substring(0, what.label().length() - 1) : what.label();
      return "Exported " + rows + " " + noun + " to " + file + ".";
    }
  }

  private final LedgerQueryService queries;

  public ExportService(LedgerQueryService queries) {
    this.queries = queries;
  }

  /** Writes the file; its rows do not count the header. */
  public Exported export(What what, Path file) {
    Path target = file.toAbsolutePath();
    Path folder = target.getParent();
    if (folder == null || !Files.isDirectory(folder)) {
      throw ValidationException.of(
          "file", "There is no folder " + folder + ": choose a file in a folder that exists.");
    }
    if (Files.isDirectory(target)) {
      throw ValidationException.of("file", target + " is a folder: name a file to write.");
    }
    List<List<String>> rows = what == What.USERS ? users() : payments();
    List<String> header = what == What.USERS ? USER_COLUMNS : PAYMENT_COLUMNS;
    Path partial = null;
    try {
      partial = Files.createTempFile(folder, ".usher-export-", ".csv");
      try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
          CSVPrinter csv = new CSVPrinter(out, format(header))) {
        for (List<String> row : rows) {
          csv.printRecord(row);
        }
      }
      move(partial, target);
      return new Exported(what, target, rows.size());
    } catch (IOException e) {
      throw new UsherException(
          "Usher could not write " + target + " (" + e.getMessage() + "): choose another file.", e);
    } finally {
      if (partial != null) {
        try {
          Files.deleteIfExists(partial);
        } catch (IOException ignored) {
          // A temporary file left behind is harmless; the export's own answer matters more.
        }
      }
    }
  }

  private static CSVFormat format(List<String> header) {
    return CSVFormat.RFC4180
        .builder()
        .setHeader(header.toArray(String[]::new))
        .setQuoteMode(QuoteMode.ALL)
        .get();
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private List<List<String>> users() {
    List<List<String>> rows = new ArrayList<>();
    for (UserRow u : queries.users()) {
      rows.add(
          cells(
              Long.toString(u.id()),
              u.email(),
              u.name(),
              u.status().code(),
              Boolean.toString(u.permanent()),
              u.plan(),
              iso(u.expires()),
              String.join("; ", u.servers()),
              Boolean.toString(u.mustChangeAccount())));
    }
    return rows;
  }

  private List<List<String>> payments() {
    List<List<String>> rows = new ArrayList<>();
    for (PaymentRow p : queries.payments(PaymentFilter.ALL)) {
      rows.add(
          cells(
              p.txn(),
              Integer.toString(p.seq()),
              p.email(),
              p.plan(),
              p.amount().toDecimalString(),
              p.amount().currency().getCurrencyCode(),
              iso(p.start()),
              iso(p.end()),
              p.subscriptionId(),
              p.source().code(),
              p.notes(),
              iso(p.createdAt())));
    }
    return rows;
  }

  private static List<String> cells(String... values) {
    List<String> row = new ArrayList<>(values.length);
    for (String v : values) {
      row.add(safe(v));
    }
    return row;
  }

  /** A value a spreadsheet would evaluate becomes text (OWASP's advice for CSV injection). */
  static String safe(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    char first = value.charAt(0);
    boolean formula =
        first == '='
            || first == '+'
            || first == '-'
            || first == '@'
            || first == '\t'
            || first == '\r';
    return formula ? "'" + value : value;
  }

  private static String iso(Instant instant) {
    return instant == null
        ? ""
        : instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
  }
}
