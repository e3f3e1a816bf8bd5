package io.usher.cli;

import io.usher.application.Usher;
import io.usher.domain.common.UsherException;
import io.usher.domain.notify.Mail;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * The checks the window's Test buttons make: each prints the service's verdict and exits 0, or
 * exits 1 with the failure's sentence on stderr.
 */
@Command(
    name = "test",
    description = "Check that Usher can reach a service with the settings it has.",
    subcommands = {
      TestCommand.TestMail.class,
      TestCommand.TestDiscord.class,
      TestCommand.TestStripe.class,
      TestCommand.TestPayPal.class,
      TestCommand.TestSeerr.class
    })
final class TestCommand {
  @ParentCommand RootCommand root;

  void verdict(String service, Function<Usher, String> test) {
    String sentence = test.apply(root.usher());
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("service", service);
    fields.put("verdict", sentence);
    root.output().done(sentence, fields);
  }

  @Command(
      name = "mail",
      description = "Send the test mail now through the smtp.* settings (default: to owner.email).")
  static final class TestMail implements Runnable {
    @ParentCommand TestCommand parent;

    @Option(names = "--to", paramLabel = "E", description = "Where to send it.")
    String to;

    @Override
    public void run() {
      Usher usher = parent.root.usher();
      boolean noTo = to == null || to.isBlank();
      if (noTo && usher.settings().ownerEmail().isEmpty()) {
        throw new UsherException(
            "Give the address to send the test to with --to, or set owner.email first.");
      }
      Mail sent = usher.tests().mail(to);
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("service", "mail");
      fields.put("to", sent.to());
      fields.put("subject", sent.subject());
      parent.root.output().done("Sent the test mail to " + sent.to() + ".", fields);
    }
  }

  @Command(name = "discord", description = "Ask Discord whether it accepts discord.bot-token.")
  static final class TestDiscord implements Runnable {
    @ParentCommand TestCommand parent;

    @Override
    public void run() {
      parent.verdict("discord", u -> u.discord().test());
    }
  }

  @Command(name = "stripe", description = "Ask Stripe whether it accepts stripe.secret-key.")
  static final class TestStripe implements Runnable {
    @ParentCommand TestCommand parent;

    @Override
    public void run() {
      parent.verdict("stripe", u -> u.tests().stripe());
    }
  }

  @Command(
      name = "seerr",
      description = "Ask Seerr whether it answers at seerr.url and accepts seerr.api-key.")
  static final class TestSeerr implements Runnable {
    @ParentCommand TestCommand parent;

    @Override
    public void run() {
      parent.verdict("seerr", u -> u.tests().seerr());
    }
  }

  @Command(
      name = "paypal",
      description = "Ask PayPal whether it accepts the keys of each configured PayPal account.")
  static final class TestPayPal implements Runnable {
    @ParentCommand TestCommand parent;

    @Override
    public void run() {
      parent.verdict("paypal", u -> u.tests().payPal());
    }
  }
}
