/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* input_device_id bitmaps as the kernel declares them (MAX / BITS_PER_LONG + 1 longs) and set up,
 * for every ABI: BITS(n, a, b, c, d) is the designated initializer of the long holding bit n, with
 * each of the bits a..d that lives in that long (0xffff: none). */
#ifndef TYPES_INPUT_BITS_H
#define TYPES_INPUT_BITS_H
#define BITS_PER_LONG (__SIZEOF_LONG__ * 8)
#define W_(n, w) ((n) / BITS_PER_LONG == (w) ? 1UL << ((n) % BITS_PER_LONG) : 0UL)
#define BITS(n, a, b, c, d) [(n) / BITS_PER_LONG] = \
	W_(a, (n) / BITS_PER_LONG) | W_(b, (n) / BITS_PER_LONG) | W_(c, (n) / BITS_PER_LONG) | W_(d, (n) / BITS_PER_LONG)
#define BIT1(n) BITS(n, n, 0xffff, 0xffff, 0xffff)

#define INPUT_ID_HEAD                                               \
	kernel_ulong_t flags;                                       \
	__u16 bustype, vendor, product, version;                    \
	kernel_ulong_t evbit[0x1f / BITS_PER_LONG + 1];             \
	kernel_ulong_t keybit[0x2ff / BITS_PER_LONG + 1];           \
	kernel_ulong_t relbit[0x0f / BITS_PER_LONG + 1];            \
	kernel_ulong_t absbit[0x3f / BITS_PER_LONG + 1];            \
	kernel_ulong_t mscbit[0x07 / BITS_PER_LONG + 1];            \
	kernel_ulong_t ledbit[0x0f / BITS_PER_LONG + 1];            \
	kernel_ulong_t sndbit[0x07 / BITS_PER_LONG + 1];            \
	kernel_ulong_t ffbit[0x7f / BITS_PER_LONG + 1];             \
	kernel_ulong_t swbit[0x0f / BITS_PER_LONG + 1];
#endif
