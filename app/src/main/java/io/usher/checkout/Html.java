package io.usher.checkout;

/** Escaping for the checkout pages: every value from outside goes through {@link #escape}. */
public final class Html {
  private Html() {}

  /** Markup the pages built themselves (already escaped), inserted into a template as it is. */
  public record Markup(String html) {}

  /** Escapes text for an element's content or a quoted attribute value. */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        case '`' -> out.append("&#96;");
        case '=' -> out.append("&#61;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
