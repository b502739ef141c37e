#!/usr/bin/env bash
# Builds the Linux app-image and, unless asked for app-image only, a .deb (or .rpm). Needs JDK 17+ with jpackage,
# Maven, and for a .deb fakeroot + dpkg-deb (apt-get install fakeroot), for an .rpm rpmbuild.
# Usage: installers/build-linux.sh [deb|rpm|app-image]     Output: installers/target/dist/
set -euo pipefail
type="${1:-deb}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -B ${MVN_ARGS:-} -Pdist -DskipTests package -Djpackage.type="$type"
ls -l installers/target/dist
