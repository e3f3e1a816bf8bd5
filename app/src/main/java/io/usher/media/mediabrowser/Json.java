package io.usher.media.mediabrowser;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Lenient reads of the PascalCase trees both servers send: absent and null mean "not said". */
public final class Json {
  private Json() {}

  /** The field as text (numbers too: Emby's ids are numeric in places); null when absent. */
  public static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (value.isString()) {
      String text = value.stringValue();
      return text.isBlank() ? null : text;
    }
    return value.isNumber() ? value.asString() : null;
  }

  public static boolean flag(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isBoolean() && value.booleanValue();
  }

  /** True only when the field is present and false (absent is "not said", not false). */
  public static boolean saysFalse(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isBoolean() && !value.booleanValue();
  }

  public static int number(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isNumber() ? value.asInt() : 0;
  }

  public static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    for (JsonNode value : array) {
      if (value.isString() || value.isNumber()) {
        values.add(value.asString());
      }
    }
    return values;
  }
}
