// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Reads a module file with libelf: target ABI, .modinfo, and the device-table
 * symbols.  Table bytes are taken raw (target byte order); the layout code
 * decodes them, so the host's struct layout never matters.
 */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <gelf.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "busalias.h"

/*
 * libelf is dlopen()ed at the first module read, not linked: mapping it (and the zlib it needs) cost
 * every process at start about as much as `busalias match` spends on its whole lookup, and only gen
 * reads modules.  Every libelf call below goes through this table (the macros after it); the soname
 * is that of elfutils' stable ABI.
 */
#define LIBELF_SONAME "libelf.so.1"
#define LIBELF_FUNCS(X)                                                                                 \
	X(elf_version) X(elf_begin) X(elf_end) X(elf_errmsg) X(elf_getdata) X(elf_getscn) X(elf_getshdrnum) \
	X(elf_getshdrstrndx) X(elf_kind) X(elf_memory) X(elf_nextscn) X(elf_rawdata) X(elf_strptr)          \
	X(gelf_fsize) X(gelf_getehdr) X(gelf_getshdr) X(gelf_getsymshndx)

static struct {
#define LIBELF_POINTER(f) __typeof__(&f) f;
	LIBELF_FUNCS(LIBELF_POINTER)
#undef LIBELF_POINTER
} libelf;
static pthread_once_t libelf_once = PTHREAD_ONCE_INIT;
static char libelf_error[256] = "not loaded";  /* "" once loaded */

static void libelf_open(void)
{
	void *h = dlopen(LIBELF_SONAME, RTLD_NOW | RTLD_LOCAL);

	if (!h) {
		snprintf(libelf_error, sizeof(libelf_error), "cannot load %s: %s", LIBELF_SONAME, dlerror());
		return;
	}
#define LIBELF_RESOLVE(f)                                                                                \
	if (!(*(void **)&libelf.f = dlsym(h, #f))) {                                                        \
		snprintf(libelf_error, sizeof(libelf_error), "%s has no %s", LIBELF_SONAME, #f);            \
		return;                                                                                     \
	}
	LIBELF_FUNCS(LIBELF_RESOLVE)
#undef LIBELF_RESOLVE
	if (libelf.elf_version(EV_CURRENT) == EV_NONE) {
		snprintf(libelf_error, sizeof(libelf_error), "%s is out of date", LIBELF_SONAME);
		return;
	}
	libelf_error[0] = '\0';
}

/* 0, or -ENOTSUP after saying why libelf cannot be used (naming the module). */
static int libelf_load(const char *path)
{
	pthread_once(&libelf_once, libelf_open);
	if (libelf_error[0]) {
		ba_warn("%s: cannot read: %s", path, libelf_error);
		return -ENOTSUP;
	}
	return 0;
}

#define elf_version libelf.elf_version
#define elf_begin libelf.elf_begin
#define elf_end libelf.elf_end
#define elf_errmsg libelf.elf_errmsg
#define elf_getdata libelf.elf_getdata
#define elf_getscn libelf.elf_getscn
#define elf_getshdrnum libelf.elf_getshdrnum
#define elf_getshdrstrndx libelf.elf_getshdrstrndx
#define elf_kind libelf.elf_kind
#define elf_memory libelf.elf_memory
#define elf_nextscn libelf.elf_nextscn
#define elf_rawdata libelf.elf_rawdata
#define elf_strptr libelf.elf_strptr
#define gelf_fsize libelf.gelf_fsize
#define gelf_getehdr libelf.gelf_getehdr
#define gelf_getshdr libelf.gelf_getshdr
#define gelf_getsymshndx libelf.gelf_getsymshndx

static void module_file_set_name(struct module_file *m, const char *modinfo_name)
{
	const char *base, *dot;

	if (modinfo_name && *modinfo_name) {
		m->name = xstrdup(modinfo_name);
		return;
	}
	base = strrchr(m->path, '/');
	base = base ? base + 1 : m->path;
	dot = strstr(base, ".ko");
	m->name = dot ? strndup(base, (size_t)(dot - base)) : xstrdup(base);
	if (!m->name)
		m->name = xstrdup("");
	for (char *p = m->name; *p; p++)
		if (*p == '-')
			*p = '_';
}

static void add_modinfo_alias(struct module_file *m, const char *s, size_t len)
{
	if (m->n_modinfo_aliases >= BA_MAX_MODULE_ALIASES) {
		m->n_modinfo_aliases_dropped++;
		return;
	}
	if (m->n_modinfo_aliases == m->modinfo_aliases_cap) {
		m->modinfo_aliases_cap = m->modinfo_aliases_cap ? m->modinfo_aliases_cap * 2 : 16;
		m->modinfo_aliases = xrealloc(m->modinfo_aliases, m->modinfo_aliases_cap * sizeof(*m->modinfo_aliases));
	}
	m->modinfo_aliases[m->n_modinfo_aliases++] = (struct modinfo_alias){ s, len };
}

/* NUL-separated key=value strings. */
static void parse_modinfo(struct module_file *m, const char *p, size_t len, const char **name)
{
	const char *end = p + len;

	while (p < end) {
		const char *nul = memchr(p, '\0', (size_t)(end - p));
		size_t n = nul ? (size_t)(nul - p) : (size_t)(end - p);

		if (n > 5 && memcmp(p, "name=", 5) == 0 && nul)
			*name = p + 5;
		else if (n > 9 && memcmp(p, "vermagic=", 9) == 0 && !m->vermagic)
			m->vermagic = strndup(p + 9, n - 9);
		else if (n >= 6 && memcmp(p, "alias=", 6) == 0)
			add_modinfo_alias(m, p + 6, n - 6);
		p += n + 1;
	}
}

/* Only on the error path: say why a file libelf could not read is no module. */
static const char *why_not_elf(int fd)
{
	struct stat st;

	if (fd >= 0 && fstat(fd, &st) == 0) {
		if (!S_ISREG(st.st_mode))
			return "not a regular file";
		if (st.st_size == 0)
			return "not an ELF file (empty)";
	}
	return "not an ELF file";
}

/* len bytes at off, all of them: false on an error or an early end of file (errno 0). */
static bool pread_all(int fd, void *buf, size_t len, uint64_t off)
{
	while (len > 0) {
		ssize_t n = pread(fd, buf, len, (off_t)off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0)
				errno = 0;
			return false;
		}
		buf = (uint8_t *)buf + n;
		len -= (size_t)n;
		off += (uint64_t)n;
	}
	return true;
}

/* A file range to read, and where it went in the image. */
struct part {
	uint64_t off, len;
	size_t at;
};

static int cmp_part(const void *a, const void *b)
{
	const struct part *x = a, *y = b;

	return x->off < y->off ? -1 : x->off > y->off;
}

/*
 * read_parts()'s image buffer, kept by each thread from one module to the next: a buffer of its own
 * for each module came fresh from the kernel (mmap()ed, or the heap top trimmed and grown again), and
 * the page faults of reading into it cost as much as a pread().  One module at a time per thread (a
 * second one gets a buffer of its own); freed when the thread exits, or after a module that made it
 * larger than IMAGE_CACHE_MAX.
 */
#define IMAGE_CACHE_MAX (16u << 20)

struct image_buffer {
	uint8_t *p;
	size_t cap;
	bool cached;
};

struct image_cache {
	uint8_t *buf;
	size_t cap;
	bool busy;
};
static __thread struct image_cache image_cache;
static pthread_key_t image_cache_key;
static pthread_once_t image_cache_once = PTHREAD_ONCE_INIT;
static bool image_cache_usable;

static void image_cache_destroy(void *p)
{
	struct image_cache *c = p;

	free(c->buf);
	*c = (struct image_cache){ 0 };
}

static void image_cache_init(void)
{
	image_cache_usable = pthread_key_create(&image_cache_key, image_cache_destroy) == 0;
}

static struct image_buffer image_buffer_get(void)
{
	struct image_cache *c = &image_cache;

	pthread_once(&image_cache_once, image_cache_init);
	if (!image_cache_usable || c->busy)
		return (struct image_buffer){ 0 };
	c->busy = true;
	return (struct image_buffer){ c->buf, c->cap, true };
}

/* At least size bytes in b, its contents kept; false if out of memory (b is still valid). */
static bool image_buffer_reserve(struct image_buffer *b, size_t size)
{
	size_t cap = 1u << 16;
	uint8_t *p;

	if (size <= b->cap)
		return true;
	while (cap < size && cap <= SIZE_MAX / 2)
		cap *= 2;
	if (cap < size || !(p = realloc(b->p, cap)))
		return false;
	b->p = p;
	b->cap = cap;
	if (b->cached) {
		image_cache.buf = p;
		image_cache.cap = cap;
		if (pthread_setspecific(image_cache_key, &image_cache) != 0)
			b->cached = false;  /* no destructor: this module's own buffer, freed after it */
	}
	return true;
}

static void image_buffer_release(struct image_buffer *b)
{
	if (!b->cached) {
		free(b->p);
	} else if (b->cap > IMAGE_CACHE_MAX) {
		free(b->p);
		image_cache = (struct image_cache){ 0 };
	} else {
		image_cache.busy = false;
	}
	*b = (struct image_buffer){ 0 };
}

/* The fields of a section header read_parts() uses, from either class in the host's byte order. */
struct shdr_fields {
	uint32_t name, type, link;
	uint64_t off, len;
};

#define SHDR_FIELD(p, T, f) \
	({ __typeof__(((T *)0)->f) v_; memcpy(&v_, (p) + offsetof(T, f), sizeof(v_)); v_; })

/* Field by field: a memcpy() of the whole header compiled to a slow `rep movs`. */
static inline struct shdr_fields shdr_fields(const uint8_t *p, bool is64)
{
	if (is64)
		return (struct shdr_fields){ SHDR_FIELD(p, Elf64_Shdr, sh_name), SHDR_FIELD(p, Elf64_Shdr, sh_type),
					     SHDR_FIELD(p, Elf64_Shdr, sh_link), SHDR_FIELD(p, Elf64_Shdr, sh_offset),
					     SHDR_FIELD(p, Elf64_Shdr, sh_size) };
	return (struct shdr_fields){ SHDR_FIELD(p, Elf32_Shdr, sh_name), SHDR_FIELD(p, Elf32_Shdr, sh_type),
				     SHDR_FIELD(p, Elf32_Shdr, sh_link), SHDR_FIELD(p, Elf32_Shdr, sh_offset),
				     SHDR_FIELD(p, Elf32_Shdr, sh_size) };
}

static void shdr_set_offset(uint8_t *p, bool is64, uint64_t off)
{
	if (is64) {
		Elf64_Off v = off;
		memcpy(p + offsetof(Elf64_Shdr, sh_offset), &v, sizeof(v));
	} else {
		Elf32_Off v = (Elf32_Off)off;
		memcpy(p + offsetof(Elf32_Shdr, sh_offset), &v, sizeof(v));
	}
}

/* Where the next part goes: past used, at the same offset modulo 16 as in the file (libelf's alignment checks). */
static size_t part_place(size_t used, uint64_t file_off)
{
	return ((used + 15) & ~(size_t)15) + (size_t)(file_off & 15);
}

/* Read in one pread() two parts closer than this: a syscall costs about what copying this much does. */
#define PART_MERGE_GAP 8192
/*
 * The section headers are read with this much before them per section (and SHDR_LEAD_BASE more): ld -r puts
 * .shstrtab there, and its names of sections take 12.5 bytes a section at most over Debian's 6.1 amd64 tree.
 */
#define SHDR_LEAD_PER_SECTION 16
#define SHDR_LEAD_BASE 64
/* A module's signature (PKCS#7 and its trailer) takes 721 bytes in Debian's: room for a larger key's. */
#define TAIL_AFTER 2048
#define PARTS_MAX 64
/* Larger offsets (and files) are left to libelf: an off_t holds them, and an image is never that large. */
#define PARTS_MAX_OFFSET (UINT64_C(1) << 40)
/* A module has 20 to 93 sections over Debian's 6.1 amd64 tree; one with more is left to libelf. */
#define PARTS_MAX_SECTIONS 256

/*
 * The parts of an uncompressed module that module_file_read() uses, copied
 * into a compact image of the file that is then handed to elf_memory(): the
 * ELF header, the section headers with the section name table (one read, as
 * ld lays them out), the symbol table with its string table and extended
 * index tables, and .modinfo, neighbours merged into one read.  The image's
 * section headers are the file's with sh_offset moved to where the section's
 * bytes are in the image for these sections, 0 for the others (module_file_read()
 * never asks libelf for their bytes); m->file_offsets keeps the file's offsets, from
 * which scan_symbols() reads each device table's bytes.  libelf on m->fd
 * read each of these with a pread() of its own into a malloc()ed copy, and
 * the whole section of each table; those syscalls and copies were most of
 * gen's time over a tree.
 *
 * Only the common case: a file in the host's byte order (libelf then never
 * converts the image in place), no extended section numbering, consistent
 * section headers and every section within the file.  Anything else is left
 * to libelf on m->fd (m->image stays NULL), whose checks and messages are
 * then exactly those of the ordinary path; so is a read that fails here.
 * Nothing is printed.
 */
static void read_parts(struct module_file *m)
{
	static const uint8_t host_data = __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ ? ELFDATA2LSB : ELFDATA2MSB;
	Elf64_Ehdr eh, raw;  /* raw: the file's bytes (of either class); eh: its fields used here */
	struct part parts[PARTS_MAX], tail;
	struct shdr_fields sec[PARTS_MAX_SECTIONS];
	bool wanted[PARTS_MAX_SECTIONS] = { false };  /* the sections module_file_read() reads */
	size_t n_parts = 0, n_reads = 0, head_len, ehdr_size, shdr_size, used, offsets_at;
	uint64_t size, shdrs_len, lead;
	struct image_buffer b;
	bool is64, have_symtab = false;
	struct stat st;
	ssize_t n;

	/* A short read (an empty or tiny file, a directory, a FIFO) leaves it to libelf. */
	memset(&raw, 0, sizeof(raw));
	n = pread(m->fd, &raw, sizeof(raw), 0);
	if (n < (ssize_t)sizeof(Elf32_Ehdr) || memcmp(raw.e_ident, ELFMAG, SELFMAG) != 0 ||
	    raw.e_ident[EI_DATA] != host_data)
		return;
	head_len = (size_t)n;
	eh = raw;
	if (eh.e_ident[EI_CLASS] == ELFCLASS64) {
		is64 = true;
		ehdr_size = sizeof(Elf64_Ehdr);
		shdr_size = sizeof(Elf64_Shdr);
	} else if (eh.e_ident[EI_CLASS] == ELFCLASS32) {
		Elf32_Ehdr eh32;

		memcpy(&eh32, &eh, sizeof(eh32));
		is64 = false;
		ehdr_size = sizeof(Elf32_Ehdr);
		shdr_size = sizeof(Elf32_Shdr);
		eh.e_shoff = eh32.e_shoff;
		eh.e_shentsize = eh32.e_shentsize;
		eh.e_shnum = eh32.e_shnum;
		eh.e_shstrndx = eh32.e_shstrndx;
	} else {
		return;
	}
	if (head_len < ehdr_size || eh.e_shnum == 0 || eh.e_shnum > PARTS_MAX_SECTIONS ||
	    eh.e_shstrndx == SHN_XINDEX || eh.e_shstrndx >= eh.e_shnum || eh.e_shentsize != shdr_size ||
	    eh.e_shoff == 0 || eh.e_shoff > PARTS_MAX_OFFSET)
		return;
	shdrs_len = (uint64_t)eh.e_shnum * shdr_size;

	/*
	 * The ELF header, then the section headers with what lies just before them and up to TAIL_AFTER bytes
	 * after them: a read that ends early gives the file's size without an fstat() (ld -r puts the headers
	 * at the end; a signed module's signature follows them).
	 */
	b = image_buffer_get();
	lead = SHDR_LEAD_BASE + (uint64_t)eh.e_shnum * SHDR_LEAD_PER_SECTION;
	if (lead > eh.e_shoff)
		lead = eh.e_shoff;
	tail = (struct part){ eh.e_shoff - lead, lead + shdrs_len, part_place(ehdr_size, eh.e_shoff - lead) };
	used = tail.at + (size_t)tail.len;
	if (!image_buffer_reserve(&b, used + TAIL_AFTER))
		goto fallback;
	memcpy(b.p, &raw, ehdr_size);
	n = pread(m->fd, b.p + tail.at, (size_t)tail.len + TAIL_AFTER, (off_t)tail.off);
	if (n >= (ssize_t)tail.len && n < (ssize_t)tail.len + TAIL_AFTER)
		size = tail.off + (uint64_t)n;
	else if (n == (ssize_t)tail.len + TAIL_AFTER && fstat(m->fd, &st) == 0 && S_ISREG(st.st_mode))
		size = (uint64_t)st.st_size;
	else
		goto fallback;
#define SHDR(i) (b.p + tail.at + (size_t)lead + (size_t)(i) * shdr_size)

	/* Each section header decoded once. */
	for (size_t i = 0; i < eh.e_shnum; i++)
		sec[i] = shdr_fields(SHDR(i), is64);

	/* The name table first, as the names of .modinfo are in it: read with the section headers, else now. */
	const struct shdr_fields *names = &sec[eh.e_shstrndx];
	const uint8_t *shstr;
	wanted[eh.e_shstrndx] = true;
	if (names->type != SHT_STRTAB || names->off > size || names->len > size - names->off)
		goto fallback;
	if (names->off >= tail.off && names->off + names->len <= tail.off + tail.len) {
		shstr = b.p + tail.at + (size_t)(names->off - tail.off);
	} else {
		size_t at = part_place(used, names->off);
		if (!image_buffer_reserve(&b, at + (size_t)names->len) ||
		    !pread_all(m->fd, b.p + at, (size_t)names->len, names->off))
			goto fallback;
		parts[n_parts++] = (struct part){ names->off, names->len, at };
		n_reads = 1;
		used = at + (size_t)names->len;
		shstr = b.p + at;
	}

	/*
	 * Every section within the file; the parts to read: the (first) symbol table with its string table,
	 * the extended index tables, and .modinfo, found by name as module_file_read() finds it (elf_strptr()
	 * sees these same bytes).
	 */
	for (size_t i = 1; i < eh.e_shnum; i++) {  /* section 0 is SHN_UNDEF: libelf never lists it */
		const struct shdr_fields *sh = &sec[i];

		if (sh->type == SHT_NOBITS)
			continue;
		if (sh->off > size || sh->len > size - sh->off)
			goto fallback;
		if ((sh->type == SHT_SYMTAB && !have_symtab) || sh->type == SHT_SYMTAB_SHNDX) {
			if (n_parts + 2 > PARTS_MAX)
				goto fallback;
			parts[n_parts++] = (struct part){ sh->off, sh->len, 0 };
			wanted[i] = true;
			if (sh->type == SHT_SYMTAB) {
				have_symtab = true;
				/* Its string table; one of NOBITS type is libelf's path's to report. */
				if (sh->link >= eh.e_shnum)
					goto fallback;
				const struct shdr_fields *str = &sec[sh->link];
				if (str->type == SHT_NOBITS || str->off > size || str->len > size - str->off)
					goto fallback;
				parts[n_parts++] = (struct part){ str->off, str->len, 0 };
				wanted[sh->link] = true;
			}
		} else if (sh->type == SHT_PROGBITS && sh->name < names->len &&
			   names->len - sh->name >= sizeof(".modinfo") &&
			   memcmp(shstr + sh->name, ".modinfo", sizeof(".modinfo")) == 0) {
			if (n_parts == PARTS_MAX)
				goto fallback;
			parts[n_parts++] = (struct part){ sh->off, sh->len, 0 };
			wanted[i] = true;
		}
	}

	/* Neighbours merged, each run read once; parts[] then lists the runs, each with its place. */
	qsort(parts + n_reads, n_parts - n_reads, sizeof(*parts), cmp_part);
	for (size_t i = n_reads; i < n_parts;) {
		uint64_t start = parts[i].off, end = parts[i].off + parts[i].len;
		size_t at;

		for (i++; i < n_parts && parts[i].off <= end + PART_MERGE_GAP; i++)
			if (parts[i].off + parts[i].len > end)
				end = parts[i].off + parts[i].len;
		at = part_place(used, start);
		if (!image_buffer_reserve(&b, at + (size_t)(end - start)) ||
		    (end > start && !pread_all(m->fd, b.p + at, (size_t)(end - start), start)))
			goto fallback;
		parts[n_reads++] = (struct part){ start, end - start, at };
		used = at + (size_t)(end - start);
	}
	n_parts = n_reads;
	parts[n_parts++] = tail;

	/* The file's section offsets after the image; the image's own in its section headers. */
	offsets_at = (used + 7) & ~(size_t)7;
	if (!image_buffer_reserve(&b, offsets_at + eh.e_shnum * sizeof(uint64_t)))
		goto fallback;
	for (size_t i = 0; i < eh.e_shnum; i++) {
		const struct shdr_fields *sh = &sec[i];
		uint64_t image_off = 0;

		for (size_t k = 0; k < n_parts && wanted[i]; k++)
			if (sh->off >= parts[k].off && sh->off + sh->len <= parts[k].off + parts[k].len) {
				image_off = parts[k].at + (sh->off - parts[k].off);
				break;
			}
		memcpy(b.p + offsets_at + i * sizeof(uint64_t), &sh->off, sizeof(uint64_t));
		shdr_set_offset(SHDR(i), is64, image_off);
	}
	if (is64) {
		Elf64_Off v = tail.at + lead;
		memcpy(b.p + offsetof(Elf64_Ehdr, e_shoff), &v, sizeof(v));
	} else {
		Elf32_Off v = (Elf32_Off)(tail.at + lead);
		memcpy(b.p + offsetof(Elf32_Ehdr, e_shoff), &v, sizeof(v));
	}
#undef SHDR
	m->image = b.p;
	m->image_len = used;
	m->image_partial = true;
	m->image_cached = b.cached;
	m->image_cap = b.cap;
	m->file_offsets = (const uint64_t *)(b.p + offsets_at);
	m->file_shnum = eh.e_shnum;
	return;
fallback:
	image_buffer_release(&b);
}

static int load_image(struct module_file *m)
{
	struct stat st;
	enum compression c = compression_of(m->path);
	void *mapped;
	const char *why = NULL;
	int r;

	/* O_NONBLOCK: a FIFO named like a module must not hang the run. */
	m->fd = open(m->path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (m->fd < 0) {
		r = -errno;
		ba_warn("%s: cannot open: %s", m->path, strerror(-r));
		return r;
	}
	if (c == COMP_NONE) {
		/*
		 * Only the parts used are read (read_parts()), or, for anything
		 * unusual, libelf pread()s them itself from m->fd.  Mapping the
		 * whole file cost a page fault per 64 KiB and a TLB flush at
		 * munmap(), a quarter of the run time.
		 */
		read_parts(m);
		return 0;
	}
	if (fstat(m->fd, &st) < 0) {
		r = -errno;
		ba_warn("%s: cannot stat: %s", m->path, strerror(-r));
		return r;
	}
	if (!S_ISREG(st.st_mode) || st.st_size == 0) {
		ba_warn("%s: %s", m->path, why_not_elf(m->fd));
		return -ENOEXEC;
	}
	mapped = mmap(NULL, (size_t)st.st_size, PROT_READ | PROT_WRITE, MAP_PRIVATE, m->fd, 0);
	if (mapped == MAP_FAILED) {
		r = -errno;
		ba_warn("%s: cannot map: %s", m->path, strerror(-r));
		return r;
	}
	close(m->fd);
	m->fd = -1;
	r = decompress(c, mapped, (size_t)st.st_size, &m->image, &m->image_len, &why);
	munmap(mapped, (size_t)st.st_size);
	if (r < 0) {
		ba_warn("%s: cannot decompress: %s", m->path, why ? why : strerror(-r));
		m->image = NULL;
	}
	return r;
}

/*
 * elf_memory() cannot read extended section numbering (e_shnum 0 or e_shstrndx
 * SHN_XINDEX, the real values in section 0) from a foreign-endian image:
 * libelf then pread()s them from its file descriptor, which a memory image
 * lacks.  Hand libelf a memfd of
 * the same bytes instead.
 */
static Elf *elf_from_memfd(struct module_file *m)
{
	const uint8_t *p = m->image;
	size_t left = m->image_len;
	int fd = memfd_create("busalias-module", MFD_CLOEXEC);

	if (fd < 0)
		return NULL;
	while (left > 0) {
		ssize_t n = write(fd, p, left);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			close(fd);
			return NULL;
		}
		p += n;
		left -= (size_t)n;
	}
	if (m->fd >= 0)
		close(m->fd);
	m->fd = fd;  /* closed by module_file_free(), after elf_end() */
	return elf_begin(fd, ELF_C_READ_MMAP, NULL);
}

static void add_table(struct module_file *m, const char *sym, const uint8_t *data, uint64_t size, size_t *cap)
{
	struct module_table *t;

	if (m->n_tables == *cap) {
		*cap = *cap ? *cap * 2 : 4;
		m->tables = xrealloc(m->tables, *cap * sizeof(*m->tables));
	}
	t = &m->tables[m->n_tables++];
	t->symbol = xstrdup(sym);
	table_symbol_parse(t->symbol, &t->ts);
	t->data = data;
	t->size = size;
	t->copy = NULL;
}

static int scan_symbols(struct module_file *m, Elf *elf, Elf_Scn *symscn, const GElf_Shdr *symsh, Elf_Data *xndx,
			size_t shnum, bool relocatable)
{
	Elf_Data *syms = elf_getdata(symscn, NULL);
	Elf_Scn *strscn = elf_getscn(elf, symsh->sh_link);
	Elf_Data *strs = NULL;
	GElf_Shdr strsh;
	size_t cap = 0, nsyms, bad_names = 0;

	/* A NOBITS section has a size but no bytes: libelf hands back d_buf == NULL with d_size set. */
	if (strscn && gelf_getshdr(strscn, &strsh) && strsh.sh_type == SHT_NOBITS) {
		ba_warn("%s: symbol table's string table (section %u) has no contents (SHT_NOBITS)", m->path,
			(unsigned)symsh->sh_link);
		return -EINVAL;
	}
	if (strscn)
		strs = elf_rawdata(strscn, NULL);
	if (!syms || !strs || symsh->sh_entsize == 0 || (!syms->d_buf && syms->d_size) ||
	    (!strs->d_buf && strs->d_size)) {
		ba_warn("%s: cannot read symbol table: %s", m->path, elf_errmsg(-1));
		return -EINVAL;
	}
	nsyms = syms->d_size / gelf_fsize(elf, ELF_T_SYM, 1, EV_CURRENT);
	const char *strtab = strs->d_buf;
	size_t strsize = strs->d_size;
	/* A table ending in NUL terminates every name in it: skip a memchr() per symbol. */
	bool terminated = strsize > 0 && strtab[strsize - 1] == '\0';
	/*
	 * The symbols as elf_getdata() converted them, in the host's layout: each one's name is read in place,
	 * and gelf_getsymshndx() (a call through the libelf table and a copy) only for the few named like a
	 * device table.  Without an extended index table it cannot fail for an index below nsyms.
	 */
	const Elf64_Sym *direct64 = NULL;
	const Elf32_Sym *direct32 = NULL;
	if (!xndx && syms->d_type == ELF_T_SYM && syms->d_buf) {
		if (m->target.elfclass == 64 && (uintptr_t)syms->d_buf % _Alignof(Elf64_Sym) == 0 &&
		    nsyms <= syms->d_size / sizeof(Elf64_Sym))
			direct64 = syms->d_buf;
		else if (m->target.elfclass == 32 && (uintptr_t)syms->d_buf % _Alignof(Elf32_Sym) == 0 &&
			 nsyms <= syms->d_size / sizeof(Elf32_Sym))
			direct32 = syms->d_buf;
	}
	bool direct = direct64 || direct32;

	for (size_t i = 1; i < nsyms; i++) {
		GElf_Sym sym;
		Elf32_Word ext = 0;
		const char *name;
		struct table_symbol ts;

		if (direct)
			sym.st_name = direct64 ? direct64[i].st_name : direct32[i].st_name;
		else if (!gelf_getsymshndx(syms, xndx, (int)i, &sym, &ext))
			continue;
		if (sym.st_name >= strsize) {
			/* A device table hidden this way would vanish without a word. */
			bad_names++;
			continue;
		}
		name = strtab + sym.st_name;
		if (!terminated && !memchr(name, '\0', strsize - sym.st_name)) {
			bad_names++;
			continue;
		}
		/* Cheap test first: almost every symbol fails it. */
		if (name[0] != '_' || strncmp(name, "__mod_", 6) != 0)
			continue;
		if (!table_symbol_parse(name, &ts))
			continue;
		if (direct && !gelf_getsymshndx(syms, xndx, (int)i, &sym, &ext))
			continue;
		if (GELF_ST_TYPE(sym.st_info) != STT_OBJECT)
			continue;

		size_t shndx = sym.st_shndx == SHN_XINDEX ? ext : sym.st_shndx;
		if (shndx == SHN_UNDEF || (sym.st_shndx >= SHN_LORESERVE && sym.st_shndx != SHN_XINDEX))
			continue;
		if (shndx >= shnum) {
			ba_warn("%s: %.*s table %s: section index %zu out of range", m->path, (int)ts.type_len, ts.type,
				name, shndx);
			continue;
		}

		Elf_Scn *scn = elf_getscn(elf, shndx);
		GElf_Shdr sh;
		if (!scn || !gelf_getshdr(scn, &sh)) {
			ba_warn("%s: %.*s table %s: bad section: %s", m->path, (int)ts.type_len, ts.type, name,
				elf_errmsg(-1));
			continue;
		}
		uint64_t off = relocatable ? sym.st_value : sym.st_value - sh.sh_addr;
		if ((!relocatable && sym.st_value < sh.sh_addr) || off > sh.sh_size || sym.st_size > sh.sh_size - off) {
			ba_warn("%s: %.*s table %s: symbol lies outside its section", m->path, (int)ts.type_len, ts.type,
				name);
			continue;
		}
		if (sh.sh_type == SHT_NOBITS) {
			add_table(m, name, NULL, sym.st_size, &cap);
			continue;
		}
		if (m->image_partial) {
			/* read_parts() checked that the section lies within the file: only the table's bytes are read. */
			uint8_t *copy = xmalloc(sym.st_size ? sym.st_size : 1);
			errno = 0;
			if (shndx >= m->file_shnum ||
			    !pread_all(m->fd, copy, sym.st_size, m->file_offsets[shndx] + off)) {
				ba_warn("%s: %.*s table %s: cannot read section (file truncated?): %s", m->path,
					(int)ts.type_len, ts.type, name, errno ? strerror(errno) : "unexpected end of file");
				free(copy);
				continue;
			}
			add_table(m, name, copy, sym.st_size, &cap);
			m->tables[m->n_tables - 1].copy = copy;
			continue;
		}
		/*
		 * The bytes at the section's offset, whatever its type says, as modpost reads them and as the
		 * partial image's path above does (libelf refuses the data of a typed section, say SHT_REL,
		 * whose size is no multiple of its entries': F9).
		 */
		if (m->image) {
			if (sh.sh_offset > m->image_len || sh.sh_size > m->image_len - sh.sh_offset) {
				ba_warn("%s: %.*s table %s: cannot read section (file truncated?): section past the end of the file",
					m->path, (int)ts.type_len, ts.type, name);
				continue;
			}
			add_table(m, name, (const uint8_t *)m->image + sh.sh_offset + off, sym.st_size, &cap);
			continue;
		}
		struct stat st;
		if (fstat(m->fd, &st) < 0 || sh.sh_offset > (uint64_t)st.st_size ||
		    sh.sh_size > (uint64_t)st.st_size - sh.sh_offset) {
			ba_warn("%s: %.*s table %s: cannot read section (file truncated?): section past the end of the file",
				m->path, (int)ts.type_len, ts.type, name);
			continue;
		}
		uint8_t *copy = xmalloc(sym.st_size ? sym.st_size : 1);
		errno = 0;
		if (!pread_all(m->fd, copy, sym.st_size, sh.sh_offset + off)) {
			ba_warn("%s: %.*s table %s: cannot read section (file truncated?): %s", m->path, (int)ts.type_len,
				ts.type, name, errno ? strerror(errno) : "unexpected end of file");
			free(copy);
			continue;
		}
		add_table(m, name, copy, sym.st_size, &cap);
		m->tables[m->n_tables - 1].copy = copy;
	}
	if (bad_names)
		ba_warn("%s: %zu symbol names lie outside the string table or are unterminated; their tables, if any, are skipped",
			m->path, bad_names);
	return 0;
}

/* The ELF handle, target ABI, .modinfo and tables of a module whose bytes are already loaded (or m->fd). */
static int module_file_read(struct module_file *m, struct module_file **out)
{
	const char *path = m->path;
	const char *modinfo_name = NULL;
	Elf_Scn *scn = NULL, *symscn = NULL;
	Elf_Data *xndx = NULL;
	GElf_Shdr symsh = { 0 };
	GElf_Ehdr eh;
	size_t shnum, shstrndx;
	Elf *elf;
	int r;

	elf = m->image ? elf_memory(m->image, m->image_len) : elf_begin(m->fd, ELF_C_READ, NULL);
	m->elf = elf;
	if (!elf || elf_kind(elf) != ELF_K_ELF || !gelf_getehdr(elf, &eh)) {
		ba_warn("%s: %s", path, m->image ? "not an ELF file" : why_not_elf(m->fd));
		r = -ENOEXEC;
		goto fail;
	}
	m->target.elfclass = eh.e_ident[EI_CLASS] == ELFCLASS32 ? 32 : 64;
	m->target.big_endian = eh.e_ident[EI_DATA] == ELFDATA2MSB;
	m->target.machine = eh.e_machine;
	if (m->image && (eh.e_shnum == 0 || eh.e_shstrndx == SHN_XINDEX) &&
	    (elf_getshdrnum(elf, &shnum) < 0 || elf_getshdrstrndx(elf, &shstrndx) < 0)) {
		Elf *e2 = elf_from_memfd(m);
		if (e2) {
			elf_end(elf);
			m->elf = elf = e2;
		}
	}
	if (elf_getshdrnum(elf, &shnum) < 0 || elf_getshdrstrndx(elf, &shstrndx) < 0) {
		ba_warn("%s: truncated or corrupt ELF section headers: %s", path, elf_errmsg(-1));
		r = -EINVAL;
		goto fail;
	}
	/* libelf trusts its own idea of the header size; a file that disagrees is corrupt. */
	if (shnum > 0 && eh.e_shentsize != gelf_fsize(elf, ELF_T_SHDR, 1, EV_CURRENT)) {
		ba_warn("%s: corrupt ELF header: section header size %u", path, eh.e_shentsize);
		r = -EINVAL;
		goto fail;
	}
	if (shstrndx >= shnum)
		/* Section names (so .modinfo) are unreadable; the symbol table is still found by type. */
		ba_warn("%s: section name table index %zu out of range", path, shstrndx);

	while ((scn = elf_nextscn(elf, scn))) {
		GElf_Shdr sh;
		const char *sname;

		if (!gelf_getshdr(scn, &sh))
			continue;
		if (sh.sh_type == SHT_SYMTAB && !symscn) {
			symscn = scn;
			symsh = sh;
		} else if (sh.sh_type == SHT_SYMTAB_SHNDX) {
			xndx = elf_getdata(scn, NULL);
		} else if (sh.sh_type == SHT_PROGBITS && (sname = elf_strptr(elf, shstrndx, sh.sh_name)) &&
			   strcmp(sname, ".modinfo") == 0) {
			Elf_Data *d = elf_rawdata(scn, NULL);
			if (d && d->d_buf)
				parse_modinfo(m, d->d_buf, d->d_size, &modinfo_name);
			else
				ba_warn("%s: cannot read .modinfo: %s", path, elf_errmsg(-1));
		}
	}
	module_file_set_name(m, modinfo_name);
	/* The name ends every output line: one with a newline or a space in it would forge lines. */
	if (!valid_name(m->name, BA_MAX_MODULE_NAME)) {
		ba_warn("%s: module name \"%.300s\"%s (from %s) is not a valid module name (1 to %u bytes, no "
			"whitespace, control characters or '/'); module skipped",
			path, m->name, strlen(m->name) > 300 ? "..." : "", modinfo_name && *modinfo_name ? ".modinfo name=" : "the file name",
			BA_MAX_MODULE_NAME);
		r = -EINVAL;
		goto fail;
	}
	m->kver = kversion_parse(m->vermagic);

	if (!symscn) {
		ba_warn("%s: no symbol table", path);
		r = -ENOEXEC;
		goto fail;
	}
	r = scan_symbols(m, elf, symscn, &symsh, xndx, shnum, eh.e_type == ET_REL);
	if (r < 0)
		goto fail;
	*out = m;
	return 0;
fail:
	module_file_free(m);
	return r;
}

/* A module of path, nothing read yet: NULL with *r set when libelf cannot be had. */
static struct module_file *module_file_new(const char *path, int *r)
{
	struct module_file *m;

	if ((*r = libelf_load(path)) < 0)
		return NULL;
	m = xcalloc(1, sizeof(*m));
	m->fd = -1;
	m->path = xstrdup(path);
	return m;
}

int module_file_open(const char *path, struct module_file **out)
{
	int r;
	struct module_file *m = module_file_new(path, &r);

	if (!m)
		return r;
	r = load_image(m);
	if (r < 0) {
		module_file_free(m);
		return r;
	}
	return module_file_read(m, out);
}

int module_file_open_mem(const char *path, const void *data, size_t len, struct module_file **out)
{
	enum compression c = compression_of(path);
	const char *why = NULL;
	int r;
	struct module_file *m = module_file_new(path, &r);

	if (!m)
		return r;
	if (c == COMP_NONE) {
		/* A copy: the caller's buffer need not outlive the module, nor be writable for libelf. */
		m->image = xmalloc(len ? len : 1);
		memcpy(m->image, data, len);
		m->image_len = len;
	} else if ((r = decompress(c, data, len, &m->image, &m->image_len, &why)) < 0) {
		ba_warn("%s: cannot decompress: %s", path, why ? why : strerror(-r));
		m->image = NULL;
		module_file_free(m);
		return r;
	}
	return module_file_read(m, out);
}

void module_file_free(struct module_file *m)
{
	if (!m)
		return;
	if (m->elf)
		elf_end(m->elf);
	if (m->image_partial) {
		struct image_buffer b = { m->image, m->image_cap, m->image_cached };
		image_buffer_release(&b);
	} else {
		free(m->image);
	}
	if (m->fd >= 0)
		close(m->fd);
	for (size_t i = 0; i < m->n_tables; i++) {
		free(m->tables[i].symbol);
		free(m->tables[i].copy);
	}
	free(m->tables);
	free(m->modinfo_aliases);
	free(m->path);
	free(m->name);
	free(m->vermagic);
	free(m);
}
