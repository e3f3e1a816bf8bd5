package io.usher.cli;

import io.usher.application.discounts.DiscountService;
import io.usher.domain.discounts.Discount;
import io.usher.domain.discounts.DiscountForm;
import io.usher.domain.plans.Plan;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "discount",
    description = "Create, list, edit, switch off and remove discount codes.",
    subcommands = {
      DiscountCommand.Add.class,
      DiscountCommand.ListCodes.class,
      DiscountCommand.Set.class,
      DiscountCommand.Enable.class,
      DiscountCommand.Disable.class,
      DiscountCommand.Remove.class
    })
final class DiscountCommand {
  @ParentCommand RootCommand root;

  /** Exactly one of the two ways to say what a code takes off. */
  static final class Value {
    @Option(names = "--percent", paramLabel = "N", description = "Percentage off (1–100).")
    Integer percent;

    @Option(names = "--amount", paramLabel = "A", description = "Amount off, like 5.00.")
    String amount;
  }

  /** What add and set share; an option left out keeps the code's value (set) or its default. */
  static final class Limits {
    @Option(
        names = "--currency",
        paramLabel = "CUR",
        description = "Currency of --amount (default: the plans' currency).")
    String currency;

    @Option(
        names = "--expires",
        paramLabel = "ISO",
        converter = InstantConverter.class,
        description = "When the code stops working (a bare date: 00:00 UTC that day).")
    Instant expires;

    @Option(names = "--max-uses", paramLabel = "N", description = "Uses in all; 0: no limit.")
    Integer maxUses;

    @Option(names = "--email", paramLabel = "E", description = "Only this customer may use it.")
    String email;
  }

  @Command(name = "add", description = "Create a discount code; each customer may use it once.")
  static final class Add implements Runnable {
    @ParentCommand DiscountCommand parent;

    @Parameters(index = "0", paramLabel = "CODE", description = "The code customers type.")
    String code;

    @ArgGroup(multiplicity = "1")
    Value value;

    @picocli.CommandLine.Mixin Limits limits = new Limits();

    @Override
    public void run() {
      DiscountService discounts = parent.root.usher().discounts();
      boolean percent = value.percent != null;
      Discount d =
          discounts.create(
              new DiscountForm(
                      code,
                      percent ? DiscountForm.Kind.PERCENT : DiscountForm.Kind.AMOUNT,
                      percent ? value.percent.toString() : value.amount,
                      percent ? "" : currency(parent, limits.currency),
                      limits.expires,
                      uses(limits.maxUses),
                      limits.email,
                      true)
                  .toSpec());
      parent.root.output().done("Created discount code " + d.code() + ".", view(d, discounts));
    }
  }

  @Command(name = "list", description = "List discount codes with their uses.")
  static final class ListCodes implements Runnable {
    @ParentCommand DiscountCommand parent;

    @Override
    public void run() {
      DiscountService discounts = parent.root.usher().discounts();
      List<Map<String, Object>> rows =
          discounts.list().stream().map(d -> view(d, discounts)).toList();
      parent
          .root
          .output()
          .list(
              List.of("CODE", "OFF", "EXPIRES", "USES", "MAX", "EMAIL", "STATUS"),
              List.of("code", "off", "expires", "uses", "maxUses", "email", "status"),
              rows);
    }
  }

  @Command(name = "set", description = "Edit a discount code; options as for discount add.")
  static final class Set implements Runnable {
    @ParentCommand DiscountCommand parent;

    @Parameters(index = "0", paramLabel = "CODE")
    String code;

    @ArgGroup(multiplicity = "0..1")
    Value value;

    @picocli.CommandLine.Mixin Limits limits = new Limits();

    @Override
    public void run() {
      DiscountService discounts = parent.root.usher().discounts();
      Discount before = discounts.byCode(code);
      DiscountForm was = DiscountForm.of(before.spec());
      DiscountForm.Kind kind =
          value == null
              ? was.kind()
              : value.percent != null ? DiscountForm.Kind.PERCENT : DiscountForm.Kind.AMOUNT;
      String amount =
          value == null
              ? was.value()
              : value.percent != null ? value.percent.toString() : value.amount;
      String currency =
          kind == DiscountForm.Kind.PERCENT
              ? ""
              : limits.currency != null
                  ? limits.currency
                  : was.currency().isEmpty() ? currency(parent, null) : was.currency();
      Discount after =
          discounts.update(
              before.id(),
              new DiscountForm(
                      before.code(),
                      kind,
                      amount,
                      currency,
                      limits.expires != null ? limits.expires : was.expires(),
                      limits.maxUses != null ? uses(limits.maxUses) : was.maxUses(),
                      limits.email != null ? limits.email : was.onlyEmail(),
                      was.enabled())
                  .toSpec());
      parent
          .root
          .output()
          .done("Updated discount code " + after.code() + ".", view(after, discounts));
    }
  }

  @Command(name = "enable", description = "Switch a discount code back on.")
  static final class Enable implements Runnable {
    @ParentCommand DiscountCommand parent;

    @Parameters(index = "0", paramLabel = "CODE")
    String code;

    @Override
    public void run() {
      parent.switchTo(code, true);
    }
  }

  @Command(name = "disable", description = "Switch a discount code off; customers are refused it.")
  static final class Disable implements Runnable {
    @ParentCommand DiscountCommand parent;

    @Parameters(index = "0", paramLabel = "CODE")
    String code;

    @Override
    public void run() {
      parent.switchTo(code, false);
    }
  }

  private void switchTo(String code, boolean on) {
    DiscountService discounts = root.usher().discounts();
    Discount d = discounts.setEnabled(code, on);
    root.output()
        .done("Discount code " + d.code() + (on ? " is on." : " is off."), view(d, discounts));
  }

  @Command(name = "remove", description = "Remove a discount code nobody has used.")
  static final class Remove implements Runnable {
    @ParentCommand DiscountCommand parent;

    @Parameters(index = "0", paramLabel = "CODE")
    String code;

    @Override
    public void run() {
      DiscountService discounts = parent.root.usher().discounts();
      String name = discounts.byCode(code).code();
      discounts.remove(code);
      parent.root.output().done("Removed discount code " + name + ".", Map.of("code", name));
    }
  }

  /** 0 on the command line means no limit, as an empty field does in the window. */
  private static String uses(Integer maxUses) {
    return maxUses == null || maxUses == 0 ? "" : maxUses.toString();
  }

  /** The currency of an amount off: given, else the one all plans share. */
  private static String currency(DiscountCommand parent, String given) {
    if (given != null) {
      return given;
    }
    java.util.Set<Currency> used =
        parent.root.usher().plans().list().stream()
            .map(Plan::price)
            .map(p -> p.currency())
            .collect(Collectors.toSet());
    if (used.size() != 1) {
      throw new io.usher.domain.common.ValidationException(
          List.of(
              new io.usher.domain.common.FieldError(
                  "currency", "Give --currency: the plans do not share one currency.")));
    }
    return used.iterator().next().getCurrencyCode();
  }

  private static Map<String, Object> view(Discount d, DiscountService discounts) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("code", d.code());
    m.put("off", d.spec().describe());
    m.put("expires", Views.iso(d.spec().expires()));
    m.put("uses", d.uses());
    m.put("maxUses", d.spec().maxUses());
    m.put("email", d.spec().onlyEmail());
    m.put("status", discounts.status(d).label());
    return m;
  }
}
