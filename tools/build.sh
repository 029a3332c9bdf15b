#!/bin/bash
# Configures and builds busalias out of tree.  Usage: tools/build.sh BUILDDIR [configure args...]
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=$1; shift
[ -x "$src/configure" ] || (cd "$src" && autoreconf -fi)
mkdir -p "$build"
cd "$build"
[ -f Makefile ] || "$src/configure" --enable-werror "$@" >configure.out 2>&1 || { cat configure.out; exit 1; }
make -j"$(nproc)" >make.out 2>&1 || { cat make.out; exit 1; }
