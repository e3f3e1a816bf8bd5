package io.usher.cli;

import io.usher.application.invites.InviteRequest;
import io.usher.application.invites.InviteResult;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "invite",
    description = {
      "Invite a person by hand with the payment that pays for it.",
      "Shares the plan's libraries first; the payment is recorded once the server said yes.",
      "If the server cannot be reached now, the payment is recorded and the share queued."
    })
final class InviteCommand implements Runnable {
  @ParentCommand RootCommand root;

  @Option(
      names = "--email",
      required = true,
      paramLabel = "E",
      description = "Their Plex account email (or contact email).")
  String email;

  @Option(names = "--plan", required = true, paramLabel = "P")
  String plan;

  @Option(
      names = "--server",
      paramLabel = "S",
      description = "Default: Usher chooses one with room.")
  String server;

  @Option(
      names = "--location",
      paramLabel = "L",
      description = "Preferred server location when Usher chooses.")
  String location;

  @Option(
      names = "--username",
      paramLabel = "U",
      description = "Jellyfin/Emby user name (default: the email before @).")
  String username;

  @Option(names = "--txn", paramLabel = "ID", description = "Transaction id (default: generated).")
  String txn;

  @Option(
      names = "--seq",
      paramLabel = "N",
      description = "Sequence within the transaction (default 1).")
  Integer seq;

  @Option(names = "--sub", paramLabel = "ID", description = "Subscription id (sub_… or I-…).")
  String sub;

  @Option(names = "--amount", paramLabel = "A", description = "Default: the plan's price.")
  String amount;

  @Option(
      names = "--paid-at",
      paramLabel = "ISO",
      converter = InstantConverter.class,
      description = "When it was paid (default: now).")
  Instant paidAt;

  @Option(names = "--paypal-email", paramLabel = "X")
  String paypalEmail;

  @Override
  public void run() {
    InviteResult r =
        root.usher()
            .invites()
            .invite(
                new InviteRequest(
                    email,
                    plan,
                    server,
                    location,
                    username,
                    txn,
                    seq,
                    sub,
                    amount,
                    paidAt,
                    paypalEmail,
                    1,
                    null));
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("email", r.user().email());
    fields.put("server", r.server().name());
    fields.put("account", r.account());
    fields.put("txn", r.payment().ref().txnId());
    fields.put("seq", r.payment().ref().seq());
    fields.put("start", Views.iso(r.payment().period().start()));
    fields.put("end", Views.iso(r.payment().period().end()));
    fields.put("queued", r.queued());
    if (r.queued()) {
      fields.put("reason", r.reason());
    }
    String sentence =
        r.queued()
            ? "queued: "
                + r.reason()
                + " The payment is recorded; Usher shares "
                + r.server().label()
                + " with "
                + r.account()
                + " as soon as it answers."
            : "Invited "
                + r.account()
                + " to "
                + r.server().label()
                + " until "
                + Views.iso(r.payment().period().end())
                + ".";
    root.output().done(sentence, fields);
  }
}
