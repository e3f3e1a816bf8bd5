package io.usher.domain.imports;

/**
 * One thing wrong with a bulk-invite file, at the file's physical line (the header is line 1).
 *
 * @param message one sentence that starts in lower case, to follow "Line N: "
 */
public record ImportProblem(int line, String message) implements Comparable<ImportProblem> {

  /** "Line 7: there is no server named 'Towr'. Servers: Tower, Den." */
  public String text() {
    return "Line " + line + ": " + message;
  }

  @Override
  public int compareTo(ImportProblem other) {
    return Integer.compare(line, other.line);
  }

  @Override
  public String toString() {
    return text();
  }
}
