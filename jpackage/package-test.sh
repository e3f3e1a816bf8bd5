#!/usr/bin/env bash
# The .deb proven by installing it, as a headless owner would (issue 15):
#   build the app-image and the .deb (the jpackage profile), install it, run `usher --version`,
#   set up a ledger and run `usher serve` as the service would (its own user, /var/lib/usher)
#   until /health answers; package the same files as a higher version, install it over the
#   first and check the ledger is there and the service still set up; remove it and check the data
#   is kept. Prints the package's size. Leaves the machine as it found it.
#   Both packages hold the same schema, so before the upgrade the ledger is taken back to the
#   schema before the newest migration (its undo is below, checked against the jar): the upgrade's
#   first command must then back it up and migrate it, as after a real upgrade.
#
# Needs root, dpkg and fakeroot; skips with a sentence where they are missing. Refuses to run
# where Usher is installed or /var/lib/usher exists: it would be an owner's.
#
#   jpackage/package-test.sh            build, then test
#   jpackage/package-test.sh --built    test the packages already in app/target/jpackage
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/app/target/jpackage"
data=/var/lib/usher

skip() {
  echo "package test skipped: $*"
  exit 0
}
fail() {
  echo "package test FAILED: $*" >&2
  exit 1
}
step() { echo "package test: $*"; }

[ "$(id -u)" = 0 ] || skip "installing a .deb needs root"
command -v dpkg >/dev/null || skip "this is not a Debian system (no dpkg)"
command -v fakeroot >/dev/null || skip "jpackage needs fakeroot for a .deb (apt-get install fakeroot)"
if dpkg-query -W -f='${Status}' usher 2>/dev/null | grep -q '^install ok installed'; then
  fail "Usher is installed on this machine; remove it first (dpkg -r usher)"
fi
[ ! -e "$data" ] || fail "$data exists (an owner's data?); move it away first"

user_existed=$(getent passwd usher >/dev/null && echo yes || echo no)
serve_pid=
cleanup() {
  if [ -n "$serve_pid" ]; then kill "$serve_pid" 2>/dev/null || true; fi
  dpkg -P usher >/dev/null 2>&1 || true
  rm -rf "$data"
  if [ "$user_existed" = no ] && getent passwd usher >/dev/null; then
    userdel usher >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

if [ "${1:-}" != --built ]; then
  step "building the app-image and the .deb"
  # Fast compression for the .deb this test installs: jpackage's dpkg-deb would spend 80 s of
  # the build's two cores on xz. What is tested (install, serve, upgrade, remove) is the same.
  (cd "$root" && DPKG_DEB_COMPRESSOR_TYPE=gzip DPKG_DEB_COMPRESSOR_LEVEL=1 \
    ./mvnw -B -q -Pjpackage verify -DskipTests -Dspotless.check.skip=true)
fi
first=$(ls "$out"/usher_*_amd64.deb 2>/dev/null | sort -V | head -1)
[ -n "$first" ] || fail "no .deb in $out"
version=$(dpkg-deb -f "$first" Version)

install() {
  if ! dpkg -i "$1" >/tmp/usher-dpkg.log 2>&1; then
    # A missing dependency (GTK for the window): let apt bring it, as an owner's apt would.
    { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -f -y -q; } \
      >>/tmp/usher-dpkg.log 2>&1 || {
      cat /tmp/usher-dpkg.log >&2
      fail "dpkg -i $(basename "$1") failed"
    }
  fi
}
# Whether GET /health answers 200 on the port.
health() {
  (
    exec 3<>"/dev/tcp/127.0.0.1/$1"
    printf 'GET /health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
    read -r -t 5 status <&3
    [[ "$status" == "HTTP/1."?" 200"* ]]
  ) 2>/dev/null
}
as_usher() { runuser -u usher -- /usr/bin/usher --data-dir "$data" "$@"; }

step "installing $(basename "$first")"
install "$first"
said=$(usher --version)
[[ "$said" == "usher "* ]] || fail "usher --version said: $said"
getent passwd usher >/dev/null || fail "no usher system user"
[ "$(stat -c %U "$data")" = usher ] || fail "$data is not the usher user's"
[ -f /lib/systemd/system/usher.service ] || fail "no usher.service"
if command -v systemd-analyze >/dev/null; then
  systemd-analyze verify /lib/systemd/system/usher.service || fail "usher.service does not verify"
fi
if [ -d /run/systemd/system ] && systemctl is-enabled --quiet usher.service; then
  fail "usher.service is enabled by the install; it must wait for the owner"
fi

step "setting up a ledger and serving it as the service does"
as_usher plan add --name=Monthly --price=10 --months=1 --currency=USD --streams=2 \
  --groups=Standard >/dev/null
as_usher user add --email=ann@example.com --name=Ann >/dev/null
as_usher payment add --email=ann@example.com --plan=Monthly --txn=pkg-test-1 >/dev/null
# A free port, found with bash alone (a CI box may lack python and curl).
port=18765
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
as_usher settings set checkout.port "$port" >/dev/null
# The unit's ExecStart, as its user.
runuser -u usher -- /opt/usher/bin/usher --data-dir "$data" serve >/tmp/usher-serve.log 2>&1 &
serve_pid=$!
up=no
for _ in $(seq 1 60); do
  if health "$port"; then
    up=yes
    break
  fi
  sleep 0.5
done
[ "$up" = yes ] || { cat /tmp/usher-serve.log >&2; fail "serve did not answer /health within 30 s"; }
# The launcher gives one-shot commands C1 alone and the serial collector, never serve.
served=$(pgrep -f "io.usher.app.Launcher --data-dir $data serve" | head -1)
grep -aq -- "-XX:AOTCache=[^ ]*/usher.aot" "/proc/$served/cmdline" || fail "serve runs without the commands' cache"
! grep -aq -- TieredStopAtLevel "/proc/$served/cmdline" || fail "serve runs with the one-shot options"
sh -x /opt/usher/bin/usher --data-dir "$data" --version 2>&1 | grep -q -- '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC' ||
  fail "a one-shot command runs without the one-shot options"
kill "$serve_pid"
wait "$serve_pid" 2>/dev/null || true
serve_pid=

step "taking the ledger back to the schema before the newest migration"
# The zip's directory keeps entry names uncompressed, so grep finds them without unzip.
newest=$(grep -ao 'db/migration/V[0-9]*__[a-z0-9_]*\.sql' /opt/usher/lib/app/usher.jar |
  sed 's|.*/||' | sort -uV | tail -1)
[ "$newest" = V22__ip_places.sql ] ||
  fail "the newest migration is now $newest: give this script its undo (it knows V22's)"
h2=$(ls /opt/usher/lib/app/lib/h2-*.jar)
runuser -u usher -- /opt/usher/lib/runtime/bin/java -cp "$h2" org.h2.tools.Shell \
  -url "jdbc:h2:file:$data/usher" -user usher -password "" \
  -sql 'DROP TABLE ip_places; DELETE FROM "flyway_schema_history" WHERE "version" = '"'"'22'"'"'' \
  >/tmp/usher-h2.log 2>&1 || { cat /tmp/usher-h2.log >&2; fail "could not take the ledger back"; }

step "packaging the same files as a higher version and installing it over the first"
next="${version%.*}.$((${version##*.} + 1))"
second=$(mktemp -d)/usher_${next}_amd64.deb
repack=$(mktemp -d)
dpkg-deb -R "$first" "$repack/usher"
sed -i "s/^Version: .*/Version: $next/" "$repack/usher/DEBIAN/control"
# Fast compression: this package is only installed here.
dpkg-deb -Zgzip -z1 --root-owner-group -b "$repack/usher" "$second" >/dev/null
rm -rf "$repack"
install "$second"
[ "$(dpkg-query -W -f='${Version}' usher)" = "$next" ] || fail "the upgrade did not install $next"
as_usher plan list | grep -q Monthly || fail "the plan is gone after the upgrade"
as_usher payments --json | grep -q pkg-test-1 || fail "the payment is gone after the upgrade"
ls "$data"/backups/*-before-v22.zip >/dev/null 2>&1 ||
  fail "no backup of the older ledger was taken before it was migrated"
[ -f /lib/systemd/system/usher.service ] || fail "usher.service is gone after the upgrade"
rm -rf "$(dirname "$second")"

step "removing it"
dpkg -r usher >/dev/null 2>&1 || fail "dpkg -r usher failed"
[ ! -e /opt/usher ] || fail "/opt/usher is still there"
[ ! -e /usr/bin/usher ] || fail "/usr/bin/usher is still there"
[ ! -e /lib/systemd/system/usher.service ] || fail "usher.service is still there"
[ -f "$data/usher.mv.db" ] || fail "the ledger in $data went with the package"

echo "package test passed: $(basename "$first") is $(($(stat -c %s "$first") / 1024 / 1024)) MB (gzip -1; xz as released);" \
  "installs, serves as the usher user, upgrades to $next keeping its ledger (backed up, then" \
  "migrated from the schema before), and leaves $data behind when removed"
