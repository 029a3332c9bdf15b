// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * mkmodule: write a fixture module for the shell tests.
 *
 *   mkmodule -o OUT [--preset full|empty|ambiguous|warn-mask|warn-size|warn-noterm|warn-override]
 *            [--class 32|64] [--endian le|be] [--machine NAME|NUMBER]
 *            [--name NAME|--no-name] [--vermagic STRING|--no-vermagic]
 *            [--no-symtab] [--xindex] [--modinfo-unterminated] [--patch WHERE:FIELD[+-]=VALUE]...
 *            [--modinfo KEY=VALUE]...   (more .modinfo strings, such as alias=..., in order)
 *            [--pad-sections N]   (N >= 65280: extended section numbering, real SHN_XINDEX)
 *
 * Layouts follow the vermagic: pci_device_id without override_only before
 * 5.15, acpi_device_id with a 9-byte id before 5.18.  The "full" preset yields
 * the same aliases on every ABI; see tests/cli/expected/.
 */
#include <elf.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mkmodule.h"

static const struct {
	const char *name;
	uint16_t em;
	int elfclass;
	bool be;
} machines[] = {
	{ "x86_64", EM_X86_64, 64, false }, { "i386", EM_386, 32, false },  { "ppc", EM_PPC, 32, true },
	{ "ppc64", EM_PPC64, 64, true },    { "mips", EM_MIPS, 32, true },  { "m68k", EM_68K, 32, true },
	{ "arm", EM_ARM, 32, false },       { "aarch64", EM_AARCH64, 64, false }, { "s390", EM_S390, 64, true },
	{ "riscv", EM_RISCV, 64, false },
};

static void usage(void)
{
	fputs("usage: mkmodule -o OUT [--preset P] [--machine M] [--class 32|64] [--endian le|be]\n"
	      "       [--name N|--no-name] [--vermagic V|--no-vermagic] [--no-symtab] [--xindex]\n"
	      "       [--modinfo-unterminated] [--patch WHERE:FIELD=VALUE]... [--modinfo KEY=VALUE]...\n",
	      stderr);
	exit(2);
}

static unsigned kver_of(const char *vermagic)
{
	unsigned a = 0, b = 0;

	if (!vermagic || sscanf(vermagic, "%u.%u", &a, &b) != 2)
		return 0;
	return a << 8 | b;
}

int main(int argc, char **argv)
{
	enum { O_PRESET = 0x100, O_CLASS, O_ENDIAN, O_MACHINE, O_NAME, O_NONAME, O_VERMAGIC, O_NOVERMAGIC, O_NOSYMTAB,
	       O_XINDEX, O_UNTERM, O_PATCH, O_PAD, O_MODINFO };
	static const struct option opts[] = {
		{ "preset", required_argument, NULL, O_PRESET },
		{ "class", required_argument, NULL, O_CLASS },
		{ "endian", required_argument, NULL, O_ENDIAN },
		{ "machine", required_argument, NULL, O_MACHINE },
		{ "name", required_argument, NULL, O_NAME },
		{ "no-name", no_argument, NULL, O_NONAME },
		{ "vermagic", required_argument, NULL, O_VERMAGIC },
		{ "no-vermagic", no_argument, NULL, O_NOVERMAGIC },
		{ "no-symtab", no_argument, NULL, O_NOSYMTAB },
		{ "xindex", no_argument, NULL, O_XINDEX },
		{ "modinfo-unterminated", no_argument, NULL, O_UNTERM },
		{ "patch", required_argument, NULL, O_PATCH },
		{ "pad-sections", required_argument, NULL, O_PAD },
		{ "modinfo", required_argument, NULL, O_MODINFO },
		{ 0 },
	};
	struct mkm_spec spec = {
		.target = { .elfclass = 64, .big_endian = false, .machine = EM_X86_64 },
		.modname = "fixture_full",
		.vermagic = "6.1.0-13-amd64 SMP preempt mod_unload modversions ",
	};
	struct mkm_patch patches[32];
	const char *modinfo_extra[64];
	const char *out = NULL, *preset = "full";
	int c, elfclass = 0, endian = -1;
	bool xindex = false;

	while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			out = optarg;
			break;
		case O_PRESET:
			preset = optarg;
			break;
		case O_CLASS:
			elfclass = atoi(optarg);
			if (elfclass != 32 && elfclass != 64)
				usage();
			break;
		case O_ENDIAN:
			endian = !strcmp(optarg, "be");
			break;
		case O_MACHINE: {
			size_t i;
			for (i = 0; i < sizeof(machines) / sizeof(machines[0]); i++)
				if (!strcmp(machines[i].name, optarg))
					break;
			if (i < sizeof(machines) / sizeof(machines[0])) {
				spec.target.machine = machines[i].em;
				spec.target.elfclass = machines[i].elfclass;
				spec.target.big_endian = machines[i].be;
			} else {
				spec.target.machine = (uint16_t)strtoul(optarg, NULL, 0);
			}
			break;
		}
		case O_NAME:
			spec.modname = optarg;
			break;
		case O_NONAME:
			spec.modname = NULL;
			break;
		case O_VERMAGIC:
			spec.vermagic = optarg;
			break;
		case O_NOVERMAGIC:
			spec.vermagic = NULL;
			break;
		case O_NOSYMTAB:
			spec.no_symtab = true;
			break;
		case O_XINDEX:
			xindex = true;
			break;
		case O_UNTERM:
			spec.modinfo_unterminated = true;
			break;
		case O_MODINFO:
			if (spec.n_modinfo_extra == 64)
				usage();
			modinfo_extra[spec.n_modinfo_extra++] = optarg;
			break;
		case O_PAD:
			spec.pad_sections = strtoul(optarg, NULL, 0);
			break;
		case O_PATCH:
			if (spec.n_patches == 32 || mkm_parse_patch(optarg, &patches[spec.n_patches++]) < 0) {
				fprintf(stderr, "mkmodule: bad --patch %s\n", optarg);
				return 2;
			}
			break;
		default:
			usage();
		}
	}
	if (!out || optind != argc)
		usage();
	if (elfclass)
		spec.target.elfclass = elfclass;
	if (endian >= 0)
		spec.target.big_endian = endian;
	spec.patches = patches;
	spec.modinfo_extra = modinfo_extra;

	const struct mkm_target *t = &spec.target;
	unsigned kv = kver_of(spec.vermagic);
	bool pci_override = !kv || kv >= (5 << 8 | 15);
	unsigned acpi_len = !kv || kv >= (5 << 8 | 18) ? 16 : 9;
	struct mkm_buf ro = { 0 }, acpi = { 0 };
	size_t pci_size = 0, plat_size = 0, acpi_size = 0, pci_entry;
	/* Warning presets only change the pci table. */
	bool warn_mask = !strcmp(preset, "warn-mask"), warn_size = !strcmp(preset, "warn-size"),
	     warn_noterm = !strcmp(preset, "warn-noterm"), warn_override = !strcmp(preset, "warn-override"),
	     ambiguous = !strcmp(preset, "ambiguous");

	if (strcmp(preset, "full") && strcmp(preset, "empty") && !warn_mask && !warn_size && !warn_noterm &&
	    !warn_override && !ambiguous) {
		fprintf(stderr, "mkmodule: unknown preset %s\n", preset);
		return 2;
	}

	pci_entry = mkm_pci_id(&ro, t, pci_override, 0x8086, 0x100e, ~0u, ~0u, 0, 0, 0, 0);
	mkm_pci_id(&ro, t, pci_override, 0x15b3, 0x1021, ~0u, ~0u, 0, 0, 7, pci_override);
	mkm_pci_id(&ro, t, pci_override, ~0u, ~0u, ~0u, ~0u, 0x0c0330, 0xffffff, 0, 0);
	mkm_pci_id(&ro, t, pci_override, 0x1af4, ~0u, 0x1af4, 0x0001, 0x020000, 0xffff00, 0, 0);
	mkm_pci_id(&ro, t, pci_override, 0x8086, 0x100e, ~0u, ~0u, 0, 0, 1, 0); /* same alias again */
	if (warn_mask)
		mkm_pci_id(&ro, t, pci_override, 0x10ec, 0x8168, ~0u, ~0u, 0x020000, 0xfff000, 0, 0);
	if (ambiguous) {
		/* 8 x 40 = 10 x 32 bytes: both pci_device_id layouts fit on LP64 */
		mkm_pci_id(&ro, t, pci_override, 0x1234, 0x0001, ~0u, ~0u, 0, 0, 0, 0);
		mkm_pci_id(&ro, t, pci_override, 0x1234, 0x0002, ~0u, ~0u, 0, 0, 0, 0);
	}
	if (warn_override)
		mkm_pci_id(&ro, t, pci_override, 0x10ec, 0x8169, ~0u, ~0u, 0, 0, 0, 2);
	if (!warn_noterm)
		mkm_pci_id(&ro, t, pci_override, 0, 0, 0, 0, 0, 0, 0, 0);
	pci_size = ro.len;
	if (warn_size) {
		/* Table symbol covers half an entry more than the array. */
		mkm_buf_zero(&ro, pci_entry / 2);
		pci_size = ro.len;
	}
	while (ro.len % 8)
		mkm_buf_zero(&ro, 1);
	size_t plat_off = ro.len;
	mkm_platform_id(&ro, t, "busalias-test", 0);
	mkm_platform_id(&ro, t, "ba-test-v2", 1);
	mkm_platform_id(&ro, t, "", 0);
	plat_size = ro.len - plat_off;

	mkm_buf_add(&acpi, "JUNKJUNK", 8);
	mkm_acpi_id(&acpi, t, acpi_len, "SMPL0001", 0, 0, 0);
	mkm_acpi_id(&acpi, t, acpi_len, "", 0, 0x010601, 0xffffff);
	mkm_acpi_id(&acpi, t, acpi_len, "", 0, 0x0c0300, 0xffff00);
	mkm_acpi_id(&acpi, t, acpi_len, "", 0, 0, 0);
	acpi_size = acpi.len - 8;

	const struct mkm_section sections[] = {
		{ .name = ".rodata", .type = SHT_PROGBITS, .data = ro.p, .size = ro.len, .align = 8 },
		{ .name = ".rodata.acpi", .type = SHT_PROGBITS, .data = acpi.p, .size = acpi.len, .align = 8 },
		{ .name = ".bss", .type = SHT_NOBITS, .size = 64 + pci_entry, .align = 8 },
		{ .name = ".text", .type = SHT_PROGBITS, .data = "\xc3\xc3\xc3\xc3", .size = 4, .align = 4 },
	};
	char kmod_sym[256];
	snprintf(kmod_sym, sizeof(kmod_sym), "__mod_device_table__kmod_%s__acpi__ba_acpi_ids",
		 spec.modname ? spec.modname : "fixture");
	const struct mkm_sym syms[] = {
		{ .name = "fixture.c", .section = MKM_SHN_ABS, .local = true, .type = STT_FILE },
		{ .name = "ba_pci_ids", .section = 0, .value = 0, .size = pci_size, .local = true },
		{ .name = "__mod_pci__ba_pci_ids_device_table", .section = 0, .value = 0, .size = pci_size,
		  .xindex = xindex },
		{ .name = "__mod_device_table__platform__ba_plat_ids", .section = 0, .value = plat_off,
		  .size = plat_size, .xindex = xindex },
		{ .name = kmod_sym, .section = 1, .value = 8, .size = acpi_size, .local = true, .xindex = xindex },
		/* Only a terminator, in .bss: no aliases, no warning. */
		{ .name = "__mod_pci__ba_bss_ids_device_table", .section = 2, .value = 64, .size = pci_entry },
		/* A table type no plugin knows (no kernel has it): ignored.  Same length as the "usb" it was. */
		{ .name = "__mod_xyz__ba_usb_ids_device_table", .section = 0, .value = 0, .size = 32 },
		/* Near misses that are not tables. */
		{ .name = "__mod_pci__nope", .section = 0, .value = 0, .size = pci_entry },
		{ .name = "init_module", .section = 3, .value = 0, .size = 4, .type = STT_FUNC },
		{ .name = "printk", .section = MKM_SHN_UNDEF, .type = STT_NOTYPE },
	};
	spec.sections = sections;
	spec.n_sections = sizeof(sections) / sizeof(sections[0]);
	spec.syms = syms;
	spec.n_syms = strcmp(preset, "empty") ? sizeof(syms) / sizeof(syms[0]) : 2;
	if (!strcmp(preset, "empty")) {
		static const struct mkm_sym few[] = {
			{ .name = "init_module", .section = 3, .value = 0, .size = 4, .type = STT_FUNC },
			{ .name = "printk", .section = MKM_SHN_UNDEF, .type = STT_NOTYPE },
		};
		spec.syms = few;
	}
	int r = mkm_write(out, &spec);
	mkm_buf_free(&ro);
	mkm_buf_free(&acpi);
	return r < 0 ? 1 : 0;
}
