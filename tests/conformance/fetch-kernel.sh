# SPDX-License-Identifier: LGPL-2.1-or-later
# Sourced by tests/conformance/run.sh and bench/gen-bench.sh (bash): resolve the
# current Debian amd64 kernel, apt-get download its image (and, unless
# FETCH_KBUILD=0, its kbuild package) into $CACHE and unpack them there once.
# Needs CACHE, log() and die(); sets abi, img, img_ver, moddir, and with kbuild
# kb, kb_ver, kb_dir, modpost.

# --- which kernel ------------------------------------------------------------
image_pkg() {
	apt-cache depends linux-image-amd64 2>/dev/null |
		awk '$1 == "Depends:" && $2 ~ /^linux-image-[0-9]/ { print $2; exit }'
}
candidate() {
	apt-cache policy "$1" 2>/dev/null | awk '$1 == "Candidate:" && $2 != "(none)" { print $2; exit }'
}

img=$(image_pkg)
if [ -z "$img" ]; then
	# A fresh machine may have empty package lists.
	log "apt-cache knows no linux-image-amd64; running apt-get update"
	apt-get update -qq >/dev/null || die "apt-get update failed"
	img=$(image_pkg)
fi
[ -n "$img" ] || die "cannot resolve linux-image-amd64 to a kernel image package"
abi=${img#linux-image-}                    # 6.1.0-56-amd64
img_ver=$(candidate "$img")
[ -n "$img_ver" ] || die "no installable version of $img"
majmin=$(printf '%s\n' "$abi" | sed -E 's/^([0-9]+\.[0-9]+).*/\1/')

log "kernel $abi: $img $img_ver"

# --- fetch and unpack ---------------------------------------------------------
mkdir -p "$CACHE" || die "cannot create cache $CACHE"
fetch() {  # pkg version -> unpacked directory on stdout
	local pkg=$1 ver=$2 deb dir
	dir=$CACHE/unpacked/${pkg}_$ver
	if [ ! -e "$dir/.complete" ]; then
		deb=
		for f in "$CACHE/${pkg}_"*.deb; do
			[ -e "$f" ] && [ "$(dpkg-deb -f "$f" Version)" = "$ver" ] && deb=$f
		done
		if [ -z "$deb" ]; then
			log "downloading $pkg=$ver into $CACHE"
			(cd "$CACHE" && apt-get download -q "$pkg=$ver" >/dev/null 2>&1) ||
				die "apt-get download $pkg=$ver failed"
			for f in "$CACHE/${pkg}_"*.deb; do
				[ -e "$f" ] && [ "$(dpkg-deb -f "$f" Version)" = "$ver" ] && deb=$f
			done
			[ -n "$deb" ] || die "apt-get download left no $pkg .deb in $CACHE"
		fi
		log "unpacking $(basename "$deb")"
		rm -rf "$dir" && mkdir -p "$dir"
		dpkg-deb -x "$deb" "$dir" || die "dpkg-deb -x $deb failed"
		touch "$dir/.complete"
	fi
	printf '%s\n' "$dir"
}
img_dir=$(fetch "$img" "$img_ver")

moddir=$img_dir/lib/modules/$abi
[ -d "$moddir" ] || die "$moddir missing from $img"

[ "${FETCH_KBUILD:-1}" = 1 ] || return 0

# Bookworm ships linux-kbuild-6.1; later releases version the name further
# (linux-kbuild-6.12.x+debN), so fall back to the one whose version matches.
kb=linux-kbuild-$majmin
kb_ver=$(candidate "$kb")
if [ -z "$kb_ver" ]; then
	for p in $(apt-cache pkgnames "linux-kbuild-$majmin" 2>/dev/null | sort); do
		if [ "$(candidate "$p")" = "$img_ver" ]; then
			kb=$p
			kb_ver=$img_ver
		fi
	done
fi
[ -n "$kb_ver" ] || die "no linux-kbuild package found for $abi"
log "kbuild: $kb $kb_ver"
kb_dir=$(fetch "$kb" "$kb_ver")
modpost=
for c in "$kb_dir"/usr/lib/linux-kbuild-*/scripts/mod/modpost.real-lsb-64 \
	 "$kb_dir"/usr/lib/linux-kbuild-*/scripts/mod/modpost; do
	[ -x "$c" ] && { modpost=$c; break; }
done
[ -n "$modpost" ] || die "no modpost in $kb"
