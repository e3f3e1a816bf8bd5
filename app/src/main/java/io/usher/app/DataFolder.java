package io.usher.app;

import io.usher.domain.common.UsherException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The data folder holds the ledger, secrets sealed with a key beside it, and the log: on POSIX it
 * is the owner's alone (700, files 600). Java cannot set a umask, so what H2 and the log create
 * with the process's umask is narrowed here on every open; the folder's own 700 already keeps
 * everyone else out of whatever is created in between.
 */
final class DataFolder {
  static final String KEY_FILE = "usher.key";
  private static final Set<PosixFilePermission> OWNER_DIR =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OWNER_FILE =
      PosixFilePermissions.fromString("rw-------");

  /** The folders Usher itself makes inside the data folder. */
  private static final List<String> INNER = List.of("logs", "backups");

  private DataFolder() {}

  /** Creates the folder if needed and narrows it and what it holds to the owner. */
  static void secure(Path dir) {
    try {
      if (Files.notExists(dir)) {
        Files.createDirectories(dir, ownerOnly(OWNER_DIR));
      }
      narrow(dir, OWNER_DIR);
      try (Stream<Path> top = Files.list(dir)) {
        for (Path p : top.toList()) {
          if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            narrow(p, OWNER_FILE);
          } else if (INNER.contains(p.getFileName().toString())) {
            narrow(p, OWNER_DIR);
            try (Stream<Path> inner = Files.list(p)) {
              for (Path f : inner.toList()) {
                if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                  narrow(f, OWNER_FILE);
                }
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UsherException(
          "Could not prepare the data folder " + dir + ": " + e.getMessage() + ".", e);
    }
  }

  /**
   * A per-install secret of {@code bytes} random bytes kept in {@code name} in the data folder
   * (600), made on first use; never inside the database, so a copy of the database lacks it.
   */
  static byte[] secret(Path dir, String name, int bytes) {
    Path file = dir.resolve(name);
    try {
      if (Files.exists(file)) {
        byte[] stored = Files.readAllBytes(file);
        if (stored.length == bytes) {
          return stored;
        }
        throw new UsherException(
            name
                + " in "
                + dir
                + " is damaged ("
                + stored.length
                + " bytes instead of "
                + bytes
                + "): restore it from where you keep a copy of the data folder.");
      }
      byte[] fresh = new byte[bytes];
      new SecureRandom().nextBytes(fresh);
      try {
        Files.createFile(file, ownerOnly(OWNER_FILE));
      } catch (FileAlreadyExistsException raced) {
        return secret(dir, name, bytes);
      }
      Files.write(file, fresh);
      return fresh;
    } catch (IOException e) {
      throw new UsherException("Could not read " + file + ": " + e.getMessage() + ".", e);
    }
  }

  private static FileAttribute<?>[] ownerOnly(Set<PosixFilePermission> perms) {
    return posix()
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(perms)}
        : new FileAttribute<?>[0];
  }

  private static void narrow(Path p, Set<PosixFilePermission> perms) throws IOException {
    if (posix() && !Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS).equals(perms)) {
      Files.setPosixFilePermissions(p, perms);
    }
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }
}
