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

  @Parameters(index = "0", paramLabel = "MASTER-EMAIL")
  String master;

  @Parameters(index = "1", paramLabel = "SUB-EMAIL")
  String sub;

  @Override
  public void run() {
    User m = root.usher().links().link(master, sub);
    int count = root.usher().links().subs(master).size();
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("master", m.email());
    fields.put("sub", sub.strip().toLowerCase(java.util.Locale.ROOT));
    fields.put("subs", count);
    root.output()
        .done(
            "Linked "
                + fields.get("sub")
                + " to "
                + m.email()
                + " ("
                + count
                + (count == 1 ? " sub-account)." : " sub-accounts)."),
            fields);
  }
}
