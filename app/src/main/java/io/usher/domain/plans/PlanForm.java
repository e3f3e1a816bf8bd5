package io.usher.domain.plans;

import io.usher.domain.common.Inputs;
import io.usher.domain.common.Problems;
import io.usher.domain.common.ValidationException;
import io.usher.domain.money.Money;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;

/**
 * A plan as a person typed it (text fields), shared by the window and the command line so both
 * report the same sentence for the same mistake. {@link #toSpec()} reports every bad field.
 */
public record PlanForm(
    String name,
    String price,
    String currency,
    String duration,
    PlanDuration.Unit unit,
    String groups,
    String streams,
    boolean downloads,
    boolean transcode,
    String devices,
    boolean trial,
    boolean isDefault,
    boolean hidden,
    String subs,
    String stripePriceId,
    String paypalPlanId) {

  public static PlanForm of(PlanSpec spec) {
    return new PlanForm(
        spec.name(),
        spec.price().toDecimalString(),
        spec.price().currency().getCurrencyCode(),
        Integer.toString(spec.duration().amount()),
        spec.duration().unit(),
        String.join(", ", spec.groups()),
        Integer.toString(spec.maxStreams()),
        spec.downloads(),
        spec.transcode(),
        spec.maxDevices() == null ? "" : spec.maxDevices().toString(),
        spec.trial(),
        spec.isDefault(),
        spec.hidden(),
        Integer.toString(spec.maxSubs()),
        spec.stripePriceId() == null ? "" : spec.stripePriceId(),
        spec.paypalPlanId() == null ? "" : spec.paypalPlanId());
  }

  public PlanSpec toSpec() {
    Problems problems = new Problems();
    Currency cur = attempt(problems, "currency", () -> Money.currency(currency));
    Money money =
        cur == null ? null : attempt(problems, "price", () -> Money.parse("price", price, cur));
    PlanDuration length =
        attempt(
            problems,
            "duration",
            () -> PlanDuration.entered(wholeNumber("duration", duration, "duration"), unit));
    Integer maxStreams =
        attempt(problems, "streams", () -> wholeNumber("streams", streams, "number of streams"));
    Integer maxDevices =
        devices == null || devices.isBlank()
            ? null
            : attempt(
                problems, "devices", () -> wholeNumber("devices", devices, "number of devices"));
    Integer maxSubs =
        subs == null || subs.isBlank()
            ? Integer.valueOf(0)
            : attempt(problems, "subs", () -> wholeNumber("subs", subs, "number of sub-accounts"));
    // Build with stand-ins for the fields that did not parse, so the rules on the other fields
    // (name, groups, limits) are reported in the same pass.
    PlanSpec spec = null;
    try {
      spec =
          new PlanSpec(
              name,
              money != null ? money : Money.zero(cur != null ? cur : Currency.getInstance("USD")),
              length != null ? length : PlanDuration.days(1),
              splitGroups(groups),
              maxStreams != null ? maxStreams : 1,
              downloads,
              transcode,
              maxDevices,
              trial,
              isDefault,
              hidden,
              maxSubs != null ? maxSubs : 0,
              stripePriceId,
              paypalPlanId);
    } catch (ValidationException e) {
      e.errors().forEach(err -> problems.add(err.field(), err.message()));
    }
    problems.throwIfAny();
    return spec;
  }

  public static List<String> splitGroups(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  static int wholeNumber(String field, String text, String what) {
    String trimmed = text == null ? "" : text.strip();
    if (trimmed.isEmpty()) {
      throw ValidationException.of(field, "Enter the " + what + ".");
    }
    try {
      if (!Inputs.asciiInteger(trimmed)) {
        throw new NumberFormatException(trimmed);
      }
      return Integer.parseInt(trimmed);
    } catch (NumberFormatException e) {
      throw ValidationException.of(
          field, "'" + trimmed + "' is not a whole number: enter the " + what + ".");
    }
  }

  private static <T> T attempt(
      Problems problems, String field, java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (ValidationException e) {
      e.errors().forEach(err -> problems.add(field, err.message()));
      return null;
    }
  }
}
