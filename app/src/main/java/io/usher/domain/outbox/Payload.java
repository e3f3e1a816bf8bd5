package io.usher.domain.outbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Outbox parameters as text: {@code key=value&key=value} with {@code % & =} escaped, so the domain
 * needs no JSON library and a row stays readable in the database.
 */
public final class Payload {
  private Payload() {}

  public static String encode(Map<String, String> values) {
    return values.entrySet().stream()
        .filter(e -> e.getValue() != null)
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  public static Map<String, String> decode(String payload) {
    Map<String, String> values = new LinkedHashMap<>();
    if (payload == null || payload.isEmpty()) {
      return values;
    }
    for (String pair : payload.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      values.put(dec(key), dec(value));
    }
    return values;
  }

  private static String enc(String s) {
    return s.replace("%", "%25").replace("&", "%26").replace("=", "%3D");
  }

  private static String dec(String s) {
    return s.replace("%3D", "=").replace("%26", "&").replace("%25", "%");
  }
}
