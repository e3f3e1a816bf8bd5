#!/usr/bin/env bash
# Trains the jar's ahead-of-time caches (decision 0012), run by the build at package:
# target/usher.aot on io.usher.app.Training's one-shot commands, for commands, and
# target/usher-window.aot for the window: the same commands and then, when Xvfb's xvfb-run is
# installed, the window on Xvfb's screen rather than the developer's (JavaFX's classes are most of
# the window's start). Two caches, because one holding both slows every command by ~80 ms.
# Without xvfb-run the window gets the commands' cache. Arguments: java, the jar, the target dir.
set -euo pipefail
java="$1"
jar="$2"
target="$3"
train() {
  local cache="$1"
  shift
  # Classes only, no method profiles: replaying a long training run's profiles makes the JIT
  # compile at once, on the two cores a one-shot command needs (plan list 0.54 s -> 0.44 s).
  # Only errors are logged: the JDK lists every class it leaves out.
  "$@" "$java" "-XX:AOTCacheOutput=$target/$cache" -XX:+UnlockDiagnosticVMOptions \
    -XX:-AOTRecordTraining -Xlog:aot=error -Dorg.jooq.no-logo=true -Dorg.jooq.no-tips=true \
    -cp "$jar" io.usher.app.Training ${window:+--window}
}
window="" train usher.aot
# A window that cannot open here (no GTK, say) or hangs costs speed, never the build.
if ! command -v xvfb-run >/dev/null; then
  echo "No xvfb-run: the window's AOT cache is the commands' (install xvfb for a faster window)."
  cp "$target/usher.aot" "$target/usher-window.aot"
elif ! window=yes train usher-window.aot timeout 300 xvfb-run -a -s "-screen 0 1400x900x24"; then
  echo "The window did not open under Xvfb: the window's AOT cache is the commands'."
  cp "$target/usher.aot" "$target/usher-window.aot"
fi
