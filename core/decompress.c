// SPDX-License-Identifier: LGPL-2.1-or-later
/* Whole-file decompression of .ko.gz / .ko.xz / .ko.zst, chosen by magic bytes. */
#include <errno.h>
#include <string.h>

#include "busalias.h"

#ifdef HAVE_ZLIB
#include <zlib.h>
#endif
#ifdef HAVE_LZMA
#include <lzma.h>
#endif
#ifdef HAVE_ZSTD
#include <zstd.h>
#endif
#if defined(HAVE_ZLIB) || defined(HAVE_LZMA) || defined(HAVE_ZSTD)
#include <dlfcn.h>
#include <pthread.h>
#endif

/*
 * zlib, liblzma and libzstd are dlopen()ed at the first .ko.gz, .ko.xz or .ko.zst, not linked:
 * mapping them cost every process ~0.2 ms at start, half of what `busalias match` spends besides
 * its lookup, and most commands read no compressed module.  The sonames are those of the
 * libraries' stable ABIs.
 */
struct lazy_lib {
	const char *soname;
	const char *const *symbols;  /* NULL-terminated; fn[i] is symbols[i] */
	void *fn[8];
	pthread_once_t once;
	char error[256];  /* why it could not be loaded; "" once loaded */
};

#if defined(HAVE_ZLIB) || defined(HAVE_LZMA) || defined(HAVE_ZSTD)
static void lazy_lib_open(struct lazy_lib *l)
{
	void *h = dlopen(l->soname, RTLD_NOW | RTLD_LOCAL);

	if (!h) {
		snprintf(l->error, sizeof(l->error), "cannot load %s: %s", l->soname, dlerror());
		return;
	}
	for (size_t i = 0; l->symbols[i]; i++)
		if (!(l->fn[i] = dlsym(h, l->symbols[i]))) {
			snprintf(l->error, sizeof(l->error), "%s has no %s", l->soname, l->symbols[i]);
			dlclose(h);
			return;
		}
	l->error[0] = '\0';
}

#define LAZY_LIB_GET(l, init)                                     \
	static bool l##_get(const char **why)                     \
	{                                                         \
		pthread_once(&l.once, init);                      \
		if (l.error[0])                                   \
			*why = l.error;                           \
		return !l.error[0];                               \
	}
#endif

#ifdef HAVE_ZLIB
static const char *const gz_symbols[] = { "inflateInit2_", "inflate", "inflateEnd", NULL };
static struct lazy_lib gz = { .soname = "libz.so.1", .symbols = gz_symbols, .once = PTHREAD_ONCE_INIT,
			      .error = "not loaded" };
static void gz_open(void) { lazy_lib_open(&gz); }
LAZY_LIB_GET(gz, gz_open)
#define gz_init(z, bits) ((int (*)(z_streamp, int, const char *, int))gz.fn[0])(z, bits, ZLIB_VERSION, (int)sizeof(*(z)))
#define gz_inflate ((int (*)(z_streamp, int))gz.fn[1])
#define gz_end ((int (*)(z_streamp))gz.fn[2])
#endif

#ifdef HAVE_LZMA
static const char *const xz_symbols[] = { "lzma_stream_decoder", "lzma_code", "lzma_end", NULL };
static struct lazy_lib xz = { .soname = "liblzma.so.5", .symbols = xz_symbols, .once = PTHREAD_ONCE_INIT,
			      .error = "not loaded" };
static void xz_open(void) { lazy_lib_open(&xz); }
LAZY_LIB_GET(xz, xz_open)
#define xz_stream_decoder ((lzma_ret(*)(lzma_stream *, uint64_t, uint32_t))xz.fn[0])
#define xz_code ((lzma_ret(*)(lzma_stream *, lzma_action))xz.fn[1])
#define xz_end ((void (*)(lzma_stream *))xz.fn[2])
#endif

#ifdef HAVE_ZSTD
static const char *const zstd_symbols[] = { "ZSTD_createDStream", "ZSTD_freeDStream", "ZSTD_getFrameContentSize",
					    "ZSTD_decompressStream", "ZSTD_isError", NULL };
static struct lazy_lib zstd = { .soname = "libzstd.so.1", .symbols = zstd_symbols, .once = PTHREAD_ONCE_INIT,
				.error = "not loaded" };
static void zstd_open(void) { lazy_lib_open(&zstd); }
LAZY_LIB_GET(zstd, zstd_open)
#define zstd_create ((ZSTD_DStream * (*)(void)) zstd.fn[0])
#define zstd_free ((size_t(*)(ZSTD_DStream *))zstd.fn[1])
#define zstd_content_size ((unsigned long long (*)(const void *, size_t))zstd.fn[2])
#define zstd_decompress ((size_t(*)(ZSTD_DStream *, ZSTD_outBuffer *, ZSTD_inBuffer *))zstd.fn[3])
#define zstd_is_error ((unsigned (*)(size_t))zstd.fn[4])
#endif

/* Modules are at most a few hundred MiB decompressed; more is a hostile input. */
#define MAX_DECOMPRESSED ((size_t)1 << 30)
/*
 * The xz decoder allocates the dictionary a block header asks for (up to
 * 4 GiB) before any output; kbuild compresses with 1-2 MiB dictionaries.
 */
#define MAX_XZ_MEMORY ((uint64_t)64 << 20)

bool module_filename(const char *name)
{
	static const char *const suffixes[] = { ".ko", ".ko.gz", ".ko.xz", ".ko.zst" };
	size_t len = strlen(name);

	for (size_t i = 0; i < ARRAY_SIZE(suffixes); i++) {
		size_t sl = strlen(suffixes[i]);
		if (len > sl && strcmp(name + len - sl, suffixes[i]) == 0)
			return true;
	}
	return false;
}

enum compression compression_of(const char *path)
{
	size_t len = strlen(path);

	if (len > 3 && strcmp(path + len - 3, ".gz") == 0)
		return COMP_GZIP;
	if (len > 3 && strcmp(path + len - 3, ".xz") == 0)
		return COMP_XZ;
	if (len > 4 && strcmp(path + len - 4, ".zst") == 0)
		return COMP_ZSTD;
	return COMP_NONE;
}

static size_t grow(size_t cap)
{
	return cap < MAX_DECOMPRESSED / 2 ? cap * 2 : MAX_DECOMPRESSED;
}

#ifdef HAVE_ZLIB
static int gunzip(const void *in, size_t in_len, void **out, size_t *out_len, const char **why)
{
	z_stream z = { 0 };
	size_t cap = in_len * 4 + 4096;
	unsigned char *buf;
	int r;

	if (!gz_get(why))
		return -ENOTSUP;
	buf = xmalloc(cap);
	if (gz_init(&z, 16 + MAX_WBITS) != Z_OK) {
		free(buf);
		*why = "zlib init failed";
		return -ENOMEM;
	}
	z.next_in = (Bytef *)in;
	z.avail_in = (uInt)in_len;
	do {
		if (z.total_out == cap) {
			if (cap == MAX_DECOMPRESSED)
				break;
			cap = grow(cap);
			buf = xrealloc(buf, cap);
		}
		z.next_out = buf + z.total_out;
		z.avail_out = (uInt)(cap - z.total_out);
		r = gz_inflate(&z, Z_NO_FLUSH);
	} while (r == Z_OK);
	*out_len = z.total_out;
	gz_end(&z);
	if (r != Z_STREAM_END) {
		free(buf);
		*why = r == Z_OK ? "decompressed size too large" : "corrupt gzip data";
		return -EINVAL;
	}
	*out = buf;
	return 0;
}
#endif

#ifdef HAVE_LZMA
static int unxz(const void *in, size_t in_len, void **out, size_t *out_len, const char **why)
{
	lzma_stream s = LZMA_STREAM_INIT;
	size_t cap = in_len * 4 + 4096;
	unsigned char *buf;
	lzma_ret r;

	if (!xz_get(why))
		return -ENOTSUP;
	buf = xmalloc(cap);
	if (xz_stream_decoder(&s, MAX_XZ_MEMORY, LZMA_CONCATENATED) != LZMA_OK) {
		free(buf);
		*why = "xz init failed";
		return -ENOMEM;
	}
	s.next_in = in;
	s.avail_in = in_len;
	do {
		if (s.total_out == cap) {
			if (cap == MAX_DECOMPRESSED)
				break;
			cap = grow(cap);
			buf = xrealloc(buf, cap);
		}
		s.next_out = buf + s.total_out;
		s.avail_out = cap - s.total_out;
		r = xz_code(&s, LZMA_FINISH);
	} while (r == LZMA_OK);
	*out_len = s.total_out;
	xz_end(&s);
	if (r != LZMA_STREAM_END) {
		free(buf);
		*why = r == LZMA_OK ? "decompressed size too large"
		       : r == LZMA_MEMLIMIT_ERROR ? "the xz stream needs more than 64 MiB of decoder memory"
		       : "corrupt xz data";
		return -EINVAL;
	}
	*out = buf;
	return 0;
}
#endif

#ifdef HAVE_ZSTD
/* Kernel modules compress 3-5x with zstd; 64x plus a margin leaves room for unusual ones. */
static size_t zstd_plausible(size_t in_len)
{
	return in_len < (MAX_DECOMPRESSED - 65536) / 64 ? in_len * 64 + 65536 : MAX_DECOMPRESSED;
}

static int unzstd(const void *in, size_t in_len, void **out, size_t *out_len, const char **why)
{
	ZSTD_DStream *ds;
	size_t cap = in_len * 4 + 4096, r = 1;
	unsigned long long hint;
	ZSTD_inBuffer ib = { in, in_len, 0 };
	ZSTD_outBuffer ob;
	unsigned char *buf;

	if (!zstd_get(why))
		return -ENOTSUP;
	ds = zstd_create();
	hint = zstd_content_size(in, in_len);
	if (!ds) {
		*why = "zstd init failed";
		return -ENOMEM;
	}
	/* The frame's content size is only a claim: believed for the first buffer as far as real modules
	 * compress, so that 60 bytes claiming 1 GiB do not get 1 GiB before a byte is decoded (F6);
	 * a larger real output grows the buffer as it comes. */
	if (hint != ZSTD_CONTENTSIZE_UNKNOWN && hint != ZSTD_CONTENTSIZE_ERROR && hint < MAX_DECOMPRESSED)
		cap = (size_t)hint + 1 < zstd_plausible(in_len) ? (size_t)hint + 1 : zstd_plausible(in_len);
	buf = xmalloc(cap);
	ob = (ZSTD_outBuffer){ buf, cap, 0 };
	while (ib.pos < ib.size || r != 0) {
		if (ob.pos == ob.size) {
			if (cap == MAX_DECOMPRESSED)
				break;
			cap = grow(cap);
			buf = xrealloc(buf, cap);
			ob.dst = buf;
			ob.size = cap;
		}
		size_t before_in = ib.pos, before_out = ob.pos;
		r = zstd_decompress(ds, &ob, &ib);
		if (zstd_is_error(r))
			break;
		if (ib.pos == before_in && ob.pos == before_out && ob.pos < ob.size)
			break; /* truncated: no progress possible */
	}
	zstd_free(ds);
	if (zstd_is_error(r) || r != 0 || ib.pos < ib.size) {
		free(buf);
		*why = zstd_is_error(r) ? "corrupt zstd data" : "truncated zstd data";
		return -EINVAL;
	}
	*out = buf;
	*out_len = ob.pos;
	return 0;
}
#endif

int decompress(enum compression c, const void *in, size_t in_len, void **out, size_t *out_len, const char **why)
{
	switch (c) {
	case COMP_NONE:
		break;
	case COMP_GZIP:
#ifdef HAVE_ZLIB
		return gunzip(in, in_len, out, out_len, why);
#else
		*why = "built without gzip support";
		return -ENOTSUP;
#endif
	case COMP_XZ:
#ifdef HAVE_LZMA
		return unxz(in, in_len, out, out_len, why);
#else
		*why = "built without xz support";
		return -ENOTSUP;
#endif
	case COMP_ZSTD:
#ifdef HAVE_ZSTD
		return unzstd(in, in_len, out, out_len, why);
#else
		*why = "built without zstd support";
		return -ENOTSUP;
#endif
	}
	*why = "not compressed";
	return -EINVAL;
}
