#!/usr/bin/env bash
# Checks that a jpackage image's trimmed runtime holds every JDK module the packaged jars use, as jdeps sees them.
# Usage: installers/check-modules.sh IMAGE_DIR     (e.g. installers/target/dist/tsstudio)
# Prints the modules jdeps finds and which are in the runtime; exits 1 naming any that are missing.
# Deliberately left out of the runtime (see jlink.modules in installers/pom.xml): java.compiler, jdk.jfr.
set -euo pipefail
image="${1:?usage: check-modules.sh IMAGE_DIR}"
ignored=" java.compiler jdk.jfr "

app=""
for d in "$image/lib/app" "$image/app" "$image/Contents/app"; do [ -d "$d" ] && app="$d" && break; done
release=""
for f in "$image/lib/runtime/release" "$image/runtime/release" "$image/Contents/runtime/Contents/Home/release"; do
  [ -f "$f" ] && release="$f" && break
done
[ -n "$app" ] && [ -n "$release" ] || { echo "check-modules: $image does not look like a jpackage image" >&2; exit 1; }

present=" $(sed -n 's/^MODULES="\(.*\)"/\1/p' "$release") "
jdeps_bin="${JAVA_HOME:+$JAVA_HOME/bin/}jdeps"
# JavaFX is linked into the runtime, not in the app's jars; modular jars that require it (ControlsFX) need it on
# jdeps' module path: the jars jlink took (installers/target/jpackage/javafx beside target/dist/IMAGE).
fx_dir="${JAVAFX_MODULE_PATH:-$(dirname "$image")/../jpackage/javafx}"
fx_opts=()
[ -d "$fx_dir" ] && fx_opts=(--module-path "$fx_dir")
# -s prints "archive -> module" edges; every java.*/jdk.* target is a module the code links against.
needed=$("$jdeps_bin" ${fx_opts[@]+"${fx_opts[@]}"} -s --multi-release 17 --ignore-missing-deps "$app"/*.jar 2>/dev/null \
  | awk '$2 == "->" && $3 ~ /^(java|jdk)\./ {print $3}' | sort -u)

missing=()
for m in $needed; do
  case "$present" in *" $m "*) continue ;; esac
  case "$ignored" in *" $m "*) continue ;; esac
  missing+=("$m")
done
echo "check-modules: jdeps needs: $(echo $needed)"
echo "check-modules: runtime has:$present"
if [ ${#missing[@]} -gt 0 ]; then
  echo "check-modules: MISSING from the runtime: ${missing[*]} (add them to jlink.modules in installers/pom.xml)" >&2
  "$jdeps_bin" ${fx_opts[@]+"${fx_opts[@]}"} -s --multi-release 17 --ignore-missing-deps "$app"/*.jar 2>/dev/null | grep -E -- "-> ($(IFS='|'; echo "${missing[*]}"))\$" >&2 || true
  exit 1
fi
echo "check-modules: OK"
