package io.usher.cli;

import io.usher.application.Usher;
import io.usher.domain.ledger.PaymentFilter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "payments", description = "List the ledger, newest first.")
final class PaymentsCommand implements Runnable {
  @ParentCommand RootCommand root;

  @Option(
      names = "--user",
      paramLabel = "USER",
      description = "Only this user's payments: their email, #ID or name.")
  String user;

  @Override
  public void run() {
    Usher usher = root.usher();
    PaymentFilter filter =
        user == null
            ? PaymentFilter.ALL
            : new PaymentFilter(usher.users().find(user).id(), null, null);
    root.output()
        .list(
            List.of(
                "TXN",
                "SEQ",
                "EMAIL",
                "PLAN",
                "AMOUNT",
                "CURRENCY",
                "START",
                "END",
                "SUBSCRIPTION",
                "SOURCE"),
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
                "source"),
            usher.queries().payments(filter).stream().map(Views::payment).toList());
  }
}
