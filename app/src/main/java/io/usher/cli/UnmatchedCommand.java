package io.usher.cli;

import io.usher.application.payments.UnmatchedPaymentService;
import io.usher.domain.payments.UnmatchedPayment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "unmatched",
    description = {
      "Payments that arrived from a provider but match no user, waiting for you.",
      "Assign one to a user, or dismiss it with a reason; neither is ever imported again."
    },
    subcommands = {UnmatchedCommand.Assign.class, UnmatchedCommand.Dismiss.class})
final class UnmatchedCommand implements Runnable {
  @ParentCommand RootCommand root;

  @Override
  public void run() {
    List<Map<String, Object>> rows =
        root.usher().unmatched().waiting().stream().map(UnmatchedCommand::view).toList();
    root.output()
        .list(
            List.of("ID", "PROVIDER", "TXN", "PAYER", "AMOUNT", "CUR", "PAID", "SUBSCRIPTION"),
            List.of(
                "id",
                "provider",
                "txn",
                "payerEmail",
                "amount",
                "currency",
                "paidAt",
                "subscriptionId"),
            rows);
  }

  static Map<String, Object> view(UnmatchedPayment u) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", u.id());
    m.put("provider", u.provider().code());
    m.put("txn", u.txn());
    m.put("payerEmail", u.payerEmail());
    m.put("amount", u.amount() == null ? null : u.amount().toDecimalString());
    m.put("currency", u.amount() == null ? null : u.amount().currency().getCurrencyCode());
    m.put("paidAt", Views.iso(u.paidAt()));
    m.put("subscriptionId", u.subscriptionId());
    m.put("why", u.why());
    return m;
  }

  @Command(name = "assign", description = "Record an unmatched payment on a user.")
  static final class Assign implements Runnable {
    @ParentCommand UnmatchedCommand parent;

    @Parameters(index = "0", paramLabel = "ID", description = "As `usher unmatched` lists it.")
    long id;

    @Option(
        names = "--email",
        required = true,
        paramLabel = "E",
        description = "The user: their email, #ID (as `usher users` lists it) or name.")
    String email;

    @Option(
        names = "--plan",
        paramLabel = "P",
        description = "The plan it buys (default: the user's current plan).")
    String plan;

    @Option(
        names = "--remember",
        description =
            "Keep the payer's email as the user's PayPal email, or the subscription id, so the"
                + " next payment matches by itself.")
    boolean remember;

    @Override
    public void run() {
      UnmatchedPaymentService unmatched = parent.root.usher().unmatched();
      String sentence = unmatched.assign(id, email, plan, remember);
      parent.root.output().done(sentence, Map.of("id", id, "email", email));
    }
  }

  @Command(name = "dismiss", description = "Not a payment for this business: keep it, with why.")
  static final class Dismiss implements Runnable {
    @ParentCommand UnmatchedCommand parent;

    @Parameters(index = "0", paramLabel = "ID", description = "As `usher unmatched` lists it.")
    long id;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why.")
    String reason;

    @Override
    public void run() {
      String sentence = parent.root.usher().unmatched().dismiss(id, reason);
      parent.root.output().done(sentence, Map.of("id", id));
    }
  }
}
