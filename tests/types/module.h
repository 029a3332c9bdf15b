/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* What a module source needs to look like a kernel module to modpost and busalias: .modinfo strings and
 * MODULE_DEVICE_TABLE() in each era's spelling.  Structs are declared by each fixture, as its kernel had them. */
#ifndef BUSALIAS_TYPES_MODULE_H
#define BUSALIAS_TYPES_MODULE_H

typedef unsigned long kernel_ulong_t;
typedef unsigned char __u8;
typedef unsigned short __u16;
typedef unsigned int __u32;
typedef unsigned long long __u64;

#define MODINFO_(tag, id, value) \
	static const char __modinfo_##id[] __attribute__((section(".modinfo"), used, aligned(1))) = #tag "=" value
#define MODULE_NAME(n) MODINFO_(name, name, n)
#define MODULE_VERMAGIC(v) MODINFO_(vermagic, vermagic, v " SMP mod_unload ")

/* 3.15-6.12 */
#define MODULE_DEVICE_TABLE(type, name) \
	extern typeof(name) __mod_##type##__##name##_device_table __attribute__((alias(#name)))
/* up to 3.14: one table per type */
#define MODULE_DEVICE_TABLE_OLD(type, name) \
	extern typeof(name) __mod_##type##_device_table __attribute__((alias(#name)))
/* 6.13-6.17 */
#define MODULE_DEVICE_TABLE_613(type, name) \
	extern typeof(name) __mod_device_table__##type##__##name __attribute__((alias(#name)))
/* 6.18+: static, with the module name */
#define MODULE_DEVICE_TABLE_618(mod, type, name) \
	static typeof(name) __mod_device_table__kmod_##mod##__##type##__##name __attribute__((used, alias(#name)))

#endif
