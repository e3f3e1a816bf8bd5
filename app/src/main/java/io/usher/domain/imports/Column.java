package io.usher.domain.imports;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The columns of a bulk-invite file, matched on their header without regard to case or spaces. */
public enum Column {
  EMAIL("Email", true),
  SERVER("Server Name", true),
  PLAN("Plan Name", true),
  TXN("Transaction ID", false),
  SEQ("Sequence", false),
  QUANTITY("Quantity", false),
  AMOUNT("Amount", false),
  PAID_AT("Paid At", false),
  END("End Date", false),
  PAYPAL_EMAIL("PayPal Email", false),
  SUBSCRIPTION("Subscription ID", false),
  USERNAME("Username", false);

  private final String header;
  private final boolean mandatory;

  Column(String header, boolean mandatory) {
    this.header = header;
    this.mandatory = mandatory;
  }

  /** The header as the example file writes it. */
  public String header() {
    return header;
  }

  public boolean mandatory() {
    return mandatory;
  }

  /** " Server NAME " finds SERVER; an unknown header finds nothing. */
  public static Optional<Column> of(String header) {
    String key = key(header);
    return Arrays.stream(values()).filter(c -> key(c.header).equals(key)).findFirst();
  }

  public static List<Column> mandatoryColumns() {
    return Arrays.stream(values()).filter(Column::mandatory).toList();
  }

  private static String key(String header) {
    return header == null ? "" : header.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
