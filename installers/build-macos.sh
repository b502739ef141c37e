#!/usr/bin/env bash
# Builds the macOS app bundle and a .dmg (or .pkg) for Apple silicon. Run on a Mac with an arm64 JDK 17+ and Maven:
# jpackage makes a bundle for the architecture of the JDK that runs it, and -Pmac-arm64 picks LibTorch's
# macosx-arm64 natives (JavaFX picks mac-aarch64 by itself on such a JDK).
# Usage: installers/build-macos.sh [dmg|pkg|app-image]     Output: installers/target/dist/
set -euo pipefail
type="${1:-dmg}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ "$(uname -s)" = Darwin ] || { echo "build-macos.sh: run this on macOS (jpackage builds only for the system it runs on)" >&2; exit 2; }
arch=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/os.arch/ {print $2}')
[ "$arch" = aarch64 ] || { echo "build-macos.sh: this JDK is $arch; use an arm64 (aarch64) JDK 17+ for an Apple-silicon build" >&2; exit 2; }
cd "$root"
mvn -B -Pdist,mac-arm64 -DskipTests package -Djpackage.type="$type"
ls -l installers/target/dist
