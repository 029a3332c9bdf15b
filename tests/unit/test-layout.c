// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Layout placement against what the targets' C compilers do.  Every expected
 * offset and size below was worked out by hand from the psABIs (natural
 * alignment; m68k caps alignment at 2; i386 aligns 8-byte integers to 4;
 * __aligned() raises alignment; struct size rounds up to the largest member
 * alignment) and cross-checked with the kernel's own structs.
 */
#include <criterion/criterion.h>

#include "unit.h"

TestSuite(layout, .fini = unit_leak_check);

#define K510 BA_KVER(5, 10, 0)
#define K61 BA_KVER(6, 1, 0)

static struct ba_target bt(const struct mkm_target *t)
{
	return (struct ba_target){ .elfclass = (uint8_t)t->elfclass, .big_endian = t->big_endian, .machine = t->machine };
}

/* A struct of our own, as a table type (one version, one variant). */
#define OWN_STRUCT(name, fields_, n_slots_)                                                    \
	static const struct ba_table_type name = BA_TABLE_TYPE(.type = #name, .struct_name = #name, \
		.n_slots = (n_slots_), .n_fields = BA_COUNT(fields_), .fields = (fields_))

static struct placed_layout *place_k(const struct ba_table_type *tt, uint32_t kver, const struct mkm_target *mt)
{
	struct ba_target t = bt(mt);
	int err = 0;
	struct placed_layout *pl = layout_place(tt, kver, 0, &t, &err);

	cr_assert_not_null(pl, "layout_place failed: %d", err);
	return pl;
}

static struct placed_layout *place(const struct ba_table_type *tt, const struct mkm_target *mt)
{
	return place_k(tt, 0, mt);
}

static void check(const struct placed_layout *pl, uint32_t size, uint32_t align, const uint32_t *offsets, uint32_t n)
{
	cr_expect_eq(pl->size, size, "size %u, expected %u", pl->size, size);
	cr_expect_eq(pl->align, align, "align %u, expected %u", pl->align, align);
	cr_assert_eq(pl->n_fields, n);
	for (uint32_t i = 0; i < n; i++)
		cr_expect_eq(pl->fields[i].offset, offsets[i], "field %u at %u, expected %u", i, pl->fields[i].offset,
			     offsets[i]);
}


/* ---- the plugins' own declarations ---- */

static void check_table(const char *type, uint32_t kver, const struct mkm_target *t, uint32_t size, uint32_t align,
			const uint32_t *offsets, uint32_t n)
{
	struct placed_layout *pl = place_k(unit_table(type), kver, t);

	check(pl, size, align, offsets, n);
	free(pl);
}

Test(layout, pci_device_id)
{
	/* vendor device subvendor subdevice class class_mask driver_data [override_only] */
	static const uint32_t lp64_v2[] = { 0, 4, 8, 12, 16, 20, 24, 32 };
	static const uint32_t ilp32_v2[] = { 0, 4, 8, 12, 16, 20, 24, 28 };

	check_table("pci", K61, &T_X86_64, 40, 8, lp64_v2, 8);
	check_table("pci", K61, &T_AARCH64, 40, 8, lp64_v2, 8);
	check_table("pci", K61, &T_S390X, 40, 8, lp64_v2, 8);
	check_table("pci", K61, &T_I386, 32, 4, ilp32_v2, 8);
	check_table("pci", K61, &T_PPC, 32, 4, ilp32_v2, 8);
	check_table("pci", K61, &T_MIPS, 32, 4, ilp32_v2, 8);
	check_table("pci", K61, &T_M68K, 32, 2, ilp32_v2, 8);
	/* before 5.15: no override_only */
	check_table("pci", K510, &T_X86_64, 32, 8, lp64_v2, 7);
	check_table("pci", K510, &T_PPC, 28, 4, ilp32_v2, 7);
	check_table("pci", K510, &T_M68K, 28, 2, ilp32_v2, 7);
}

Test(layout, acpi_device_id)
{
	/* id driver_data cls cls_msk */
	static const uint32_t lp64[] = { 0, 16, 24, 28 };
	static const uint32_t ilp32_16[] = { 0, 16, 20, 24 };
	static const uint32_t ilp32_9[] = { 0, 12, 16, 20 };
	static const uint32_t m68k_9[] = { 0, 10, 14, 18 };

	/* ACPI_ID_LEN 16 (5.18+) */
	check_table("acpi", K61, &T_X86_64, 32, 8, lp64, 4);
	check_table("acpi", K61, &T_S390X, 32, 8, lp64, 4);
	check_table("acpi", K61, &T_I386, 28, 4, ilp32_16, 4);
	check_table("acpi", K61, &T_MIPS, 28, 4, ilp32_16, 4);
	check_table("acpi", K61, &T_M68K, 28, 2, ilp32_16, 4);
	/* ACPI_ID_LEN 9: the 9-byte id pads to the ulong's alignment */
	check_table("acpi", K510, &T_X86_64, 32, 8, lp64, 4);
	check_table("acpi", K510, &T_I386, 24, 4, ilp32_9, 4);
	check_table("acpi", K510, &T_PPC, 24, 4, ilp32_9, 4);
	check_table("acpi", K510, &T_M68K, 22, 2, m68k_9, 4);
}

Test(layout, platform_device_id)
{
	static const uint32_t lp64[] = { 0, 24 }, ilp32[] = { 0, 20 };

	check_table("platform", K61, &T_X86_64, 32, 8, lp64, 2);
	check_table("platform", K61, &T_AARCH64, 32, 8, lp64, 2);
	check_table("platform", K61, &T_I386, 24, 4, ilp32, 2);
	check_table("platform", K61, &T_ARM, 24, 4, ilp32, 2);
	check_table("platform", K61, &T_M68K, 24, 2, ilp32, 2);
}

/* ---- declarations of our own ---- */

/* struct usb_device_id: 5 x __u16, 7 x __u8, kernel_ulong_t driver_info __aligned(sizeof(kernel_ulong_t)) */
static const struct ba_field usb_fields[] = {
	BA_U16(0, "match_flags"), BA_U16(1, "idVendor"), BA_U16(2, "idProduct"), BA_U16(3, "bcdDevice_lo"),
	BA_U16(4, "bcdDevice_hi"), BA_U8(5, "bDeviceClass"), BA_U8(6, "bDeviceSubClass"),
	BA_U8(7, "bDeviceProtocol"), BA_U8(8, "bInterfaceClass"), BA_U8(9, "bInterfaceSubClass"),
	BA_U8(10, "bInterfaceProtocol"), BA_U8(11, "bInterfaceNumber"),
	BA_ALIGNED(12, "driver_info", ULONG, 1, BA_ALIGN_ULONG),
};
OWN_STRUCT(usb_layout, usb_fields, 13);
/* The same struct without the __aligned(): what m68k would do without it. */
static const struct ba_field usb_plain_fields[] = {
	BA_U16(0, "match_flags"), BA_U16(1, "idVendor"), BA_U16(2, "idProduct"), BA_U16(3, "bcdDevice_lo"),
	BA_U16(4, "bcdDevice_hi"), BA_U8(5, "bDeviceClass"), BA_U8(6, "bDeviceSubClass"),
	BA_U8(7, "bDeviceProtocol"), BA_U8(8, "bInterfaceClass"), BA_U8(9, "bInterfaceSubClass"),
	BA_U8(10, "bInterfaceProtocol"), BA_U8(11, "bInterfaceNumber"), BA_ULONG(12, "driver_info"),
};
OWN_STRUCT(usb_plain_layout, usb_plain_fields, 13);

static const uint32_t usb_head[] = { 0, 2, 4, 6, 8, 10, 11, 12, 13, 14, 15, 16 };

static void check_usb(const struct ba_table_type *l, const struct mkm_target *t, uint32_t dd, uint32_t size, uint32_t align)
{
	uint32_t off[13];

	memcpy(off, usb_head, sizeof(usb_head));
	off[12] = dd;
	struct placed_layout *pl = place(l, t);
	check(pl, size, align, off, 13);
	free(pl);
}

Test(layout, usb_like_aligned_ulong)
{
	check_usb(&usb_layout, &T_X86_64, 24, 32, 8);
	check_usb(&usb_layout, &T_S390X, 24, 32, 8);
	check_usb(&usb_layout, &T_I386, 20, 24, 4);
	check_usb(&usb_layout, &T_PPC, 20, 24, 4);
	/* m68k: __aligned(4) lifts driver_info past the 2-byte cap: 24 bytes, as in the kernel */
	check_usb(&usb_layout, &T_M68K, 20, 24, 4);
	/* without it, 17 rounds to 18 only */
	check_usb(&usb_plain_layout, &T_M68K, 18, 22, 2);
	check_usb(&usb_plain_layout, &T_I386, 20, 24, 4);
}

/* struct { __u8 a; __u64 b; __u16 c; } */
static const struct ba_field u64_fields[] = { BA_U8(0, "a"), BA_U64(1, "b"), BA_U16(2, "c") };
OWN_STRUCT(u64_layout, u64_fields, 3);

Test(layout, u64_alignment)
{
	static const uint32_t natural[] = { 0, 8, 16 }, i386[] = { 0, 4, 12 }, m68k[] = { 0, 2, 10 };
	struct placed_layout *pl;

	pl = place(&u64_layout, &T_X86_64);
	check(pl, 24, 8, natural, 3);
	free(pl);
	/* i386 SysV: long long is 4-byte aligned inside structs */
	pl = place(&u64_layout, &T_I386);
	check(pl, 16, 4, i386, 3);
	free(pl);
	pl = place(&u64_layout, &T_M68K);
	check(pl, 12, 2, m68k, 3);
	free(pl);
	/* 32-bit ABIs other than i386 keep 8 */
	pl = place(&u64_layout, &T_PPC);
	check(pl, 24, 8, natural, 3);
	free(pl);
	pl = place(&u64_layout, &T_ARM);
	check(pl, 24, 8, natural, 3);
	free(pl);
	pl = place(&u64_layout, &T_MIPS);
	check(pl, 24, 8, natural, 3);
	free(pl);
}

/* struct { __u16 a; __u32 b[3]; __u8 c; __u8 d[5] __aligned(8); } */
static const struct ba_field arr_fields[] = {
	BA_U16(0, "a"), BA_ARRAY(1, "b", U32, 3), BA_U8(2, "c"), BA_ALIGNED(3, "d", U8, 5, 8),
};
OWN_STRUCT(arr_layout, arr_fields, 4);

Test(layout, arrays_and_explicit_alignment)
{
	static const uint32_t x86[] = { 0, 4, 16, 24 }, m68k[] = { 0, 2, 14, 16 };
	struct placed_layout *pl;

	pl = place(&arr_layout, &T_X86_64);
	check(pl, 32, 8, x86, 4);
	cr_expect_eq(pl->fields[1].size, 12);
	cr_expect_eq(pl->fields[1].elem_size, 4);
	cr_expect_eq(pl->fields[3].size, 5);
	free(pl);
	pl = place(&arr_layout, &T_I386);
	check(pl, 32, 8, x86, 4);
	free(pl);
	pl = place(&arr_layout, &T_M68K);
	check(pl, 24, 8, m68k, 4);
	free(pl);
}

Test(layout, bad_declarations)
{
	static const struct ba_field bad_kind[] = { { .name = "x", .slot = 0, .kind = BA_KIND__COUNT, .count = 1 } };
	static const struct ba_field bad_slot[] = { BA_U32(5, "x") };
	static const struct ba_field bad_align[] = { BA_ALIGNED(0, "x", U32, 1, 3) };
	static const struct ba_field empty_chars[] = { BA_CHARS(0, "x", 0) };
	static const struct ba_field gone[] = { { .name = "x", .kind = BA_KIND_U32, .until = BA_KVER(3, 0, 0) } };
	const struct ba_table_type types[] = {
		BA_TABLE_TYPE(.n_slots = 2, .n_fields = 1, .fields = bad_kind),
		BA_TABLE_TYPE(.n_slots = 2, .n_fields = 1, .fields = bad_slot),
		BA_TABLE_TYPE(.n_slots = 2, .n_fields = 1, .fields = bad_align),
		BA_TABLE_TYPE(.n_slots = 2, .n_fields = 0, .fields = bad_slot),
		BA_TABLE_TYPE(.n_slots = 2, .n_fields = 1, .fields = NULL),
		BA_TABLE_TYPE(.n_slots = 2, .n_fields = 1, .fields = empty_chars),
		/* no member left in the kernel asked for */
		BA_TABLE_TYPE(.n_slots = 2, .n_fields = 1, .fields = gone),
	};
	struct ba_target t = bt(&T_X86_64);

	for (size_t i = 0; i < ARRAY_SIZE(types); i++) {
		int err = 0;
		cr_expect_null(layout_place(&types[i], BA_KVER(6, 1, 0), 0, &t, &err), "declaration %zu accepted", i);
		cr_expect_eq(err, -EINVAL);
	}
}

Test(layout, decode_big_and_little_endian)
{
	static const uint8_t be[12] = { 0x12, 0x34, 0, 0, 0xde, 0xad, 0xbe, 0xef, 'a', 'b', 'c', 0 };
	static const struct ba_field f[] = { BA_U16(0, "a"), BA_U32(1, "b"), BA_CHARS(2, "s", 4) };
	OWN_STRUCT(l, f, 4);
	struct placed_layout *pl = place(&l, &T_PPC);
	struct ba_target t = bt(&T_PPC);
	struct ba_value v[4];
	char strs[16];

	layout_decode(pl, &t, be, v, 4, strs);
	cr_expect_eq(v[0].u, 0x1234);
	cr_expect_eq(v[1].u, 0xdeadbeef);
	cr_expect_str_eq(v[2].str, "abc");
	cr_expect_eq(v[3].present, 0, "slot without a field must be absent");
	cr_expect_eq(v[3].u, 0);
	cr_expect_str_eq(v[3].str, "");
	free(pl);

	t = bt(&T_X86_64);
	pl = place(&l, &T_X86_64);
	layout_decode(pl, &t, be, v, 4, strs);
	cr_expect_eq(v[0].u, 0x3412);
	cr_expect_eq(v[1].u, 0xefbeadde);
	free(pl);
}

Test(layout, decode_unterminated_chars_and_arrays)
{
	static const uint8_t e[10] = { 'A', 'B', 'C', 'D', 0, 1, 0, 2, 0, 3 };
	static const struct ba_field f[] = { BA_CHARS(0, "s", 4), BA_ARRAY(1, "w", U16, 3) };
	OWN_STRUCT(l, f, 2);
	struct placed_layout *pl = place(&l, &T_MIPS);
	struct ba_target t = bt(&T_MIPS);
	struct ba_value v[2];
	char strs[16];

	cr_assert_eq(pl->size, 10);
	cr_assert_eq(pl->fields[1].offset, 4);
	layout_decode(pl, &t, e, v, 2, strs);
	/* a full array without NUL is still a bounded string */
	cr_expect_str_eq(v[0].str, "ABCD");
	cr_expect_eq(ba_elem(&v[1], 0), 0x0001);
	cr_expect_eq(ba_elem(&v[1], 1), 0x0002);
	cr_expect_eq(ba_elem(&v[1], 2), 0x0003);
	cr_expect_eq(ba_elem(&v[1], 3), 0, "out of range element must read as 0");
	free(pl);
}

Test(layout, ulong_size)
{
	struct ba_target t64 = bt(&T_S390X), t32 = bt(&T_M68K);

	cr_expect_eq(target_ulong_size(&t64), 8);
	cr_expect_eq(target_ulong_size(&t32), 4);
}

/*
 * The one ABI whose compiler is at hand: the host's.  The kernel structs,
 * declared here in C, must land where layout_place() puts them.
 */
#include <stddef.h>

typedef unsigned long kernel_ulong_t;
struct host_pci_device_id {
	uint32_t vendor, device, subvendor, subdevice, class_, class_mask;
	kernel_ulong_t driver_data;
	uint32_t override_only;
};
struct host_acpi9 {
	uint8_t id[9];
	kernel_ulong_t driver_data;
	uint32_t cls, cls_msk;
};
struct host_acpi16 {
	uint8_t id[16];
	kernel_ulong_t driver_data;
	uint32_t cls, cls_msk;
};
struct host_platform {
	char name[20];
	kernel_ulong_t driver_data;
};
struct host_usb {
	uint16_t match_flags, idVendor, idProduct, bcdDevice_lo, bcdDevice_hi;
	uint8_t bDeviceClass, bDeviceSubClass, bDeviceProtocol, bInterfaceClass, bInterfaceSubClass,
		bInterfaceProtocol, bInterfaceNumber;
	kernel_ulong_t driver_info __attribute__((aligned(sizeof(kernel_ulong_t))));
};
struct host_u64 {
	uint8_t a;
	uint64_t b;
	uint16_t c;
};

static bool host_target(struct mkm_target *t)
{
	t->elfclass = sizeof(long) == 8 ? 64 : 32;
	t->big_endian = __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__;
#if defined(__x86_64__)
	t->machine = EM_X86_64;
#elif defined(__i386__)
	t->machine = EM_386;
#elif defined(__aarch64__)
	t->machine = EM_AARCH64;
#elif defined(__arm__)
	t->machine = EM_ARM;
#elif defined(__powerpc64__)
	t->machine = EM_PPC64;
#elif defined(__powerpc__)
	t->machine = EM_PPC;
#elif defined(__s390x__)
	t->machine = EM_S390;
#elif defined(__riscv)
	t->machine = EM_RISCV;
#elif defined(__mips__)
	t->machine = EM_MIPS;
#elif defined(__m68k__)
	t->machine = EM_68K;
#else
	return false;
#endif
	return true;
}

Test(layout, host_compiler_agrees)
{
	struct mkm_target t;
	struct placed_layout *pl;

	if (!host_target(&t))
		cr_skip_test("unknown host architecture");

	pl = place_k(unit_table("pci"), K61, &t);
	cr_expect_eq(pl->size, sizeof(struct host_pci_device_id));
	cr_expect_eq(pl->fields[6].offset, offsetof(struct host_pci_device_id, driver_data));
	cr_expect_eq(pl->fields[7].offset, offsetof(struct host_pci_device_id, override_only));
	free(pl);

	pl = place_k(unit_table("acpi"), K510, &t);
	cr_expect_eq(pl->size, sizeof(struct host_acpi9));
	cr_expect_eq(pl->fields[1].offset, offsetof(struct host_acpi9, driver_data));
	cr_expect_eq(pl->fields[2].offset, offsetof(struct host_acpi9, cls));
	cr_expect_eq(pl->fields[3].offset, offsetof(struct host_acpi9, cls_msk));
	free(pl);

	pl = place_k(unit_table("acpi"), K61, &t);
	cr_expect_eq(pl->size, sizeof(struct host_acpi16));
	cr_expect_eq(pl->fields[1].offset, offsetof(struct host_acpi16, driver_data));
	cr_expect_eq(pl->fields[3].offset, offsetof(struct host_acpi16, cls_msk));
	free(pl);

	pl = place_k(unit_table("platform"), K61, &t);
	cr_expect_eq(pl->size, sizeof(struct host_platform));
	cr_expect_eq(pl->fields[1].offset, offsetof(struct host_platform, driver_data));
	free(pl);

	pl = place(&usb_layout, &t);
	cr_expect_eq(pl->size, sizeof(struct host_usb));
	cr_expect_eq(pl->align, _Alignof(struct host_usb));
	cr_expect_eq(pl->fields[12].offset, offsetof(struct host_usb, driver_info));
	free(pl);

	pl = place(&u64_layout, &t);
	cr_expect_eq(pl->size, sizeof(struct host_u64));
	cr_expect_eq(pl->align, _Alignof(struct host_u64));
	cr_expect_eq(pl->fields[1].offset, offsetof(struct host_u64, b));
	cr_expect_eq(pl->fields[2].offset, offsetof(struct host_u64, c));
	free(pl);
}
