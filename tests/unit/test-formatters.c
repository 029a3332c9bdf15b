// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Every branch of the pci, platform and acpi formatters.  Entries are encoded
 * in the target's byte order by the fixture writer, decoded by the core, and
 * formatted by the built plugin; expected aliases are written out literally,
 * as file2alias.c would print them.
 */
#include <criterion/criterion.h>

#include "unit.h"

TestSuite(pci, .fini = unit_leak_check);
TestSuite(platform, .fini = unit_leak_check);
TestSuite(acpi, .fini = unit_leak_check);

#define ANY 0xffffffffu

static void pci(const struct mkm_target *t, bool v2, uint32_t ven, uint32_t dev, uint32_t sv, uint32_t sd, uint32_t cls,
		uint32_t mask, uint32_t override_only, struct fmt_result *r)
{
	struct mkm_buf b = { 0 };

	mkm_pci_id(&b, t, v2, ven, dev, sv, sd, cls, mask, 0x1234, override_only);
	unit_format("pci", v2 ? BA_KVER(6, 1, 0) : BA_KVER(5, 10, 0), t, b.p, r);
	mkm_buf_free(&b);
}

static void expect_one(const struct fmt_result *r, const char *alias)
{
	cr_expect_eq(r->n_warn, 0, "unexpected warning: %s", r->warn[0]);
	cr_assert_eq(r->n_alias, 1, "expected 1 alias, got %u", r->n_alias);
	cr_expect_str_eq(r->alias[0], alias);
	cr_expect_eq(r->ret, 1);
}

static void expect_skip(const struct fmt_result *r, const char *warning_part)
{
	cr_expect_eq(r->n_alias, 0, "entry should be skipped, got %s", r->alias[0]);
	cr_assert_eq(r->n_warn, 1);
	cr_expect_not_null(strstr(r->warn[0], warning_part), "warning '%s' lacks '%s'", r->warn[0], warning_part);
	cr_expect_eq(r->ret, 0);
}

Test(pci, all_wildcards)
{
	struct fmt_result r;

	pci(&T_X86_64, true, ANY, ANY, ANY, ANY, 0, 0, 0, &r);
	expect_one(&r, "pci:v*d*sv*sd*bc*sc*i*");
}

Test(pci, exact_ids_uppercase_hex)
{
	struct fmt_result r;

	pci(&T_X86_64, true, 0x8086, 0x10fb, 0x1028, 0x1f72, 0, 0, 0, &r);
	expect_one(&r, "pci:v00008086d000010FBsv00001028sd00001F72bc*sc*i*");
	pci(&T_PPC, true, 0xabcd, ANY, ANY, 0xbeef, 0, 0, 0, &r);
	expect_one(&r, "pci:v0000ABCDd*sv*sd0000BEEFbc*sc*i*");
}

Test(pci, class_masks)
{
	struct fmt_result r;

	pci(&T_X86_64, true, ANY, ANY, ANY, ANY, 0x0c0330, 0xffffff, 0, &r);
	expect_one(&r, "pci:v*d*sv*sd*bc0Csc03i30*");
	pci(&T_X86_64, true, ANY, ANY, ANY, ANY, 0x030000, 0xff0000, 0, &r);
	expect_one(&r, "pci:v*d*sv*sd*bc03sc*i*");
	pci(&T_M68K, true, 0x1af4, ANY, ANY, ANY, 0x020000, 0xffff00, 0, &r);
	expect_one(&r, "pci:v00001AF4d*sv*sd*bc02sc00i*");
	/* masked-out bytes are wildcards even if the class has bits there */
	pci(&T_MIPS, true, ANY, ANY, ANY, ANY, 0x0106ff, 0x00ff00, 0, &r);
	expect_one(&r, "pci:v*d*sv*sd*bc*sc06i*");
	pci(&T_I386, true, ANY, ANY, ANY, ANY, 0x0c0330, 0x0000ff, 0, &r);
	expect_one(&r, "pci:v*d*sv*sd*bc*sc*i30*");
}

Test(pci, partial_class_mask_is_skipped)
{
	struct fmt_result r;

	pci(&T_X86_64, true, 0x10ec, 0x8168, ANY, ANY, 0x020000, 0xfff000, 0, &r);
	expect_skip(&r, "class_mask 00FFF000");
	pci(&T_PPC, true, ANY, ANY, ANY, ANY, 0x000001, 0x000001, 0, &r);
	expect_skip(&r, "partial");
	pci(&T_PPC, true, ANY, ANY, ANY, ANY, 0x800000, 0x800000, 0, &r);
	expect_skip(&r, "partial");
}

Test(pci, override_only)
{
	struct fmt_result r;

	pci(&T_X86_64, true, 0x15b3, 0x1021, ANY, ANY, 0, 0, 1, &r);
	expect_one(&r, "vfio_pci:v000015B3d00001021sv*sd*bc*sc*i*");
	pci(&T_PPC, true, 0x15b3, 0x1021, ANY, ANY, 0, 0, 1, &r);
	expect_one(&r, "vfio_pci:v000015B3d00001021sv*sd*bc*sc*i*");
	pci(&T_X86_64, true, 0x15b3, 0x1021, ANY, ANY, 0, 0, 0, &r);
	expect_one(&r, "pci:v000015B3d00001021sv*sd*bc*sc*i*");
	pci(&T_X86_64, true, 0x15b3, 0x1021, ANY, ANY, 0, 0, 2, &r);
	expect_skip(&r, "override_only");
	pci(&T_S390X, true, 0x15b3, 0x1021, ANY, ANY, 0, 0, 0x80000000u, &r);
	expect_skip(&r, "80000000");
}

Test(pci, old_layout_has_no_override_only)
{
	struct fmt_result r;

	/* driver_data sits where override_only would; it must not be read as it */
	pci(&T_X86_64, false, 0x15b3, 0x1021, ANY, ANY, 0, 0, 0, &r);
	expect_one(&r, "pci:v000015B3d00001021sv*sd*bc*sc*i*");
	pci(&T_I386, false, 0x8086, 0x1234, ANY, ANY, 0x020000, 0xff0000, 0, &r);
	expect_one(&r, "pci:v00008086d00001234sv*sd*bc02sc*i*");
}

Test(pci, trailing_star_not_doubled)
{
	struct fmt_result r;

	/* fully specified: one '*' is added; a wildcard interface already ends in '*' */
	pci(&T_X86_64, true, 1, 2, 3, 4, 0x0a0b0c, 0xffffff, 0, &r);
	expect_one(&r, "pci:v00000001d00000002sv00000003sd00000004bc0Asc0Bi0C*");
	pci(&T_X86_64, true, 1, 2, 3, 4, 0x0a0b0c, 0xffff00, 0, &r);
	expect_one(&r, "pci:v00000001d00000002sv00000003sd00000004bc0Asc0Bi*");
}

static void platform(const struct mkm_target *t, const char *name, struct fmt_result *r)
{
	struct mkm_buf b = { 0 };

	mkm_platform_id(&b, t, name, 42);
	unit_format("platform", BA_KVER(6, 1, 0), t, b.p, r);
	mkm_buf_free(&b);
}

Test(platform, names)
{
	struct fmt_result r;

	platform(&T_X86_64, "serial8250", &r);
	expect_one(&r, "platform:serial8250");
	platform(&T_M68K, "atari-ethernec", &r);
	expect_one(&r, "platform:atari-ethernec");
	platform(&T_PPC, "mpc52xx-psc", &r);
	expect_one(&r, "platform:mpc52xx-psc");
	/* PLATFORM_NAME_SIZE is 20: a full array has no NUL, and stops there */
	platform(&T_I386, "abcdefghijklmnopqrst", &r);
	expect_one(&r, "platform:abcdefghijklmnopqrst");
}

static void acpi(const struct mkm_target *t, unsigned id_len, const char *id, uint32_t cls, uint32_t msk,
		 struct fmt_result *r)
{
	struct mkm_buf b = { 0 };

	mkm_acpi_id(&b, t, id_len, id, 7, cls, msk);
	unit_format("acpi", id_len == 16 ? BA_KVER(6, 1, 0) : BA_KVER(5, 10, 0), t, b.p, r);
	mkm_buf_free(&b);
}

Test(acpi, id_form)
{
	struct fmt_result r;

	acpi(&T_X86_64, 16, "PNP0A03", 0, 0, &r);
	expect_one(&r, "acpi*:PNP0A03:*");
	acpi(&T_PPC, 16, "PRP0001", 0, 0, &r);
	expect_one(&r, "acpi*:PRP0001:*");
	/* an id wins over a class */
	acpi(&T_X86_64, 16, "INT33C2", 0x010601, 0xffffff, &r);
	expect_one(&r, "acpi*:INT33C2:*");
	/* 16 bytes with no NUL stays within the array */
	acpi(&T_S390X, 16, "ABCDEFGHIJKLMNOP", 0, 0, &r);
	expect_one(&r, "acpi*:ABCDEFGHIJKLMNOP:*");
}

Test(acpi, class_form)
{
	struct fmt_result r;

	acpi(&T_X86_64, 16, "", 0x010601, 0xffffff, &r);
	expect_one(&r, "acpi*:010601:*");
	/* lower-case hex, ?? for each masked-out byte */
	acpi(&T_X86_64, 16, "", 0x0c03ab, 0xffff00, &r);
	expect_one(&r, "acpi*:0c03??:*");
	acpi(&T_MIPS, 16, "", 0xabcdef, 0x00ff00, &r);
	expect_one(&r, "acpi*:??cd??:*");
	acpi(&T_I386, 16, "", 0xabcdef, 0, &r);
	expect_one(&r, "acpi*:??????:*");
}

Test(acpi, old_nine_byte_ids)
{
	struct fmt_result r;

	acpi(&T_X86_64, 9, "PNP0C0A", 0, 0, &r);
	expect_one(&r, "acpi*:PNP0C0A:*");
	acpi(&T_I386, 9, "ACPI0003", 0, 0, &r);
	expect_one(&r, "acpi*:ACPI0003:*");
	acpi(&T_M68K, 9, "ABCDEFGHI", 0, 0, &r);
	expect_one(&r, "acpi*:ABCDEFGHI:*");
	/* the class fields follow the short id: they must be found on every ABI */
	acpi(&T_M68K, 9, "", 0x0c0310, 0xffffff, &r);
	expect_one(&r, "acpi*:0c0310:*");
	acpi(&T_PPC, 9, "", 0x0c0310, 0xff0000, &r);
	expect_one(&r, "acpi*:0c????:*");
	acpi(&T_X86_64, 9, "", 0x0c0310, 0xffff00, &r);
	expect_one(&r, "acpi*:0c03??:*");
}
