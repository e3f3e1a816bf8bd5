package io.usher.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** stdout for commands: aligned tables for people, JSON with --json. Nothing else goes there. */
final class Output {
  /** Built only for --json: a table needs no mapper, and building one costs a command's start. */
  private static final class Json {
    static final JsonMapper MAPPER = JsonMapper.builder().build();
  }

  private final PrintWriter out;
  private final boolean json;

  Output(PrintWriter out, boolean json) {
    this.out = out;
    this.json = json;
  }

  boolean json() {
    return json;
  }

  /** A list: JSON array of objects, or a table with the given columns (keys of each map). */
  void list(List<String> headers, List<String> keys, List<Map<String, Object>> rows) {
    if (json) {
      out.println(Json.MAPPER.writeValueAsString(rows));
      return;
    }
    if (rows.isEmpty()) {
      out.println("(none)");
      return;
    }
    List<List<String>> cells = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      cells.add(keys.stream().map(k -> cell(row.get(k))).toList());
    }
    int[] width = new int[headers.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = headers.get(i).length();
      for (List<String> r : cells) {
        width[i] = Math.max(width[i], r.get(i).length());
      }
    }
    printRow(headers, width);
    for (List<String> r : cells) {
      printRow(r, width);
    }
  }

  /** The result of a command that did something: {"ok": true, …} or one line for people. */
  void done(String sentence, Map<String, Object> fields) {
    done(sentence, fields, true);
  }

  /**
   * The result of a command that did part of its work: {@code ok} says whether all of it was done,
   * as the exit code does.
   */
  void done(String sentence, Map<String, Object> fields, boolean ok) {
    if (json) {
      Map<String, Object> obj = new LinkedHashMap<>();
      obj.put("ok", ok);
      obj.putAll(fields);
      out.println(Json.MAPPER.writeValueAsString(obj));
    } else {
      out.println(sentence);
    }
  }

  void line(String text) {
    out.println(text);
  }

  private void printRow(List<String> cells, int[] width) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      line.append(c);
      if (i < cells.size() - 1) {
        line.append(" ".repeat(width[i] - c.length() + 2));
      }
    }
    out.println(line.toString().stripTrailing());
  }

  private static String cell(Object value) {
    if (value == null) {
      return "-";
    }
    if (value instanceof List<?> list) {
      return list.isEmpty() ? "-" : String.join(", ", list.stream().map(String::valueOf).toList());
    }
    if (value instanceof Boolean b) {
      return b ? "yes" : "no";
    }
    return value.toString();
  }
}
