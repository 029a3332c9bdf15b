// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Reads a module file with libelf: target ABI, .modinfo, and the device-table
 * symbols.  Table bytes are taken raw (target byte order); the layout code
 * decodes them, so the host's struct layout never matters.
 */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <pthread.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>

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
		 * No image: libelf fstat()s and pread()s the headers and the few
		 * sections we use from m->fd.  Mapping the whole file cost a page
		 * fault per 64 KiB and a TLB flush at munmap(), a quarter of the
		 * run time; a stat of our own cost another syscall per module.
		 */
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

	for (size_t i = 1; i < nsyms; i++) {
		GElf_Sym sym;
		Elf32_Word ext = 0;
		const char *name;
		struct table_symbol ts;

		if (!gelf_getsymshndx(syms, xndx, (int)i, &sym, &ext))
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
		Elf_Data *d = elf_rawdata(scn, NULL);
		if (!d || !d->d_buf || d->d_size < sh.sh_size) {
			ba_warn("%s: %.*s table %s: cannot read section (file truncated?): %s", m->path,
				(int)ts.type_len, ts.type, name, elf_errmsg(-1));
			continue;
		}
		add_table(m, name, (const uint8_t *)d->d_buf + off, sym.st_size, &cap);
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

int module_file_open(const char *path, struct module_file **out)
{
	struct module_file *m;
	int r;

	if ((r = libelf_load(path)) < 0)
		return r;
	m = xcalloc(1, sizeof(*m));
	m->fd = -1;
	m->path = xstrdup(path);
	r = load_image(m);
	if (r < 0) {
		module_file_free(m);
		return r;
	}
	return module_file_read(m, out);
}

int module_file_open_mem(const char *path, const void *data, size_t len, struct module_file **out)
{
	struct module_file *m;
	enum compression c = compression_of(path);
	const char *why = NULL;
	int r;

	if ((r = libelf_load(path)) < 0)
		return r;
	m = xcalloc(1, sizeof(*m));
	m->fd = -1;
	m->path = xstrdup(path);
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
	free(m->image);
	if (m->fd >= 0)
		close(m->fd);
	for (size_t i = 0; i < m->n_tables; i++)
		free(m->tables[i].symbol);
	free(m->tables);
	free(m->modinfo_aliases);
	free(m->path);
	free(m->name);
	free(m->vermagic);
	free(m);
}
