# SPDX-License-Identifier: LGPL-2.1-or-later
# shellcheck shell=bash
#
# Sourced (bash) by tests/conformance/run.sh, tests/e2e/run.sh and the bench/
# scripts: the current Debian amd64 kernel packages (or, after kernel_arch,
# another architecture's; after kernel_suite, another suite's), fetched with apt-get download into $CACHE and
# unpacked there with dpkg-deb -x, never installed.
#
# Cache layout, shared by all callers and kept between runs:
#   $CACHE/<pkg>_<version>_<arch>.deb     as apt-get download names them
#   $CACHE/apt-<arch>/{lists,cache}/      private apt state for a foreign arch
#   $CACHE/apt-<suite>-<arch>/            the same for another suite, with its
#                                         own sources.list
#   $CACHE/unpacked/<name>/               one or more .debs unpacked together
#   $CACHE/unpacked/<name>/.complete      written last: a run that died while
#                                         unpacking leaves none, and the next
#                                         run starts that directory over
#
# The caller provides CACHE, log MESSAGE... and die MESSAGE... (which exits).
# Functions that pick something set the globals named in their comment.

# --- which architecture ----------------------------------------------------------
# The defaults are the host's amd64 kernel; kernel_arch switches to another one.
# apt_opts are the options every apt-get/apt-cache call here passes: empty for
# the host's own architecture, else a private apt state.
karch=amd64              # Debian architecture of the kernel
kmeta=linux-image-amd64  # metapackage naming the current image
mp_variant=lsb-64        # modpost.real-<variant> of linux-kbuild that reads its ELF
kb_native=0              # 1: that arch's own linux-kbuild, run through its ld.so
apt_opts=()

# arch: select that architecture's kernel.  A foreign architecture is fetched
# through its own package lists in $CACHE/apt-<arch> (the host's sources, but
# not its dpkg architectures or its lists, which stay untouched); they are
# refreshed when older than a day.
#
# The oracle must know the target's struct layouts: modpost's
# devicetable-offsets.h is generated when linux-kbuild is built, so the host's
# modpost.real-* variants read ELF of any class and byte order but always
# with the host's (amd64, LP64) sizes and offsets.  Those are right for the
# other LP64 architectures (same type sizes and alignments).  They are wrong
# for 32-bit ones (kernel_ulong_t and pointers are 4 bytes: modpost stops on
# pcmcia_device_id, and would misread the others), so for i386 its own
# linux-kbuild runs, through the dynamic loader of its own libc6 unpacked
# next to it (needs the host kernel's 32-bit x86 emulation, no dpkg i386).
# Other 32-bit architectures would need an emulator and are not offered.
kernel_arch() {
	local st
	karch=$1
	kb_native=0
	case $karch in
	amd64) kmeta=linux-image-amd64 mp_variant=lsb-64 ;;
	arm64) kmeta=linux-image-arm64 mp_variant=lsb-64 ;;
	ppc64el) kmeta=linux-image-powerpc64le mp_variant=lsb-64 ;;
	mips64el) kmeta=linux-image-mips64r2el mp_variant=lsb-64 ;;
	s390x) kmeta=linux-image-s390x mp_variant=msb-64 ;;
	i386) kmeta=linux-image-686 mp_variant=lsb-32 kb_native=1 ;;
	*) die "no kernel/oracle known for architecture $karch (amd64 arm64 ppc64el mips64el s390x i386)" ;;
	esac
	apt_opts=()
	[ "$karch" = "$(dpkg --print-architecture)" ] && { kb_native=0; return; }
	st=$CACHE/apt-$karch
	apt_opts=(-o "Dir::State::Lists=$st/lists" -o "Dir::Cache=$st/cache"
		-o "APT::Architecture=$karch" -o "APT::Architectures=$karch" -o Debug::NoLocking=1)
	mkdir -p "$st/lists/partial" "$st/cache/archives/partial" || die "cannot create $st"
	if [ -z "$(find "$st/lists" -maxdepth 1 -name '*_Packages*' -mtime -1 -print -quit)" ]; then
		log "apt-get update for $karch (private lists in $st)"
		# Not fatal: one mirror of several may fail (e.g. mid-sync), and
		# kernel_image says so if the lists lack what we need.
		apt-get "${apt_opts[@]}" update -qq >/dev/null 2>&1 || log "apt-get update for $karch reported errors"
	fi
}

# suite: the newest kernel of another Debian suite ("sid"), for the host's
# architecture, through a private apt configuration in $CACHE/apt-<suite>-<arch>:
# its own sources.list (the host's Debian mirror, that suite's main), lists
# and cache; the machine's sources, lists and dpkg state stay untouched.  A
# newer suite's modpost is linked against a newer glibc than the host's, so
# it runs as kb_native does for i386: through the dynamic loader of that
# suite's libc6, unpacked beside it.
kernel_suite() {
	local st mirror
	ksuite=$1
	case $ksuite in *[!a-z0-9-]* | '') die "bad Debian suite name '$ksuite'" ;; esac
	st=$CACHE/apt-$ksuite-$karch
	mkdir -p "$st/lists/partial" "$st/cache/archives/partial" || die "cannot create $st"
	# The host's own Debian mirror (its main suite's URI), so no address is written here.
	mirror=$(apt-get indextargets --format '$(REPO_URI) $(RELEASE) $(ORIGIN)' 2>/dev/null |
		awk '$3 == "Debian" && $2 !~ /-/ { sub(/\/$/, "", $1); print $1; exit }')
	[ -n "$mirror" ] || die "cannot find the host's Debian mirror in its apt sources"
	printf 'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] %s %s main\n' "$mirror" "$ksuite" \
		>"$st/sources.list.new" && mv -f "$st/sources.list.new" "$st/sources.list" || die "cannot write $st/sources.list"
	apt_opts=(-o "Dir::Etc::SourceList=$st/sources.list" -o Dir::Etc::SourceParts=/dev/null
		-o "Dir::State::Lists=$st/lists" -o "Dir::Cache=$st/cache" -o Debug::NoLocking=1)
	kb_native=1
	if [ -z "$(find "$st/lists" -maxdepth 1 -name '*_Packages*' -mtime -1 -print -quit)" ]; then
		log "apt-get update for $ksuite (private lists in $st)"
		apt-get "${apt_opts[@]}" update -qq >/dev/null 2>&1 || log "apt-get update for $ksuite reported errors"
	fi
}

# --- which packages --------------------------------------------------------------
candidate() {  # pkg -> its installable version on stdout, nothing if none
	# A virtual package (sid's linux-kbuild-7.2) is reported under its provider's name: not this package.
	apt-cache "${apt_opts[@]}" policy "$1" 2>/dev/null |
		awk -v p="$1:" 'NR == 1 && $1 != p { exit } $1 == "Candidate:" && $2 != "(none)" { print $2; exit }'
}

has_version() {  # pkg version -> whether apt can fetch exactly that version
	apt-cache "${apt_opts[@]}" madison "$1" 2>/dev/null | awk -F' *[|] *' -v v="$2" '$2 == v { f = 1 } END { exit !f }'
}

depends_on() {  # pkg regex -> the first dependency of pkg matching regex
	apt-cache "${apt_opts[@]}" depends "$1" 2>/dev/null | awk -v re="$2" '$1 == "Depends:" && $2 ~ re { print $2; exit }'
}

# Sets img (linux-image-6.1.0-56-amd64), abi (6.1.0-56-amd64), img_ver and
# majmin (6.1): what $kmeta (linux-image-amd64) currently points at.
kernel_image() {
	img=$(depends_on "$kmeta" '^linux-image-[0-9]')
	if [ -z "$img" ]; then
		# A fresh machine may have empty package lists.
		log "apt-cache knows no $kmeta; running apt-get update"
		apt-get "${apt_opts[@]}" update -qq >/dev/null || die "apt-get update failed"
		img=$(depends_on "$kmeta" '^linux-image-[0-9]')
	fi
	[ -n "$img" ] || die "cannot resolve $kmeta to a kernel image package"
	abi=${img#linux-image-}
	img_ver=$(candidate "$img")
	[ -n "$img_ver" ] || die "no installable version of $img"
	majmin=$(printf '%s\n' "$abi" | sed -E 's/^([0-9]+\.[0-9]+).*/\1/')
}

# Sets kb and kb_ver: the kbuild package (modpost) for kernel_image's kernel,
# for the host's architecture (kb_native: for the kernel's).  Bookworm ships
# linux-kbuild-6.1; later releases version the name further
# (linux-kbuild-6.12.x+debN), so fall back to the one whose version matches.
# The version is the image's when apt has it (a foreign architecture may lag
# behind the host's security updates).
kernel_kbuild() {
	local p
	[ "$kb_native" = 1 ] || local apt_opts=()
	kb=linux-kbuild-$majmin
	if has_version "$kb" "$img_ver"; then
		kb_ver=$img_ver
	else
		kb_ver=$(candidate "$kb")
	fi
	if [ -z "$kb_ver" ]; then
		for p in $(apt-cache "${apt_opts[@]}" pkgnames "linux-kbuild-$majmin" 2>/dev/null | sort); do
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
# The cache holds one package's .debs of several architectures side by side
# (linux-kbuild for amd64 and i386): the architecture of apt_opts must match.
cached_deb() {  # pkg version -> its .deb in $CACHE on stdout, if there is one
	local f a want
	want=$(apt-config "${apt_opts[@]}" shell a APT::Architecture | sed -E "s/^a='(.*)'$/\1/")
	for f in "$CACHE/${1}_"*.deb; do
		[ -e "$f" ] || continue
		[ "$(dpkg-deb -f "$f" Version)" = "$2" ] || continue
		a=$(dpkg-deb -f "$f" Architecture)
		[ "$a" = all ] || [ "$a" = "$want" ] || continue
		printf '%s\n' "$f"
		return 0
	done
	return 1
}

deb_of() {  # pkg [version] -> cached .deb on stdout, downloaded if needed (default: candidate)
	local pkg=$1 v=${2:-}
	[ -n "$v" ] || v=$(candidate "$pkg")
	[ -n "$v" ] || die "no installable version of $pkg"
	mkdir -p "$CACHE" || die "cannot create cache $CACHE"
	cached_deb "$pkg" "$v" && return
	log "downloading $pkg=$v into $CACHE"
	(cd "$CACHE" && apt-get "${apt_opts[@]}" download -q "$pkg=$v" >/dev/null 2>&1) ||
		die "apt-get download $pkg=$v failed"
	cached_deb "$pkg" "$v" || die "apt-get download left no $pkg .deb in $CACHE"
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
# Newer kernels (Debian 6.17 and later) ship the modules apart from the image,
# in linux-modules-<abi>, under usr/lib/modules.
kernel_moddir() {
	local pkg=$img d
	[ -z "$(candidate "linux-modules-$abi")" ] || pkg=linux-modules-$abi
	fetch "$CACHE/unpacked/${pkg}_$img_ver" "$pkg=$img_ver"
	for d in lib usr/lib; do
		moddir=$CACHE/unpacked/${pkg}_$img_ver/$d/modules/$abi
		[ -d "$moddir" ] && return
	done
	die "no lib/modules/$abi nor usr/lib/modules/$abi in $pkg"
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

# Sets kb_dir, modpost (the binary for $mp_variant) and modpost_run (the
# command running it): kernel_kbuild's package fetched and unpacked into
# $CACHE/unpacked/<kb>_<kb_ver> (kb_native: <kb>_<kb_ver>_<arch>, with that
# arch's libc6, whose loader runs it).  The plain modpost is a wrapper choosing
# the variant for the host's objects.
kernel_modpost() {
	local c
	if [ "$kb_native" = 1 ]; then
		kb_dir=$CACHE/unpacked/${kb}_${kb_ver}_$karch
		fetch "$kb_dir" "$kb=$kb_ver" libc6
	else
		local apt_opts=()
		kb_dir=$CACHE/unpacked/${kb}_$kb_ver
		fetch "$kb_dir" "$kb=$kb_ver"
	fi
	modpost=
	for c in "$kb_dir"/usr/lib/linux-kbuild-*/scripts/mod/modpost.real-"$mp_variant" \
		"$kb_dir"/usr/lib/linux-kbuild-*/scripts/mod/modpost; do
		[ -x "$c" ] && { modpost=$c; break; }
	done
	[ -n "$modpost" ] || die "no modpost in $kb"
	modpost_run=("$modpost")
	if [ "$kb_native" = 1 ]; then
		local ld libc
		# i386's is lib/ld-linux.so.2; a merged-/usr amd64 libc6 has usr/lib64/ld-linux-x86-64.so.2.
		ld=$(find "$kb_dir/lib" "$kb_dir/usr/lib" "$kb_dir/lib64" "$kb_dir/usr/lib64" -maxdepth 1 \
			-name 'ld-linux*.so.*' -print -quit 2>/dev/null || true)
		libc=$(find "$kb_dir/lib" "$kb_dir/usr/lib" -name libc.so.6 -print -quit 2>/dev/null || true)
		if [ -z "$ld" ] || [ -z "$libc" ]; then
			die "no dynamic loader or libc in the $karch libc6"
		fi
		modpost_run=("$ld" --library-path "${libc%/*}" "$modpost")
		"${modpost_run[@]}" -w -T /dev/null >/dev/null 2>&1 ||
			die "cannot run the $karch modpost here (${modpost_run[*]})"
	fi
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
