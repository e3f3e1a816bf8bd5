package io.usher.cli;

import io.usher.domain.users.User;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "link",
    description = "Link a sub-account to a master: every master payment then pays for the sub too.")
final class LinkCommand implements Runnable {
  @ParentCommand RootCommand root;

  @Parameters(
      index = "0",
      paramLabel = "MASTER",
      description = "The paying user: their email, #ID or name.")
  String master;

  @Parameters(
      index = "1",
      paramLabel = "SUB",
      description = "The user it pays for: their email, #ID or name.")
  String sub;

  @Override
  public void run() {
    User m = root.usher().links().link(master, sub);
    int count = root.usher().links().subs(master).size();
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("master", m.who());
    fields.put("sub", root.usher().users().find(sub).who());
    fields.put("subs", count);
    root.output()
        .done(
            "Linked "
                + fields.get("sub")
                + " to "
                + m.who()
                + " ("
                + count
                + (count == 1 ? " sub-account)." : " sub-accounts)."),
            fields);
  }
}
