// SPDX-License-Identifier: LGPL-2.1-or-later
/* USB: usb_device_id tables.  One entry becomes one alias per piece of its bcdDevice range. */
#include <busalias/plugin.h>

#define USB_MATCH_VENDOR 0x0001
#define USB_MATCH_PRODUCT 0x0002
#define USB_MATCH_DEV_LO 0x0004
#define USB_MATCH_DEV_HI 0x0008
#define USB_MATCH_DEV_CLASS 0x0010
#define USB_MATCH_DEV_SUBCLASS 0x0020
#define USB_MATCH_DEV_PROTOCOL 0x0040
#define USB_MATCH_INT_CLASS 0x0080
#define USB_MATCH_INT_SUBCLASS 0x0100
#define USB_MATCH_INT_PROTOCOL 0x0200
#define USB_MATCH_INT_NUMBER 0x0400

/* 3.6 added bInterfaceNumber and aligned driver_info to its own size (m68k: 4, not 2). */
#define USB_ID(F, V, p)                                              \
	F(p, U16, match_flags)                                       \
	F(p, U16, idVendor)                                          \
	F(p, U16, idProduct)                                         \
	F(p, U16, bcdDevice_lo)                                      \
	F(p, U16, bcdDevice_hi)                                      \
	F(p, U8, bDeviceClass)                                       \
	F(p, U8, bDeviceSubClass)                                    \
	F(p, U8, bDeviceProtocol)                                    \
	F(p, U8, bInterfaceClass)                                    \
	F(p, U8, bInterfaceSubClass)                                 \
	F(p, U8, bInterfaceProtocol)                                 \
	F(p, U8, bInterfaceNumber, .since = BA_KVER(3, 6, 0))        \
	F(p, ULONG, driver_info, .until = BA_KVER(3, 6, 0))          \
	V(p, ULONG, driver_info, .align = BA_ALIGN_ULONG, .since = BA_KVER(3, 6, 0))
BA_STRUCT(usb, USB_ID);

/*
 * Until 3.13 (3.4.y from 3.4.108) a range crossing 9/A printed its upper half as "a-<lo>]" (or
 * "<lo>]" when it ended at A): lower-case, and the low bound instead of the high one.  Modules of
 * those kernels got those aliases, so they get them here too.  The exact fix point is 3.12 or 3.13.
 */
static int usb_crossing_bug(uint32_t kver)
{
	if (kver == 0 || kver >= BA_KVER(3, 13, 0))
		return 0;
	return !(kver >= BA_KVER(3, 4, 108) && kver < BA_KVER(3, 5, 0));
}

/* One alias: the fixed digits `initial` (ndigits of them), then the last digit's range [lo, hi]. */
static int usb_alias(struct ba_out *out, const struct ba_entry *e, unsigned initial, int ndigits,
		     unsigned lo, unsigned hi, unsigned max)
{
	const struct ba_value *v = e->v;
	unsigned flags = (unsigned)v[usb_match_flags].u;
	struct ba_alias a;

	ba_alias_init(&a, "usb:");
	ba_alias_add_hex(&a, "v", flags & USB_MATCH_VENDOR, v[usb_idVendor].u, 4);
	ba_alias_add_hex(&a, "p", flags & USB_MATCH_PRODUCT, v[usb_idProduct].u, 4);
	ba_alias_add(&a, "d");
	if (ndigits)
		ba_alias_hex(&a, initial, (unsigned)ndigits, 0);
	if (lo == hi) {
		ba_alias_hex(&a, lo, 1, 0);
	} else if (lo > 0 || hi < max) {
		if (lo > 0x9 || hi < 0xA) {
			ba_alias_addf(&a, "[%X-%X]", lo, hi);
		} else {
			ba_alias_addf(&a, lo < 0x9 ? "[%X-9" : "[%X", lo);
			if (usb_crossing_bug(e->kver))
				ba_alias_addf(&a, hi > 0xA ? "a-%X]" : "%X]", lo);
			else
				ba_alias_addf(&a, hi > 0xA ? "A-%X]" : "%X]", hi);
		}
	}
	if (ndigits < 3)
		ba_alias_putc(&a, '*');
	ba_alias_add_hex(&a, "dc", flags & USB_MATCH_DEV_CLASS, v[usb_bDeviceClass].u, 2);
	ba_alias_add_hex(&a, "dsc", flags & USB_MATCH_DEV_SUBCLASS, v[usb_bDeviceSubClass].u, 2);
	ba_alias_add_hex(&a, "dp", flags & USB_MATCH_DEV_PROTOCOL, v[usb_bDeviceProtocol].u, 2);
	ba_alias_add_hex(&a, "ic", flags & USB_MATCH_INT_CLASS, v[usb_bInterfaceClass].u, 2);
	ba_alias_add_hex(&a, "isc", flags & USB_MATCH_INT_SUBCLASS, v[usb_bInterfaceSubClass].u, 2);
	ba_alias_add_hex(&a, "ip", flags & USB_MATCH_INT_PROTOCOL, v[usb_bInterfaceProtocol].u, 2);
	if (v[usb_bInterfaceNumber].present) /* "in" from 3.6 */
		ba_alias_add_hex(&a, "in", flags & USB_MATCH_INT_NUMBER, v[usb_bInterfaceNumber].u, 2);
	ba_alias_wildcard(&a);
	return ba_alias_emit(out, &a) < 0 ? 0 : 1;
}

/*
 * Step a 4-digit bcdDevice by inc and return its old value, as modpost's incbcd(): in hex mode a
 * plain 32-bit add; in BCD mode through decimal (digits above 9 count as 9, only the low four
 * digits survive, and 0 - 1 wraps in 64 bits to ...1615).
 */
static unsigned usb_incbcd(unsigned *bcd, int inc, unsigned max)
{
	unsigned old = *bcd;
	uint64_t dec = 0, scale = 1;

	if (max > 0x9) {
		*bcd += (unsigned)inc;
		return old;
	}
	for (unsigned i = 0; i < 4; i++, scale *= 10) {
		unsigned d = *bcd >> (i * 4) & 0xf;
		dec += (d > 9 ? 9 : d) * scale;
	}
	dec += (uint64_t)(int64_t)inc;
	*bcd = 0;
	scale = 1;
	for (unsigned i = 0; i < 4; i++, scale *= 10)
		*bcd += (unsigned)((dec / scale % 10) << (i * 4));
	return old;
}

/* The kernel's do_usb_entry_multi(): the bcdDevice range as fnmatch patterns, digit by digit. */
static int format_usb(struct ba_out *out, const struct ba_entry *e)
{
	const struct ba_value *v = e->v;
	unsigned flags = (unsigned)v[usb_match_flags].u;
	unsigned devlo = flags & USB_MATCH_DEV_LO ? (unsigned)v[usb_bcdDevice_lo].u : 0;
	unsigned devhi = flags & USB_MATCH_DEV_HI ? (unsigned)v[usb_bcdDevice_hi].u : ~0u;
	unsigned max = 0x9, clo, chi;
	int ndigits, n = 0;

	/* BCD unless a digit of the low bound or of the (capped) high bound is above 9. */
	for (ndigits = 0; ndigits < 4; ndigits++) {
		clo = devlo >> (ndigits * 4) & 0xf;
		chi = (devhi > 0x9999 ? 0x9999 : devhi) >> (ndigits * 4) & 0xf;
		if (clo > max || chi > max) {
			max = 0xf;
			break;
		}
	}
	/* Placeholder slots (visor) filled in at run time: no alias, whatever match_flags says. */
	if (!(v[usb_idVendor].u | v[usb_idProduct].u | v[usb_bDeviceClass].u | v[usb_bInterfaceClass].u))
		return 0;
	for (ndigits = 3; devlo <= devhi; ndigits--) {
		clo = devlo & 0xf;
		chi = devhi & 0xf;
		if (chi > max)
			chi = max;
		devlo >>= 4;
		devhi >>= 4;
		if (devlo == devhi || !ndigits) {
			n += usb_alias(out, e, devlo, ndigits, clo, chi, max);
			break;
		}
		if (clo > 0x0)
			n += usb_alias(out, e, usb_incbcd(&devlo, 1, max), ndigits, clo, max, max);
		if (chi < max)
			n += usb_alias(out, e, usb_incbcd(&devhi, -1, max), ndigits, 0x0, chi, max);
	}
	return n;
}

static const struct ba_table_type usb_table = BA_TABLE(usb, "usb", "usb_device_id", .format = format_usb);
static const struct ba_table_type *const usb_tables[] = { &usb_table, NULL };

BUSALIAS_PLUGIN(.name = "usb", .description = "USB device tables", .tables = usb_tables);
