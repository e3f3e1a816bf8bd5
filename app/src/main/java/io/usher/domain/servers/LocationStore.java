package io.usher.domain.servers;

import java.util.List;

public interface LocationStore {
  List<String> names();

  void add(String name);
}
