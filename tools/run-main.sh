#!/bin/bash
# Installs what is missing, builds, and runs `busalias gen` on its default input: the running
# system's module tree, or, where there is none, sample modules the tree builds itself.
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$src/build}
"$src/tools/deps.sh" build
"$src/tools/build.sh" "$build"
tree=/lib/modules/$(uname -r)
if [ -d "$tree" ]; then
	echo "busalias gen over $tree" >&2
	exec "$build/busalias" gen --plugin-dir "$build/build-plugins" "$tree"
fi
echo "no $tree here: generating from the sample modules in $build/samples" >&2
make -C "$build" samples >/dev/null
exec "$build/busalias" gen --plugin-dir "$build/build-plugins" "$build/samples"
