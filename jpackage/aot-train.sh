#!/usr/bin/env bash
# Trains the JVM's ahead-of-time cache for an app-image (decision 0012) and makes its launcher use
# it. The image's runtime has no bin/java, so the image's own launcher runs the training, with the
# launcher's exact class path: it records a one-shot command on a scratch data folder's ledger,
# then writes lib/app/usher.aot from that record, and the launcher's java-options get -XX:AOTCache.
set -euo pipefail
image="$1"
app="$image/lib/app"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch" "$app/usher.aotconf"' EXIT
quiet="-Xlog:aot=error -Dusher.logDir=$scratch/logs"
# Classes only, no method profiles (they make the JIT compile at once, slowing a one-shot command).
quiet="$quiet -XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining"
# The ledger is made first, so that the run recorded is an owner's usual one: an existing ledger.
"$image/bin/usher" --data-dir "$scratch/data" plan list >/dev/null 2>&1
JAVA_TOOL_OPTIONS="-XX:AOTMode=record -XX:AOTConfiguration=$app/usher.aotconf $quiet" \
  "$image/bin/usher" --data-dir "$scratch/data" plan list >/dev/null 2>&1
JAVA_TOOL_OPTIONS="-XX:AOTMode=create -XX:AOTConfiguration=$app/usher.aotconf -XX:AOTCache=$app/usher.aot $quiet" \
  "$image/bin/usher" --data-dir "$scratch/data" plan list >/dev/null 2>&1
test -s "$app/usher.aot"
# Beside the launcher's other JVM options, wherever jpackage put them in the file.
if ! grep -q '^java-options=-XX:AOTCache=' "$app/usher.cfg"; then
  last="$(grep -n '^java-options=' "$app/usher.cfg" | tail -1 | cut -d: -f1)"
  sed -i "${last}a java-options=-XX:AOTCache=\$APPDIR/usher.aot" "$app/usher.cfg"
fi
echo "AOT cache for the app-image: $app/usher.aot ($(du -m "$app/usher.aot" | cut -f1) MB)"
