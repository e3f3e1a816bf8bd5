package io.usher.cli;

import io.usher.application.payments.ManualPayment;
import io.usher.application.payments.PaymentEdit;
import io.usher.domain.ledger.Payment;
import io.usher.domain.ledger.TxnRef;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "payment",
    description = "Record or correct a payment.",
    subcommands = {PaymentCommand.Add.class, PaymentCommand.Edit.class})
final class PaymentCommand {
  @ParentCommand RootCommand root;

  @Command(
      name = "add",
      description =
          "Record a payment. Defaults: the plan's price, a generated transaction id, starting at the later of now and the user's expiry, lasting one plan duration.")
  static final class Add implements Runnable {
    @ParentCommand PaymentCommand parent;

    @Option(
        names = "--email",
        required = true,
        paramLabel = "E",
        description = "The user: their email, #ID (as `usher users` lists it) or name.")
    String email;

    @Option(names = "--plan", required = true, paramLabel = "P")
    String plan;

    @Option(names = "--amount", paramLabel = "A", description = "Decimal in the plan's currency.")
    String amount;

    @Option(names = "--txn", paramLabel = "ID", description = "Transaction id (unique with --seq).")
    String txn;

    @Option(names = "--seq", paramLabel = "N", description = "Sequence number (default 1).")
    Integer seq;

    @Option(names = "--sub", paramLabel = "ID", description = "Subscription id (sub_…, I-…).")
    String sub;

    @Option(names = "--start", paramLabel = "ISO", converter = InstantConverter.class)
    Instant start;

    @Option(names = "--end", paramLabel = "ISO", converter = InstantConverter.class)
    Instant end;

    @Option(names = "--notes", paramLabel = "TEXT")
    String notes;

    @Override
    public void run() {
      Payment p =
          parent
              .root
              .usher()
              .payments()
              .record(new ManualPayment(email, plan, amount, txn, seq, sub, start, end, notes));
      parent
          .root
          .output()
          .done(
              "Recorded payment "
                  + p.ref()
                  + " for "
                  + parent.root.usher().users().byId(p.userId()).who()
                  + ": "
                  + p.spec().amount().display()
                  + ", "
                  + p.period().start()
                  + " to "
                  + p.period().end()
                  + ".",
              fields(p));
    }
  }

  @Command(name = "edit", description = "Correct a payment; the change is audited.")
  static final class Edit implements Runnable {
    @ParentCommand PaymentCommand parent;

    @Option(names = "--txn", required = true, paramLabel = "ID")
    String txn;

    @Option(names = "--seq", paramLabel = "N", defaultValue = "1")
    int seq;

    @Option(names = "--start", paramLabel = "ISO", converter = InstantConverter.class)
    Instant start;

    @Option(names = "--end", paramLabel = "ISO", converter = InstantConverter.class)
    Instant end;

    @Option(names = "--amount", paramLabel = "A")
    String amount;

    @Option(names = "--plan", paramLabel = "P")
    String plan;

    @Option(
        names = "--sub",
        paramLabel = "ID",
        description =
            "The provider's subscription id, so renewals match this user (\"\": remove it).")
    String sub;

    @Option(names = "--notes", paramLabel = "TEXT", description = "Notes (\"\": remove them).")
    String notes;

    @Override
    public void run() {
      Payment p =
          parent
              .root
              .usher()
              .payments()
              .edit(new TxnRef(txn, seq), new PaymentEdit(start, end, amount, plan, sub, notes));
      parent.root.output().done("Updated payment " + p.ref() + ".", fields(p));
    }
  }

  static Map<String, Object> fields(Payment p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("txn", p.ref().txnId());
    m.put("seq", p.ref().seq());
    m.put("amount", p.spec().amount().toDecimalString());
    m.put("currency", p.spec().amount().currency().getCurrencyCode());
    m.put("start", Views.iso(p.period().start()));
    m.put("end", Views.iso(p.period().end()));
    m.put("subscriptionId", p.spec().subscriptionId());
    m.put("source", p.spec().source().code());
    m.put("notes", p.spec().notes());
    return m;
  }
}
