package io.usher.application.imports;

import io.usher.application.invites.InviteDraft;
import io.usher.application.invites.InviteRequest;
import io.usher.domain.common.UsherException;
import io.usher.domain.common.ValidationException;
import io.usher.domain.imports.Column;
import io.usher.domain.imports.ImportProblem;
import io.usher.domain.imports.ImportValues;
import io.usher.domain.ledger.PaymentSource;
import io.usher.domain.ledger.TxnRef;
import io.usher.domain.media.ServerKind;
import io.usher.domain.money.Money;
import io.usher.domain.plans.Plan;
import io.usher.domain.servers.Server;
import io.usher.domain.users.Emails;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules of a bulk-invite file, checked against servers, plans and ledger references loaded
 * once: every problem of every row is collected, none stops the check.
 */
final class ImportValidator {
  private static final Pattern SIGNED_DECIMAL = Pattern.compile("-?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)");

  private final Map<String, Server> servers = new HashMap<>();
  private final Map<String, Plan> plans = new HashMap<>();
  private final String serverNames;
  private final String planNames;
  private final Function<Collection<TxnRef>, Set<TxnRef>> inLedger;
  private final Consumer<InviteRequest> inviteChecks;
  private final Supplier<String> newTxnId;
  private final Instant now;

  private final List<ImportProblem> problems = new ArrayList<>();
  private final Map<String, Integer> emailLines = new HashMap<>();
  private final Map<TxnRef, Integer> refLines = new LinkedHashMap<>();
  private final Set<Integer> badLines = new HashSet<>();

  ImportValidator(
      List<Server> servers,
      List<Plan> plans,
      Function<Collection<TxnRef>, Set<TxnRef>> inLedger,
      Consumer<InviteRequest> inviteChecks,
      Supplier<String> newTxnId,
      Instant now) {
    servers.forEach(s -> this.servers.put(key(s.name()), s));
    plans.forEach(p -> this.plans.put(key(p.name()), p));
    this.serverNames = names(servers.stream().map(Server::name).toList());
    this.planNames = names(plans.stream().map(Plan::name).toList()).replace("linked ", "");
    this.inLedger = inLedger;
    this.inviteChecks = inviteChecks;
    this.newTxnId = newTxnId;
    this.now = now;
  }

  ImportPlan check(String fileName, CsvFile file) {
    problems.addAll(file.problems);
    if (file.unreadable()) {
      return new ImportPlan(fileName, List.of(), problems);
    }
    List<Draft> drafts = new ArrayList<>();
    for (CsvFile.Row row : file.rows) {
      Draft draft = row(row);
      if (draft != null) {
        drafts.add(draft);
      }
    }
    for (TxnRef known : inLedger.apply(refLines.keySet())) {
      problem(refLines.get(known), "transaction " + ref(known) + " is already in the ledger.");
    }
    Set<String> taken =
        refLines.keySet().stream()
            .map(TxnRef::txnId)
            .collect(Collectors.toCollection(HashSet::new));
    List<ImportRow> rows = new ArrayList<>();
    for (Draft d : drafts) {
      if (badLines.contains(d.line)) {
        continue;
      }
      String txn = d.txn;
      if (txn == null) {
        do {
          txn = newTxnId.get();
        } while (!taken.add(txn));
      }
      InviteRequest request =
          new InviteRequest(
              d.email,
              d.plan.name(),
              d.server.name(),
              null,
              d.username,
              txn,
              d.seq,
              d.subscription,
              d.amount.toDecimalString(),
              d.paidAt,
              d.paypal,
              d.quantity,
              d.end,
              PaymentSource.IMPORT);
      if (!passesTheInvitesChecks(d.line, request)) {
        continue;
      }
      rows.add(
          new ImportRow(
              d.line,
              request,
              d.server.kind(),
              d.plan,
              d.amount,
              d.paidAt == null ? now : d.paidAt));
    }
    return new ImportPlan(fileName, rows, problems);
  }

  /**
   * The checks the invite itself makes before it calls a server (the plan's libraries on that
   * server, the renewal of a customer already in the ledger, the username): a row that passes here
   * cannot be refused by the ledger after its account was created.
   */
  private boolean passesTheInvitesChecks(int line, InviteRequest request) {
    try {
      inviteChecks.accept(request);
      return true;
    } catch (ValidationException e) {
      e.errors().forEach(err -> problem(line, followingLine(err.message())));
      return false;
    } catch (UsherException e) {
      problem(line, followingLine(e.getMessage()));
      return false;
    }
  }

  /** "The end must be…" as "the end must be…", to follow "Line 7: ". */
  private static String followingLine(String sentence) {
    boolean word = sentence.length() > 1 && Character.isLowerCase(sentence.charAt(1));
    return word ? Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1) : sentence;
  }

  private Draft row(CsvFile.Row row) {
    int line = row.line();
    Draft d = new Draft(line);
    d.email = email(row, line);
    d.server = server(row, line);
    d.plan = plan(row, line);
    d.quantity = whole(row, Column.QUANTITY, "quantity", line, 1);
    if (d.quantity > InviteDraft.MAX_QUANTITY) {
      problem(
          line,
          "the quantity "
              + d.quantity
              + " is more than "
              + InviteDraft.MAX_QUANTITY
              + " plan durations.");
      d.quantity = 1;
    }
    d.amount = amount(row, line, d.plan, d.quantity);
    d.paidAt = date(row, Column.PAID_AT, line);
    d.end = date(row, Column.END, line);
    Instant start = d.paidAt == null ? now : d.paidAt;
    if (d.end != null && !d.end.isAfter(start) && !badDate(row, Column.PAID_AT)) {
      problem(
          line,
          "the End Date "
              + ImportValues.date(d.end)
              + " is not after the start ("
              + ImportValues.date(start)
              + ").");
    }
    txn(row, line, d);
    if (row.has(Column.PAYPAL_EMAIL)) {
      try {
        d.paypal = Emails.normalize(row.get(Column.PAYPAL_EMAIL));
      } catch (ValidationException e) {
        problem(
            line,
            "the PayPal email '"
                + row.get(Column.PAYPAL_EMAIL)
                + "' is not a valid email address.");
      }
    }
    d.subscription = row.has(Column.SUBSCRIPTION) ? row.get(Column.SUBSCRIPTION) : null;
    if (row.has(Column.USERNAME)) {
      d.username = row.get(Column.USERNAME);
      if (d.server != null && d.server.kind() == ServerKind.PLEX) {
        problem(
            line,
            "a Username is for Jellyfin and Emby servers, and "
                + d.server.name()
                + " is a Plex server: leave it empty.");
      }
    }
    return d;
  }

  private String email(CsvFile.Row row, int line) {
    if (!row.has(Column.EMAIL)) {
      problem(line, "the email is empty.");
      return null;
    }
    String email;
    try {
      email = Emails.normalize(row.get(Column.EMAIL));
    } catch (ValidationException e) {
      problem(line, "'" + row.get(Column.EMAIL) + "' is not a valid email address.");
      return null;
    }
    Integer first = emailLines.putIfAbsent(email, line);
    if (first != null) {
      problem(line, email + " is already on line " + first + ".");
    }
    return email;
  }

  private Server server(CsvFile.Row row, int line) {
    if (!row.has(Column.SERVER)) {
      problem(line, "the server name is empty.");
      return null;
    }
    String name = row.get(Column.SERVER);
    Server server = servers.get(key(name));
    if (server == null) {
      problem(line, "there is no server named '" + name + "'. Servers: " + serverNames + ".");
    } else if (!server.settings().enabled()) {
      problem(
          line, "server " + server.name() + " is disabled: enable it or choose another server.");
    }
    return server;
  }

  private Plan plan(CsvFile.Row row, int line) {
    if (!row.has(Column.PLAN)) {
      problem(line, "the plan name is empty.");
      return null;
    }
    String name = row.get(Column.PLAN);
    Plan plan = plans.get(key(name));
    if (plan == null) {
      problem(line, "there is no plan named '" + name + "'. Plans: " + planNames + ".");
    }
    return plan;
  }

  private int whole(CsvFile.Row row, Column column, String what, int line, int absent) {
    if (!row.has(column)) {
      return absent;
    }
    OptionalInt value = ImportValues.positive(row.get(column));
    if (value.isEmpty()) {
      problem(
          line, "the " + what + " '" + row.get(column) + "' is not a whole number of 1 or more.");
      return absent;
    }
    return value.getAsInt();
  }

  /** The Amount as written, else the plan's price for the quantity bought. */
  private Money amount(CsvFile.Row row, int line, Plan plan, int quantity) {
    if (!row.has(Column.AMOUNT)) {
      return plan == null ? null : plan.price().times(quantity);
    }
    String text = row.get(Column.AMOUNT);
    // ASCII digits only, as Money.parse takes them: BigDecimal would read ١٢ as 12.
    if (!SIGNED_DECIMAL.matcher(text).matches()) {
      problem(line, "the amount '" + text + "' is not a number: write it like 12.50.");
      return null;
    }
    BigDecimal value = new BigDecimal(text);
    if (value.signum() < 0) {
      problem(line, "the amount '" + text + "' is negative.");
      return null;
    }
    if (plan == null) {
      return null;
    }
    int digits = Math.max(plan.price().currency().getDefaultFractionDigits(), 0);
    if (value.stripTrailingZeros().scale() > digits) {
      problem(
          line,
          "the amount '"
              + text
              + "' has more decimals than "
              + plan.price().currency().getCurrencyCode()
              + " allows ("
              + digits
              + ").");
      return null;
    }
    try {
      return Money.parse(text, plan.price().currency());
    } catch (ValidationException e) {
      problem(line, "the amount '" + text + "' is too large (at most " + Money.MAX + ").");
      return null;
    }
  }

  private Instant date(CsvFile.Row row, Column column, int line) {
    if (!row.has(column)) {
      return null;
    }
    String text = row.get(column);
    return ImportValues.instant(text)
        .orElseGet(
            () -> {
              problem(
                  line,
                  "the "
                      + column.header()
                      + " '"
                      + text
                      + "' is not a date: write 2026-11-22 or 2026-11-22T10:00:00Z.");
              return null;
            });
  }

  private static boolean badDate(CsvFile.Row row, Column column) {
    return row.has(column) && ImportValues.instant(row.get(column)).isEmpty();
  }

  private void txn(CsvFile.Row row, int line, Draft d) {
    int seq = whole(row, Column.SEQ, "sequence", line, 1);
    if (!row.has(Column.TXN)) {
      if (row.has(Column.SEQ)) {
        problem(line, "a Sequence needs a Transaction ID on the same row.");
      }
      return;
    }
    String id = row.get(Column.TXN);
    if (id.length() > TxnRef.MAX_LENGTH) {
      problem(line, "the transaction id is longer than " + TxnRef.MAX_LENGTH + " characters.");
      return;
    }
    TxnRef ref = new TxnRef(id, seq);
    Integer first = refLines.putIfAbsent(ref, line);
    if (first != null) {
      problem(line, "transaction " + ref(ref) + " is already on line " + first + ".");
    }
    d.txn = id;
    d.seq = seq;
  }

  private void problem(int line, String message) {
    problems.add(new ImportProblem(line, message));
    badLines.add(line);
  }

  private static String ref(TxnRef ref) {
    return ref.txnId() + " (sequence " + ref.seq() + ")";
  }

  private static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }

  private static String names(List<String> names) {
    return names.isEmpty() ? "none linked yet" : String.join(", ", names);
  }

  /** A row's values as they are read, before the row is known to be good. */
  private static final class Draft {
    final int line;
    String email;
    Server server;
    Plan plan;
    int quantity;
    Money amount;
    Instant paidAt;
    Instant end;
    String txn;
    Integer seq;
    String paypal;
    String subscription;
    String username;

    Draft(int line) {
      this.line = line;
    }
  }
}
