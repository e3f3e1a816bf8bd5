package io.usher.domain.notify;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a template's {@code {placeholders}} and builds both parts of the mail. Known placeholders
 * without a value render empty; anything else in braces stays as typed, so a typo shows in the
 * preview instead of vanishing. The HTML part is the filled text, escaped (values included), with
 * paragraphs, line breaks and clickable http(s) links.
 */
public final class Templates {
  /** Every placeholder a template may use, in the order the owner is told about them. */
  public static final List<String> PLACEHOLDERS =
      List.of(
          "name",
          "email",
          "plan",
          "expires",
          "server",
          "server_url",
          "username",
          "password",
          "checkout_url",
          "summary",
          "link",
          "hours");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
  private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"'{}]+");
  private static final String TRAILING_PUNCTUATION = ".,;:!?)]";

  private Templates() {}

  /** Renders to the address in {@code values.get("email")} (empty when there is none). */
  public static Mail render(MailTemplate template, Map<String, String> values) {
    return render(values.getOrDefault("email", ""), template, values);
  }

  public static Mail render(String to, MailTemplate template, Map<String, String> values) {
    String subject = fill(template.subject(), values).replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    String text = fill(template.body().replace("\r\n", "\n").replace('\r', '\n'), values);
    return new Mail(to, subject, text, html(text));
  }

  /** The text with each known or given placeholder replaced by its value. */
  public static String fill(String text, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder(text.length() + 64);
    while (m.find()) {
      String name = m.group(1);
      String value = values.get(name);
      String replacement = value != null ? value : PLACEHOLDERS.contains(name) ? "" : m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Plain text as a small HTML document: escaped, one {@code <p>} per paragraph. */
  public static String html(String text) {
    StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html><body>\n");
    String normalized = text.replace("\r\n", "\n").replace('\r', '\n').strip();
    for (String paragraph : normalized.split("\\n[ \\t]*\\n+")) {
      if (paragraph.isBlank()) {
        continue;
      }
      out.append("<p>");
      String[] lines = paragraph.strip().split("\n");
      for (int i = 0; i < lines.length; i++) {
        if (i > 0) {
          out.append("<br>\n");
        }
        out.append(linked(lines[i]));
      }
      out.append("</p>\n");
    }
    return out.append("</body></html>\n").toString();
  }

  private static String linked(String line) {
    Matcher m = LINK.matcher(line);
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (m.find()) {
      String url = m.group();
      int end = url.length();
      while (end > 0 && TRAILING_PUNCTUATION.indexOf(url.charAt(end - 1)) >= 0) {
        end--;
      }
      url = url.substring(0, end);
      if (url.matches("https?://")) {
        continue;
      }
      out.append(escape(line.substring(at, m.start())));
      String safe = escape(url);
      out.append("<a href=\"").append(safe).append("\">").append(safe).append("</a>");
      at = m.start() + url.length();
    }
    return out.append(escape(line.substring(at))).toString();
  }

  public static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
