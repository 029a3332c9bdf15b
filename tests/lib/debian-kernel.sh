# SPDX-License-Identifier: LGPL-2.1-or-later
# shellcheck shell=bash
#
# Sourced (bash) by tests/conformance/run.sh, tests/e2e/run.sh and the bench/
# scripts: the current Debian amd64 kernel packages, fetched with apt-get
# download into $CACHE and unpacked there with dpkg-deb -x, never installed.
#
# Cache layout, shared by all callers and kept between runs:
#   $CACHE/<pkg>_<version>_<arch>.deb     as apt-get download names them
#   $CACHE/unpacked/<name>/               one or more .debs unpacked together
#   $CACHE/unpacked/<name>/.complete      written last: a run that died while
#                                         unpacking leaves none, and the next
#                                         run starts that directory over
#
# The caller provides CACHE, log MESSAGE... and die MESSAGE... (which exits).
# Functions that pick something set the globals named in their comment.

# --- which packages --------------------------------------------------------------
candidate() {  # pkg -> its installable version on stdout, nothing if none
	apt-cache policy "$1" 2>/dev/null | awk '$1 == "Candidate:" && $2 != "(none)" { print $2; exit }'
}

depends_on() {  # pkg regex -> the first dependency of pkg matching regex
	apt-cache depends "$1" 2>/dev/null | awk -v re="$2" '$1 == "Depends:" && $2 ~ re { print $2; exit }'
}

# Sets img (linux-image-6.1.0-56-amd64), abi (6.1.0-56-amd64), img_ver and
# majmin (6.1): what linux-image-amd64 currently points at.
kernel_image() {
	img=$(depends_on linux-image-amd64 '^linux-image-[0-9]')
	if [ -z "$img" ]; then
		# A fresh machine may have empty package lists.
		log "apt-cache knows no linux-image-amd64; running apt-get update"
		apt-get update -qq >/dev/null || die "apt-get update failed"
		img=$(depends_on linux-image-amd64 '^linux-image-[0-9]')
	fi
	[ -n "$img" ] || die "cannot resolve linux-image-amd64 to a kernel image package"
	abi=${img#linux-image-}
	img_ver=$(candidate "$img")
	[ -n "$img_ver" ] || die "no installable version of $img"
	majmin=$(printf '%s\n' "$abi" | sed -E 's/^([0-9]+\.[0-9]+).*/\1/')
}

# Sets kb and kb_ver: the kbuild package (modpost) for kernel_image's kernel.
# Bookworm ships linux-kbuild-6.1; later releases version the name further
# (linux-kbuild-6.12.x+debN), so fall back to the one whose version matches.
kernel_kbuild() {
	local p
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
}

# Sets hdr, common and kbuild: the flavour's headers package and the two it
# depends on, which out-of-tree module builds need together.
kernel_headers() {
	hdr=linux-headers-$abi
	common=$(depends_on "$hdr" '^linux-headers-.*-common')
	kbuild=$(depends_on "$hdr" '^linux-kbuild-')
	if [ -z "$common" ] || [ -z "$kbuild" ]; then
		die "cannot resolve the dependencies of $hdr"
	fi
}

# --- fetch and unpack ------------------------------------------------------------
deb_of() {  # pkg [version] -> cached .deb on stdout, downloaded if needed (default: candidate)
	local pkg=$1 v=${2:-} f
	[ -n "$v" ] || v=$(candidate "$pkg")
	[ -n "$v" ] || die "no installable version of $pkg"
	mkdir -p "$CACHE" || die "cannot create cache $CACHE"
	for f in "$CACHE/${pkg}_"*.deb; do
		[ -e "$f" ] && [ "$(dpkg-deb -f "$f" Version)" = "$v" ] && { printf '%s\n' "$f"; return; }
	done
	log "downloading $pkg=$v into $CACHE"
	(cd "$CACHE" && apt-get download -q "$pkg=$v" >/dev/null 2>&1) || die "apt-get download $pkg=$v failed"
	for f in "$CACHE/${pkg}_"*.deb; do
		[ -e "$f" ] && [ "$(dpkg-deb -f "$f" Version)" = "$v" ] && { printf '%s\n' "$f"; return; }
	done
	die "apt-get download left no $pkg .deb in $CACHE"
}

unpack() {  # dir deb... : unpack the debs into one directory, once
	local dir=$1 deb
	shift
	[ -e "$dir/.complete" ] && return
	rm -rf "$dir"
	mkdir -p "$dir" || die "cannot create $dir"
	for deb; do
		log "unpacking $(basename "$deb")"
		dpkg-deb -x "$deb" "$dir" || die "dpkg-deb -x $deb failed"
	done
	touch "$dir/.complete"
}

# dir pkg[=version]... : unpack into dir once.  Unlike unpack "$(deb_of ...)",
# a directory already complete needs neither its .debs nor apt, and a failed
# download stops the script here rather than in a command substitution.
fetch() {
	local dir=$1 spec v deb debs=()
	shift
	[ -e "$dir/.complete" ] && return
	for spec; do
		v=
		[[ $spec == *=* ]] && v=${spec#*=}
		deb=$(deb_of "${spec%%=*}" "$v") || exit
		debs+=("$deb")
	done
	unpack "$dir" "${debs[@]}"
}

# Sets moddir: kernel_image's module tree, fetched and unpacked into
# $CACHE/unpacked/<img>_<img_ver>.
kernel_moddir() {
	fetch "$CACHE/unpacked/${img}_$img_ver" "$img=$img_ver"
	moddir=$CACHE/unpacked/${img}_$img_ver/lib/modules/$abi
	[ -d "$moddir" ] || die "$moddir missing from $img"
}

# Sets moddir and abi for the benches: $MODDIR when the caller gives one, else the
# current Debian kernel's tree, fetched and unpacked.
bench_moddir() {
	if [ -n "${MODDIR:-}" ]; then
		moddir=$MODDIR
		abi=$(basename "$moddir")
	else
		kernel_image
		log "kernel $abi: $img $img_ver"
		kernel_moddir
	fi
	[ -d "$moddir" ] || die "$moddir: no such directory"
}

# Sets kb_dir and modpost: kernel_kbuild's package fetched and unpacked into
# $CACHE/unpacked/<kb>_<kb_ver>, and the modpost binary in it.
kernel_modpost() {
	local c
	kb_dir=$CACHE/unpacked/${kb}_$kb_ver
	fetch "$kb_dir" "$kb=$kb_ver"
	modpost=
	for c in "$kb_dir"/usr/lib/linux-kbuild-*/scripts/mod/modpost.real-lsb-64 \
		"$kb_dir"/usr/lib/linux-kbuild-*/scripts/mod/modpost; do
		[ -x "$c" ] && { modpost=$c; break; }
	done
	[ -n "$modpost" ] || die "no modpost in $kb"
}

# --- depmod scratch tree -----------------------------------------------------------
# root abi moddir: make root/lib/modules/<abi> a farm of symlinks to moddir's
# entries for depmod -b root abi.  depmod writes its modules.* outputs by
# rename into that directory, so they land in the farm, never in moddir; the
# outputs of an earlier depmod are left out, its inputs are linked.
depmod_farm() {
	local farm=$1/lib/modules/$2 e
	mkdir -p "$farm" || die "cannot create $farm"
	for e in "$3"/*; do
		case ${e##*/} in
		modules.order | modules.builtin | modules.builtin.modinfo) ;;
		modules.*) continue ;;
		esac
		ln -s "$e" "$farm/" || die "cannot link $e into $farm"
	done
}
