// SPDX-License-Identifier: LGPL-2.1-or-later
/* Writes module-shaped ELF relocatable objects with libelf; see mkmodule.h. */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mkmodule.h"

static void *xrealloc_or_die(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p) {
		perror("mkmodule");
		abort();
	}
	return p;
}

void mkm_buf_add(struct mkm_buf *b, const void *data, size_t n)
{
	if (b->len + n > b->cap) {
		b->cap = (b->len + n) * 2 + 64;
		b->p = xrealloc_or_die(b->p, b->cap);
	}
	if (data)
		memcpy(b->p + b->len, data, n);
	else
		memset(b->p + b->len, 0, n);
	b->len += n;
}

void mkm_buf_zero(struct mkm_buf *b, size_t n)
{
	mkm_buf_add(b, NULL, n);
}

void mkm_buf_free(struct mkm_buf *b)
{
	free(b->p);
	memset(b, 0, sizeof(*b));
}

void mkm_put(uint8_t *p, unsigned n, uint64_t v, bool big_endian)
{
	for (unsigned i = 0; i < n; i++)
		p[big_endian ? n - 1 - i : i] = (uint8_t)(v >> (8 * i));
}

unsigned mkm_ulong_size(const struct mkm_target *t)
{
	return t->elfclass == 64 ? 8 : 4;
}

/*
 * struct pci_device_id { __u32 vendor, device, subvendor, subdevice, class,
 * class_mask; kernel_ulong_t driver_data; __u32 override_only; }
 * Six u32 fill 24 bytes, so driver_data is at 24 on every ABI; the struct is
 * rounded to the ulong's alignment (8 on LP64, 4 on ILP32, 2 on m68k — still
 * a multiple of 4 here).
 *   LP64:  24+8 = 32 (+ override_only 4 = 36 -> 40)
 *   ILP32: 24+4 = 28 (+ 4 = 32)
 */
size_t mkm_pci_id(struct mkm_buf *b, const struct mkm_target *t, bool with_override_only, uint32_t vendor,
		  uint32_t device, uint32_t subvendor, uint32_t subdevice, uint32_t class_, uint32_t class_mask,
		  uint64_t driver_data, uint32_t override_only)
{
	unsigned ul = mkm_ulong_size(t);
	size_t size = ul == 8 ? (with_override_only ? 40 : 32) : (with_override_only ? 32 : 28);
	uint8_t e[40] = { 0 };
	const uint32_t u[6] = { vendor, device, subvendor, subdevice, class_, class_mask };

	for (int i = 0; i < 6; i++)
		mkm_put(e + 4 * i, 4, u[i], t->big_endian);
	mkm_put(e + 24, ul, driver_data, t->big_endian);
	if (with_override_only)
		mkm_put(e + 24 + ul, 4, override_only, t->big_endian);
	mkm_buf_add(b, e, size);
	return size;
}

/*
 * struct platform_device_id { char name[20]; kernel_ulong_t driver_data; }
 *   LP64: driver_data at 24 (20 rounded to 8), size 32
 *   ILP32 and m68k: at 20, size 24
 */
size_t mkm_platform_id(struct mkm_buf *b, const struct mkm_target *t, const char *name, uint64_t driver_data)
{
	unsigned ul = mkm_ulong_size(t);
	size_t off = ul == 8 ? 24 : 20, size = ul == 8 ? 32 : 24;
	uint8_t e[32] = { 0 };

	memcpy(e, name, strnlen(name, 20));
	mkm_put(e + off, ul, driver_data, t->big_endian);
	mkm_buf_add(b, e, size);
	return size;
}

/*
 * struct acpi_device_id { __u8 id[ACPI_ID_LEN]; kernel_ulong_t driver_data;
 * __u32 cls; __u32 cls_msk; }
 *   ACPI_ID_LEN 16: driver_data at 16 everywhere; LP64 size 32, ILP32 28.
 *   ACPI_ID_LEN 9:  LP64 driver_data at 16, cls 24, msk 28, size 32;
 *                   ILP32 at 12, 16, 20, size 24;
 *                   m68k (2-byte alignment) at 10, 14, 18, size 22.
 */
size_t mkm_acpi_id(struct mkm_buf *b, const struct mkm_target *t, unsigned id_len, const char *id,
		   uint64_t driver_data, uint32_t cls, uint32_t cls_msk)
{
	unsigned ul = mkm_ulong_size(t);
	size_t dd, size;
	uint8_t e[32] = { 0 };

	if (id_len == 16) {
		dd = 16;
		size = ul == 8 ? 32 : 28;
	} else {
		id_len = 9;
		dd = ul == 8 ? 16 : t->machine == 4 /* EM_68K */ ? 10 : 12;
		size = ul == 8 ? 32 : t->machine == 4 ? 22 : 24;
	}
	memcpy(e, id, strnlen(id, id_len));
	mkm_put(e + dd, ul, driver_data, t->big_endian);
	mkm_put(e + dd + ul, 4, cls, t->big_endian);
	mkm_put(e + dd + ul + 4, 4, cls_msk, t->big_endian);
	mkm_buf_add(b, e, size);
	return size;
}

int mkm_parse_patch(const char *s, struct mkm_patch *out)
{
	const char *eq = strchr(s, '=');
	const char *colon;
	char *end;
	static char store[8][256];
	static unsigned next;
	char *buf;

	if (!eq || eq == s)
		return -1;
	out->op = '=';
	size_t lhs = (size_t)(eq - s);
	if (s[lhs - 1] == '+' || s[lhs - 1] == '-') {
		out->op = s[lhs - 1];
		lhs--;
	}
	if (lhs >= sizeof(store[0]))
		return -1;
	buf = store[next++ % 8];
	memcpy(buf, s, lhs);
	buf[lhs] = '\0';
	colon = strrchr(buf, ':');
	if (!colon)
		return -1;
	buf[colon - buf] = '\0';
	out->where = buf;
	out->field = colon + 1;
	errno = 0;
	out->value = strtoull(eq + 1, &end, 0);
	if (errno || *end || end == eq + 1)
		return -1;
	return 0;
}

/* Byte offset and width of a header member, by ELF class. */
struct member {
	const char *name;
	unsigned off32, size32, off64, size64;
};
#define M(n, s32, s64) { #n, offsetof(Elf32_##s32, n), sizeof(((Elf32_##s32 *)0)->n), \
			  offsetof(Elf64_##s64, n), sizeof(((Elf64_##s64 *)0)->n) }
static const struct member members[] = {
	M(e_type, Ehdr, Ehdr), M(e_machine, Ehdr, Ehdr), M(e_shoff, Ehdr, Ehdr), M(e_shentsize, Ehdr, Ehdr),
	M(e_shnum, Ehdr, Ehdr), M(e_shstrndx, Ehdr, Ehdr), M(e_ehsize, Ehdr, Ehdr),
	M(sh_name, Shdr, Shdr), M(sh_type, Shdr, Shdr), M(sh_offset, Shdr, Shdr), M(sh_size, Shdr, Shdr),
	M(sh_link, Shdr, Shdr), M(sh_info, Shdr, Shdr), M(sh_entsize, Shdr, Shdr), M(sh_addr, Shdr, Shdr),
	M(st_name, Sym, Sym), M(st_value, Sym, Sym), M(st_size, Sym, Sym), M(st_shndx, Sym, Sym),
	M(st_info, Sym, Sym),
};

static uint64_t get_be_le(const uint8_t *p, unsigned n, bool be)
{
	uint64_t x = 0;

	for (unsigned k = 0; k < n; k++)
		x = x << 8 | p[be ? k : n - 1 - k];
	return x;
}

struct written {
	uint64_t shoff;
	size_t shentsize, symentsize;
	size_t n_sections;
	const char **sec_names;  /* by section index */
	uint64_t symtab_off;
	const char **sym_names;  /* by symbol index */
	size_t n_syms;
};

static int apply_patch(int fd, const struct mkm_spec *s, const struct written *w, const struct mkm_patch *p)
{
	const struct member *m = NULL;
	uint64_t base;
	uint8_t buf[8];
	bool be = s->target.big_endian;

	for (size_t i = 0; i < sizeof(members) / sizeof(members[0]); i++)
		if (!strcmp(members[i].name, p->field))
			m = &members[i];
	if (!m) {
		fprintf(stderr, "mkmodule: unknown field %s\n", p->field);
		return -1;
	}
	if (!strcmp(p->where, "ehdr")) {
		base = 0;
	} else if (!strncmp(p->where, "shdr:", 5)) {
		size_t i;
		if (p->where[5] == '#')  /* by index: "shdr:#0" */
			i = strtoul(p->where + 6, NULL, 0);
		else
			for (i = 1; i < w->n_sections; i++)
				if (!strcmp(w->sec_names[i], p->where + 5))
					break;
		if (i == w->n_sections) {
			fprintf(stderr, "mkmodule: no section %s\n", p->where + 5);
			return -1;
		}
		base = w->shoff + i * w->shentsize;
	} else if (!strncmp(p->where, "sym:", 4)) {
		size_t i;
		for (i = 1; i < w->n_syms; i++)
			if (!strcmp(w->sym_names[i], p->where + 4))
				break;
		if (i >= w->n_syms) {
			fprintf(stderr, "mkmodule: no symbol %s\n", p->where + 4);
			return -1;
		}
		base = w->symtab_off + i * w->symentsize;
	} else {
		fprintf(stderr, "mkmodule: bad patch target %s\n", p->where);
		return -1;
	}
	unsigned off = s->target.elfclass == 64 ? m->off64 : m->off32;
	unsigned n = s->target.elfclass == 64 ? m->size64 : m->size32;
	if (pread(fd, buf, n, (off_t)(base + off)) != (ssize_t)n) {
		fprintf(stderr, "mkmodule: cannot read back %s\n", p->field);
		return -1;
	}
	uint64_t v = get_be_le(buf, n, be);
	v = p->op == '+' ? v + p->value : p->op == '-' ? v - p->value : p->value;
	mkm_put(buf, n, v, be);
	if (pwrite(fd, buf, n, (off_t)(base + off)) != (ssize_t)n) {
		fprintf(stderr, "mkmodule: cannot patch %s\n", p->field);
		return -1;
	}
	return 0;
}

static size_t strtab_add(struct mkm_buf *b, const char *s)
{
	size_t off = b->len;

	mkm_buf_add(b, s, strlen(s) + 1);
	return off;
}

static Elf_Scn *new_section(Elf *elf, struct mkm_buf *shstr, const char *name, uint32_t type, uint64_t flags,
			    void *data, size_t size, Elf_Type dtype, uint64_t align, uint64_t entsize)
{
	Elf_Scn *scn = elf_newscn(elf);
	Elf_Data *d;
	GElf_Shdr sh;

	if (!scn)
		return NULL;
	d = elf_newdata(scn);
	if (!d)
		return NULL;
	d->d_buf = data;
	d->d_size = size;
	d->d_type = dtype;
	d->d_align = align ? align : 1;
	d->d_version = EV_CURRENT;
	if (!gelf_getshdr(scn, &sh))
		return NULL;
	sh.sh_name = strtab_add(shstr, name);
	sh.sh_type = type;
	sh.sh_flags = flags;
	sh.sh_addralign = align ? align : 1;
	sh.sh_entsize = entsize;
	if (!gelf_update_shdr(scn, &sh))
		return NULL;
	return scn;
}

int mkm_write(const char *path, const struct mkm_spec *s)
{
	struct mkm_buf shstr = { 0 }, strtab = { 0 }, modinfo = { 0 };
	bool be = s->target.big_endian, is64 = s->target.elfclass == 64, need_xndx = false;
	size_t pad = s->pad_sections, nsec = pad + s->n_sections;
	/*
	 * section indices: 1..pad empty padding, then the spec's sections, .modinfo, .symtab,
	 * [.symtab_shndx], .strtab, .shstrtab
	 */
	size_t idx_modinfo = nsec + 1, idx_symtab, idx_xndx = 0, idx_strtab, idx_shstrtab, next;
	Elf_Scn **scns = NULL;
	void *symbuf = NULL;
	uint32_t *xndx = NULL;
	size_t nsyms = s->n_syms + 1, symsz = is64 ? sizeof(Elf64_Sym) : sizeof(Elf32_Sym);
	const char **sym_order = NULL, **sec_names = NULL;
	Elf *elf = NULL;
	GElf_Ehdr eh;
	int fd, ret = -1;

	if (elf_version(EV_CURRENT) == EV_NONE)
		return -1;
	for (size_t i = 0; i < s->n_syms; i++)
		need_xndx |= s->syms[i].xindex || pad + 1 + (size_t)s->syms[i].section >= SHN_LORESERVE;

	next = nsec + 1 + !s->no_modinfo;
	idx_modinfo = s->no_modinfo ? 0 : nsec + 1;
	idx_symtab = s->no_symtab ? 0 : next++;
	if (!s->no_symtab && need_xndx)
		idx_xndx = next++;
	idx_strtab = s->no_symtab ? 0 : next++;
	idx_shstrtab = next++;

	fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0) {
		fprintf(stderr, "mkmodule: %s: %s\n", path, strerror(errno));
		return -1;
	}
	elf = elf_begin(fd, ELF_C_WRITE, NULL);
	if (!elf || !gelf_newehdr(elf, is64 ? ELFCLASS64 : ELFCLASS32) || !gelf_getehdr(elf, &eh))
		goto elf_fail;
	eh.e_ident[EI_DATA] = be ? ELFDATA2MSB : ELFDATA2LSB;
	eh.e_ident[EI_OSABI] = ELFOSABI_NONE;
	eh.e_type = ET_REL;
	eh.e_machine = s->target.machine;
	eh.e_version = EV_CURRENT;
	/* Past SHN_LORESERVE the real index lives in section 0's sh_link (set below). */
	eh.e_shstrndx = idx_shstrtab < SHN_LORESERVE ? (uint16_t)idx_shstrtab : SHN_XINDEX;
	if (!gelf_update_ehdr(elf, &eh))
		goto elf_fail;

	strtab_add(&shstr, "");
	strtab_add(&strtab, "");
	scns = calloc(next, sizeof(*scns));
	sec_names = calloc(next, sizeof(*sec_names));
	sec_names[0] = "";
	for (size_t i = 0; i < pad; i++) {
		scns[i + 1] = new_section(elf, &shstr, "", SHT_PROGBITS, 0, NULL, 0, ELF_T_BYTE, 1, 0);
		if (!scns[i + 1])
			goto elf_fail;
		sec_names[i + 1] = "";
	}
	for (size_t i = pad; i < nsec; i++) {
		const struct mkm_section *ms = &s->sections[i - pad];
		bool nobits = ms->type == SHT_NOBITS;
		scns[i + 1] = new_section(elf, &shstr, ms->name, ms->type, SHF_ALLOC | (nobits ? SHF_WRITE : 0),
					  nobits ? NULL : (void *)ms->data, ms->size, ELF_T_BYTE, ms->align, 0);
		if (!scns[i + 1])
			goto elf_fail;
		sec_names[i + 1] = ms->name;
	}
	if (idx_modinfo) {
		if (s->modname) {
			char *kv = NULL;
			if (asprintf(&kv, "name=%s", s->modname) < 0)
				goto out;
			mkm_buf_add(&modinfo, kv, strlen(kv) + 1);
			free(kv);
		}
		mkm_buf_add(&modinfo, "license=GPL", 12);
		for (size_t i = 0; i < s->n_modinfo_extra; i++)
			mkm_buf_add(&modinfo, s->modinfo_extra[i], strlen(s->modinfo_extra[i]) + 1);
		if (s->vermagic) {
			char *kv = NULL;
			if (asprintf(&kv, "vermagic=%s", s->vermagic) < 0)
				goto out;
			mkm_buf_add(&modinfo, kv, strlen(kv) + 1);
			free(kv);
		}
		if (s->modinfo_unterminated)
			mkm_buf_add(&modinfo, "description=no terminator", 25);
		scns[idx_modinfo] = new_section(elf, &shstr, ".modinfo", SHT_PROGBITS, SHF_ALLOC, modinfo.p, modinfo.len,
						ELF_T_BYTE, 1, 0);
		if (!scns[idx_modinfo])
			goto elf_fail;
		sec_names[idx_modinfo] = ".modinfo";
	}
	sym_order = calloc(nsyms, sizeof(*sym_order));
	sym_order[0] = "";
	if (idx_symtab) {
		size_t k = 1, first_global = 1;
		symbuf = calloc(nsyms, symsz);
		xndx = calloc(nsyms, sizeof(*xndx));
		scns[idx_symtab] = new_section(elf, &shstr, ".symtab", SHT_SYMTAB, 0, symbuf, nsyms * symsz, ELF_T_SYM,
					       is64 ? 8 : 4, symsz);
		if (!scns[idx_symtab])
			goto elf_fail;
		sec_names[idx_symtab] = ".symtab";
		/* gelf_update_sym() wants the section's own data descriptor. */
		Elf_Data *symdata = elf_getdata(scns[idx_symtab], NULL);
		/* Locals first, as ELF requires; sh_info is the first global. */
		for (int pass = 0; pass < 2; pass++) {
			if (pass == 1)
				first_global = k;
			for (size_t i = 0; i < s->n_syms; i++) {
				const struct mkm_sym *ms = &s->syms[i];
				GElf_Sym sym = { 0 };
				if (ms->local != (pass == 0))
					continue;
				sym.st_name = (uint32_t)strtab_add(&strtab, ms->name);
				sym.st_value = ms->value;
				sym.st_size = ms->size;
				sym.st_info = GELF_ST_INFO(ms->local ? STB_LOCAL : STB_GLOBAL,
							   ms->type ? ms->type : STT_OBJECT);
				if (ms->section == MKM_SHN_UNDEF)
					sym.st_shndx = SHN_UNDEF;
				else if (ms->section == MKM_SHN_ABS)
					sym.st_shndx = SHN_ABS;
				else if (ms->xindex || pad + 1 + (size_t)ms->section >= SHN_LORESERVE) {
					sym.st_shndx = SHN_XINDEX;
					xndx[k] = (uint32_t)(pad + 1 + (size_t)ms->section);
				} else
					sym.st_shndx = (uint16_t)(pad + 1 + (size_t)ms->section);
				gelf_update_sym(symdata, (int)k, &sym);
				sym_order[k++] = ms->name;
			}
		}
		if (idx_xndx) {
			scns[idx_xndx] = new_section(elf, &shstr, ".symtab_shndx", SHT_SYMTAB_SHNDX, 0, xndx,
						     nsyms * sizeof(*xndx), ELF_T_WORD, 4, 4);
			if (!scns[idx_xndx])
				goto elf_fail;
			sec_names[idx_xndx] = ".symtab_shndx";
		}
		scns[idx_strtab] = new_section(elf, &shstr, ".strtab", SHT_STRTAB, 0, NULL, 0, ELF_T_BYTE, 1, 0);
		if (!scns[idx_strtab])
			goto elf_fail;
		sec_names[idx_strtab] = ".strtab";
		GElf_Shdr sh;
		gelf_getshdr(scns[idx_symtab], &sh);
		sh.sh_link = (uint32_t)idx_strtab;
		sh.sh_info = (uint32_t)first_global;
		gelf_update_shdr(scns[idx_symtab], &sh);
		if (idx_xndx) {
			gelf_getshdr(scns[idx_xndx], &sh);
			sh.sh_link = (uint32_t)idx_symtab;
			gelf_update_shdr(scns[idx_xndx], &sh);
		}
	}
	scns[idx_shstrtab] = new_section(elf, &shstr, ".shstrtab", SHT_STRTAB, 0, NULL, 0, ELF_T_BYTE, 1, 0);
	if (!scns[idx_shstrtab])
		goto elf_fail;
	sec_names[idx_shstrtab] = ".shstrtab";
	if (idx_shstrtab >= SHN_LORESERVE) {
		Elf_Scn *zero = elf_getscn(elf, 0);
		GElf_Shdr sh;
		if (!zero || !gelf_getshdr(zero, &sh))
			goto elf_fail;
		sh.sh_link = (uint32_t)idx_shstrtab;
		if (!gelf_update_shdr(zero, &sh))
			goto elf_fail;
	}
	/* The string tables are final only now. */
	if (idx_strtab) {
		Elf_Data *d = elf_getdata(scns[idx_strtab], NULL);
		d->d_buf = strtab.p;
		d->d_size = strtab.len;
	}
	{
		Elf_Data *d = elf_getdata(scns[idx_shstrtab], NULL);
		d->d_buf = shstr.p;
		d->d_size = shstr.len;
	}
	if (elf_update(elf, ELF_C_WRITE) < 0)
		goto elf_fail;

	struct written w = {
		.shentsize = is64 ? sizeof(Elf64_Shdr) : sizeof(Elf32_Shdr),
		.symentsize = symsz,
		.n_sections = next,
		.sec_names = sec_names,
		.sym_names = sym_order,
		.n_syms = idx_symtab ? nsyms : 0,
	};
	if (!gelf_getehdr(elf, &eh))
		goto elf_fail;
	w.shoff = eh.e_shoff;
	if (idx_symtab) {
		GElf_Shdr sh;
		gelf_getshdr(scns[idx_symtab], &sh);
		w.symtab_off = sh.sh_offset;
	}
	elf_end(elf);
	elf = NULL;
	for (size_t i = 0; i < s->n_patches; i++)
		if (apply_patch(fd, s, &w, &s->patches[i]) < 0)
			goto out;
	ret = 0;
	goto out;
elf_fail:
	fprintf(stderr, "mkmodule: %s: libelf: %s\n", path, elf_errmsg(-1));
out:
	if (elf)
		elf_end(elf);
	if (close(fd) < 0)
		ret = -1;
	if (ret < 0)
		unlink(path);
	free(scns);
	free(sec_names);
	free(sym_order);
	free(symbuf);
	free(xndx);
	mkm_buf_free(&shstr);
	mkm_buf_free(&strtab);
	mkm_buf_free(&modinfo);
	return ret;
}
