package io.usher.application;

/** Opens the data directory a front was pointed at (null: USHER_HOME, else the OS default). */
@FunctionalInterface
public interface UsherOpener {
  Usher open(String dataDirOption);
}
