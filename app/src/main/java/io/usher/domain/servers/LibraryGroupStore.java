package io.usher.domain.servers;

import java.util.List;

public interface LibraryGroupStore {
  /** Every group, built-in Private and Standard first. */
  List<String> names();

  void add(String name);
}
