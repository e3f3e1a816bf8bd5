package io.usher.cli;

import io.usher.application.referrals.ReferralService;
import io.usher.domain.ledger.PlanChange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "referrals",
    description = {
      "Customers who paid through another user's referral link or code, and the days it earned.",
      "Turn referrals on with `usher settings set referral.percent N`."
    },
    subcommands = {ReferralsCommand.Code.class})
final class ReferralsCommand implements Runnable {
  @ParentCommand RootCommand root;

  @Override
  public void run() {
    List<Map<String, Object>> rows =
        root.usher().referrals().all().stream().map(ReferralsCommand::view).toList();
    root.output()
        .list(
            List.of("REFERRER", "REFERRED", "TXN", "CREDIT", "BONUS", "AT"),
            List.of("referrer", "referred", "txn", "creditTxn", "bonus", "at"),
            rows);
  }

  static Map<String, Object> view(ReferralService.Row r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("referrer", r.referrer());
    m.put("referred", r.referred());
    m.put("txn", r.referredTxn());
    m.put("creditTxn", r.creditTxn());
    m.put("bonus", r.bonusSeconds() == 0 ? "none" : PlanChange.span(r.bonusSeconds()));
    m.put("bonusSeconds", r.bonusSeconds());
    m.put("note", r.note());
    m.put("at", Views.iso(r.created()));
    return m;
  }

  @Command(name = "code", description = "A user's referral code and link (made if they have none).")
  static final class Code implements Runnable {
    @ParentCommand ReferralsCommand parent;

    @Parameters(
        index = "0",
        paramLabel = "USER",
        description = "The user: their email, #ID or name.")
    String email;

    @Override
    public void run() {
      ReferralService referrals = parent.root.usher().referrals();
      ReferralService.Summary summary = referrals.summary(email);
      String link = summary.link();
      String state =
          referrals.terms().on()
              ? ""
              : " Referrals are off: a code earns nothing until referral.percent is above 0.";
      parent
          .root
          .output()
          .done(
              "Referral code of "
                  + parent.root.usher().users().find(email).who()
                  + ": "
                  + summary.code()
                  + ", link "
                  + link
                  + " ("
                  + summary.referred().size()
                  + " referred)."
                  + state,
              Map.of("code", summary.code(), "link", link, "referred", summary.referred().size()));
    }
  }
}
