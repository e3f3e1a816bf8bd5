#!/usr/bin/env bash
# Gives an app-image Usher's own launcher and its ahead-of-time caches (decision 0012).
#
# jpackage's Linux launcher asks rpm and then dpkg which package owns it on every start (and dpkg
# once more for its files when installed from the .deb): 0.1-0.3 s before the JVM starts, more
# than the whole command it runs. bin/usher becomes a small sh script instead, written from the
# launcher's own usher.cfg (same class path, same JVM options) for the image's runtime, which
# keeps bin/java for it. The script picks one of two caches: the window's when the command line
# names no command, the commands' otherwise (a cache holding both slows a command by ~80 ms).
# A one-shot command (any but serve) also gets C1 alone and the serial collector: C2's compiler
# threads and G1's set-up compete with a run of half a second for the cores (plan list
# 0.46 -> 0.32 s, a first sync of 5,000 friends 3.2 -> 2.7 s); the window and serve, which run
# for hours, keep the JVM's defaults.
#
# The caches are trained with that runtime and class path, io.usher.app.Training's one-shot
# commands for lib/app/usher.aot and, when xvfb-run is installed, the window on Xvfb's screen for
# lib/app/usher-window.aot (else the window gets the commands' cache).
set -euo pipefail
image="$1"
app="$image/lib/app"
cfg="$app/usher.cfg"
java="$image/lib/runtime/bin/java"
test -x "$java" || { echo "$java missing: the runtime must keep its native commands" >&2; exit 1; }

# The class path and the options exactly as jpackage wrote them for its launcher, with $APPDIR
# for lib/app: the caches only serve a JVM started with the class path they were trained with.
classpath="$(sed -n 's/^app.classpath=//p' "$cfg" | paste -sd:)"
mainclass="$(sed -n 's/^app.mainclass=//p' "$cfg")"
options="$(sed -n 's/^java-options=//p' "$cfg" | grep -v '^-XX:AOTCache=' | paste -sd' ')"

train() {
  local cache="$1"
  shift
  local cp="${classpath//\$APPDIR/$app}"
  # Classes only, no method profiles: their replay makes the JIT compete with a one-shot
  # command for the cores. The log goes to the scratch folder Training makes and removes.
  "$@" "$java" "-XX:AOTCacheOutput=$app/$cache" -XX:+UnlockDiagnosticVMOptions \
    -XX:-AOTRecordTraining -Xlog:aot=error $options -cp "$cp" io.usher.app.Training \
    ${window:+--window} >/dev/null 2>&1 || return 1
  test -s "$app/$cache"
}
window="" train usher.aot
# A window that cannot open here (no GTK, say) or hangs costs speed, never the package.
if ! command -v xvfb-run >/dev/null; then
  echo "No xvfb-run: the window's AOT cache is the commands' (install xvfb for a faster window)."
  cp "$app/usher.aot" "$app/usher-window.aot"
elif ! window=yes train usher-window.aot timeout 300 xvfb-run -a -s "-screen 0 1400x900x24"; then
  echo "The window did not open under Xvfb: the window's AOT cache is the commands'."
  cp "$app/usher.aot" "$app/usher-window.aot"
fi

launcher="$image/bin/usher"
cat >"$launcher" <<SCRIPT
#!/bin/sh
# Usher's launcher (jpackage/aot-train.sh wrote it from jpackage's usher.cfg). It starts the JVM
# with the AOT cache for what is asked: the window's when no command is named, else the commands'.
# A one-shot command (any but serve) also runs with C1 alone and the serial collector.
APPDIR="\$(dirname "\$(readlink -f "\$0")")/../lib/app"
cache=usher-window.aot
jit=
skip=
for arg in "\$@"; do
  if [ -n "\$skip" ]; then skip=; continue; fi
  case "\$arg" in
    --data-dir) skip=yes ;;
    --data-dir=*) ;;
    serve) cache=usher.aot; break ;;
    *) cache=usher.aot; jit="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"; break ;;
  esac
done
exec "\$APPDIR/../runtime/bin/java" "-XX:AOTCache=\$APPDIR/\$cache" \$jit $options \\
  -cp "$classpath" $mainclass "\$@"
SCRIPT
chmod 755 "$launcher"
echo "Launcher and AOT caches for the app-image: $(du -m "$app"/*.aot | tr '\t\n' '  ')"
