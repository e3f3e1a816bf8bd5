package io.usher.cli;

import io.usher.application.Usher;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * One opened ledger shared by many command lines in a test: opening and migrating the database for
 * each of hundreds of generated commands would make the tests too slow to run often.
 */
final class OpenLedger {
  private OpenLedger() {}

  /** {@code usher}, except that the command line's close at its end leaves it open. */
  static Usher keptOpen(Usher usher) {
    return (Usher)
        Proxy.newProxyInstance(
            Usher.class.getClassLoader(),
            new Class<?>[] {Usher.class},
            (proxy, method, args) -> {
              if (method.getName().equals("close")) {
                return null;
              }
              try {
                return method.invoke(usher, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
