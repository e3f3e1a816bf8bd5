package io.usher.application.imports;

import io.usher.domain.imports.ImportProblem;
import java.util.List;

/**
 * A validated bulk-invite file: the rows it would invite, and every problem found in it. Nothing is
 * imported unless {@link #valid()}.
 *
 * @param file the file's name, for messages
 * @param rows the rows that passed, in file order (all of them when the plan is valid)
 * @param problems every problem, by line; the header is line 1
 */
public record ImportPlan(String file, List<ImportRow> rows, List<ImportProblem> problems) {

  public ImportPlan {
    rows = List.copyOf(rows);
    problems = problems.stream().sorted().toList();
  }

  public boolean valid() {
    return problems.isEmpty();
  }

  public long plexRows() {
    return rows.stream().filter(ImportRow::plex).count();
  }

  /** "users.csv has 3 problems; nothing was imported." */
  public String problemSummary() {
    int n = problems.size();
    return file + " has " + n + (n == 1 ? " problem" : " problems") + "; nothing was imported.";
  }

  /** One line per problem: "Line 7: there is no server named 'Towr'. Servers: Tower, Den." */
  public List<String> problemLines() {
    return problems.stream().map(ImportProblem::text).toList();
  }

  /** The dry run: one line per row saying what would happen. */
  public List<String> describe() {
    return rows.stream().map(r -> "Line " + r.line() + ": " + r.describe()).toList();
  }

  /** "12 rows would be invited, 8 of them on Plex servers." */
  public String dryRunSummary() {
    int n = rows.size();
    long plex = plexRows();
    return n
        + (n == 1 ? " row" : " rows")
        + " would be invited"
        + (plex == 0 ? "" : ", " + plex + " of them on Plex servers")
        + "; nothing was imported.";
  }
}
