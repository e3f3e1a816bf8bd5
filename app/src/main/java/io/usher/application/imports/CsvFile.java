package io.usher.application.imports;

import io.usher.domain.imports.Column;
import io.usher.domain.imports.ImportProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A bulk-invite file read with Commons CSV: the header's columns, and each row's values with the
 * physical line it starts on (a quoted value may span lines, so record numbers are not lines). A
 * UTF-8 byte order mark and blank lines are accepted.
 */
final class CsvFile {
  /** Longer than any value a column can hold (the longest, an email, is 320). */
  static final int MAX_CELL = 1000;

  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT
          .builder()
          .setIgnoreEmptyLines(true)
          .setTrim(true)
          .setIgnoreSurroundingSpaces(true)
          .get();

  /** One row: its line and the values by column ("" when absent). */
  record Row(int line, Map<Column, String> values) {
    String get(Column column) {
      return values.getOrDefault(column, "");
    }

    boolean has(Column column) {
      return !get(column).isEmpty();
    }
  }

  final List<ImportProblem> problems = new ArrayList<>();
  final List<Row> rows = new ArrayList<>();
  private Column[] columns;
  private boolean missingColumns;

  private CsvFile() {}

  static CsvFile parse(String text) {
    CsvFile file = new CsvFile();
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    int[] lineStarts = lineStarts(body);
    int lastLine = 0;
    try (CSVParser parser = CSVParser.parse(body, FORMAT)) {
      for (CSVRecord record : parser) {
        int line = lineOf(lineStarts, start(body, record.getCharacterPosition()));
        lastLine = line;
        if (blank(record)) {
          continue;
        }
        if (file.columns == null) {
          file.header(record, line);
        } else {
          file.row(record, line);
        }
      }
    } catch (UncheckedIOException | IOException | IllegalStateException e) {
      file.problems.add(
          new ImportProblem(
              lastLine + 1,
              "the file is not valid CSV from here on (a quoted value that never closes?)."));
    }
    if (file.columns == null) {
      file.problems.add(
          new ImportProblem(
              1,
              "the file is empty: it needs a header row with the columns "
                  + mandatoryList()
                  + "."));
    }
    return file;
  }

  /** True when the header lacks a mandatory column: no row can be read then. */
  boolean unreadable() {
    return columns == null || missingColumns;
  }

  private void header(CSVRecord record, int line) {
    columns = new Column[record.size()];
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < record.size(); i++) {
      String name = record.get(i);
      if (name.isEmpty()) {
        continue;
      }
      Column column = Column.of(name).orElse(null);
      if (column == null) {
        problems.add(
            new ImportProblem(
                line,
                "the column '"
                    + name
                    + "' is not one Usher knows. Columns: "
                    + String.join(", ", Arrays.stream(Column.values()).map(Column::header).toList())
                    + "."));
      } else if (seen.contains(column.header())) {
        problems.add(
            new ImportProblem(line, "the column '" + column.header() + "' appears twice."));
      } else {
        seen.add(column.header());
        columns[i] = column;
      }
    }
    for (Column mandatory : Column.mandatoryColumns()) {
      if (!seen.contains(mandatory.header())) {
        missingColumns = true;
        problems.add(
            new ImportProblem(
                line,
                "the header has no '"
                    + mandatory.header()
                    + "' column; the mandatory columns are "
                    + mandatoryList()
                    + "."));
      }
    }
  }

  private void row(CSVRecord record, int line) {
    Map<Column, String> values = new EnumMap<>(Column.class);
    for (int i = 0; i < record.size(); i++) {
      String value = record.get(i);
      if (i >= columns.length) {
        if (!value.isEmpty()) {
          problems.add(
              new ImportProblem(
                  line,
                  "the row has more values than the header has columns (" + columns.length + ")."));
          return;
        }
      } else if (columns[i] != null) {
        if (value.length() > MAX_CELL) {
          problems.add(
              new ImportProblem(
                  line,
                  "the "
                      + columns[i].header()
                      + " is longer than "
                      + MAX_CELL
                      + " characters; no column holds that much."));
          return;
        }
        values.put(columns[i], value);
      }
    }
    rows.add(new Row(line, values));
  }

  private static boolean blank(CSVRecord record) {
    for (String value : record) {
      if (!value.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private static String mandatoryList() {
    List<String> names = Column.mandatoryColumns().stream().map(Column::header).toList();
    return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
  }

  /** Where each physical line begins; \n, \r\n and a lone \r all end a line. */
  private static int[] lineStarts(String text) {
    int[] starts = new int[16];
    int count = 0;
    starts[count++] = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean end =
          c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
      if (end) {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    return Arrays.copyOf(starts, count);
  }

  /** Commons CSV places a record after skipped blank lines at their start: step over them. */
  private static int start(String body, long position) {
    int at = (int) position;
    while (at < body.length() && (body.charAt(at) == '\n' || body.charAt(at) == '\r')) {
      at++;
    }
    return at;
  }

  private static int lineOf(int[] lineStarts, long position) {
    int found = Arrays.binarySearch(lineStarts, (int) position);
    return (found >= 0 ? found : -found - 2) + 1;
  }
}
