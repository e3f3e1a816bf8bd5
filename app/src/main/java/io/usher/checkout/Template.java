package io.usher.checkout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small HTML template from this package's resources with {@code {{name}}} placeholders. Strings
 * are escaped; only {@link Html.Markup} the pages built themselves goes in as it is.
 */
final class Template {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z]+)}}");
  private final String name;
  private final String text;

  private Template(String name, String text) {
    this.name = name;
    this.text = text;
  }

  static Template load(String name) {
    try (InputStream in = Template.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Missing checkout template " + name);
      }
      return new Template(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String render(Map<String, ?> values) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder(text.length() * 2);
    while (m.find()) {
      String key = m.group(1);
      if (!values.containsKey(key)) {
        throw new IllegalStateException("Template " + name + " needs a value for " + key);
      }
      Object value = values.get(key);
      String html =
          value instanceof Html.Markup markup
              ? markup.html()
              : Html.escape(value == null ? "" : value.toString());
      m.appendReplacement(out, Matcher.quoteReplacement(html));
    }
    m.appendTail(out);
    return out.toString();
  }
}
