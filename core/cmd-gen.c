// SPDX-License-Identifier: LGPL-2.1-or-later
/* busalias gen: module files -> modules.alias lines, through libbusalias's public API only. */
#include <errno.h>
#include <ftw.h>
#include <pthread.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <busalias/busalias.h>

#include "cli.h"
#include "cmdline-ids.h"

#define MAX_JOBS 64
/* Below this many modules per thread, starting threads costs more than it saves. */
#define MIN_MODULES_PER_JOB 32

struct path_list {
	char **v;
	size_t n, cap;
};

static void *or_die(void *p)
{
	if (!p) {
		fputs("busalias: error: out of memory\n", stderr);
		exit(BA_EXIT_FAILURE);
	}
	return p;
}

/* Adds p, which l then owns. */
static void path_list_take(struct path_list *l, char *p)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 256;
		l->v = or_die(realloc(l->v, l->cap * sizeof(*l->v)));
	}
	l->v[l->n++] = p;
}

static void path_list_add(struct path_list *l, const char *p)
{
	path_list_take(l, or_die(strdup(p)));
}

/* What one collect() call found besides modules. */
struct walk_status {
	bool skipped;     /* a module-named link that leads nowhere: malformed input (exit 3) */
	bool unreadable;  /* a directory that could not be read: an input not read (exit 6) */
};

/* nftw() has no user pointer. */
static struct {
	struct ba_ctx *ctx;
	struct path_list *out;
	struct walk_status *status;
	const char *root;    /* the path nftw() walks: PATH/. */
	const char *shown;   /* what stands for root in every path reported: PATH */
} walk;

/* The path as the user would write it: PATH/x, not PATH/./x. */
static char *walk_path(const char *path)
{
	char *p;

	if (asprintf(&p, "%s%s", walk.shown, path + strlen(walk.root)) < 0)
		or_die(NULL);
	return p;
}

static int walk_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	int err = errno;
	const char *base = path + ftw->base;
	struct stat target;
	char *shown;

	(void)st;
	/* Most entries of a tree are neither modules nor errors: their path is never made. */
	if ((flag == FTW_F || flag == FTW_SL) && !ba_module_filename_is_module(base))
		return 0;
	if (flag != FTW_F && flag != FTW_SL && flag != FTW_DNR && flag != FTW_NS)
		return 0;
	shown = walk_path(path);
	switch (flag) {
	case FTW_DNR:
		cli_err(walk.ctx, "%s: cannot read directory: %s", shown, err ? strerror(err) : "unknown error");
		walk.status->unreadable = true;
		break;
	case FTW_NS:
		cli_err(walk.ctx, "%s: cannot stat: %s", shown, err ? strerror(err) : "unknown error");
		walk.status->unreadable = true;
		break;
	case FTW_F:
		path_list_take(walk.out, shown);
		return 0;
	case FTW_SL:
		/*
		 * A tree of links (cp -as, packaging tools): a link named like a module is read as the file it
		 * points to, as depmod does.  Links to directories (the kernel tree's build and source) are
		 * never followed.
		 */
		if (stat(path, &target) < 0) {
			char to[4096];
			ssize_t n;

			err = errno;
			n = readlink(path, to, sizeof(to) - 1);
			to[n < 0 ? 0 : n] = '\0';
			cli_warn(walk.ctx, "%s: symbolic link to %s: %s; skipped", shown, n < 0 ? "?" : to, strerror(err));
			walk.status->skipped = true;
		} else if (!S_ISDIR(target.st_mode)) {
			path_list_take(walk.out, shown);
			return 0;
		}
		break;
	}
	free(shown);
	return 0;
}

/* Add arg, or the modules in the tree under it, to out.  -errno (reported) if arg itself cannot be read. */
static int collect(struct ba_ctx *ctx, const char *arg, struct path_list *out, struct walk_status *status)
{
	struct stat st;
	char *shown = NULL, *root = NULL;
	size_t len = strlen(arg);
	int r = 0;

	if (stat(arg, &st) < 0) {
		r = -errno;
		cli_err(ctx, "%s: %s", arg, strerror(-r));
		return r;
	}
	if (!S_ISDIR(st.st_mode)) {
		path_list_add(out, arg);
		return 0;
	}
	/*
	 * nftw() strips trailing slashes and, with FTW_PHYS, does not enter a root that is a symlink: walk
	 * PATH/. so that a PATH naming a link to a directory is searched, and report paths under PATH.
	 */
	while (len > 0 && arg[len - 1] == '/')
		len--;
	if (asprintf(&shown, "%.*s", (int)len, arg) < 0 || asprintf(&root, "%s/.", shown) < 0)
		or_die(NULL);
	walk.ctx = ctx;
	walk.out = out;
	walk.status = status;
	walk.root = root;
	walk.shown = shown;
	errno = 0;
	if (nftw(root, walk_one, 32, FTW_PHYS) < 0) {
		r = errno ? -errno : -EIO;
		cli_err(ctx, "%s: cannot walk: %s", arg, strerror(-r));
	}
	free(shown);
	free(root);
	return r;
}

/*
 * One input file: what reading it returned and its module (NULL only when memory ran out), or, for text
 * output, a digest of the module made and the module released by the thread that read it: the one thread
 * left at the end (sort, output, freeing) then has one block per module to compare, copy and free.
 */
struct gen_result {
	struct ba_module *module;  /* JSON output; NULL once digested */
	int error;
	unsigned warnings;
	const char *name, *path;   /* the module's, or in block */
	/* text output: the module's messages as printed, messages_len bytes, its modules.alias lines,
	 * text_len bytes, then name and path */
	char *block;
	size_t messages_len, text_len;
};

static int cmp_result(const void *a, const void *b)
{
	const struct gen_result *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	return c ? c : strcmp(x->path, y->path);
}

static const char *kver_str(uint32_t k, char *buf, size_t len)
{
	if (!k)
		return "";
	snprintf(buf, len, "%u.%u.%u", k >> 16, (k >> 8) & 0xff, k & 0xff);
	return buf;
}

/* depmod's first line of modules.alias, kept so the output can stand in for it. */
#define DEPMOD_ALIAS_HEADER "# Aliases extracted from modules themselves.\n"

/* The modules' lines, in r's order, into sb in one allocation. */
static void render_text(struct strbuf *sb, struct gen_result *r, size_t n, bool header)
{
	size_t len = header ? strlen(DEPMOD_ALIAS_HEADER) : 0;
	char *p;

	for (size_t i = 0; i < n; i++)
		len += r[i].text_len;
	if (len == 0)
		return;
	sb->buf = p = or_die(malloc(len + 1));
	sb->len = len;
	sb->cap = len + 1;
	if (header)
		p = mempcpy(p, DEPMOD_ALIAS_HEADER, strlen(DEPMOD_ALIAS_HEADER));
	for (size_t i = 0; i < n; i++)
		if (r[i].text_len)
			p = mempcpy(p, r[i].block + r[i].messages_len, r[i].text_len);
	*p = '\0';
}

static const char *level_of(int priority)
{
	return priority <= LOG_ERR ? "error" : priority == LOG_WARNING ? "warning" : "info";
}

/* A module's messages the log priority lets through (-q: errors only), as the log would print them. */
static void render_messages(struct strbuf *sb, const struct ba_module *m, int max_priority)
{
	for (size_t i = 0; i < ba_module_get_message_count(m); i++) {
		int priority;
		const char *text = ba_module_get_message(m, i, &priority);

		if (priority > max_priority)
			continue;
		strbuf_adds(sb, "busalias: ");
		if (priority <= LOG_WARNING) {
			strbuf_adds(sb, level_of(priority));
			strbuf_adds(sb, ": ");
		}
		strbuf_adds(sb, text);
		strbuf_add(sb, "\n", 1);
	}
}

/* A module's messages as a JSON array of {"level","message"}. */
static void render_json_messages(struct strbuf *sb, const struct ba_module *m, int max_priority)
{
	bool first = true;

	strbuf_adds(sb, "[");
	for (size_t i = 0; i < ba_module_get_message_count(m); i++) {
		int priority;
		const char *text = ba_module_get_message(m, i, &priority);

		if (priority > max_priority)
			continue;
		strbuf_adds(sb, first ? "{\"level\":\"" : ",{\"level\":\"");
		first = false;
		strbuf_adds(sb, level_of(priority));
		strbuf_adds(sb, "\",\"message\":");
		strbuf_add_json_string(sb, text);
		strbuf_adds(sb, "}");
	}
	strbuf_adds(sb, "]");
}

/*
 * Every input file is listed, also those that could not be read ("name":
 * null); each with its warning count and the messages themselves.
 */
static void render_json(struct strbuf *sb, const struct gen_result *r, size_t n, unsigned long warnings,
			int max_priority)
{
	char kb[32];

	strbuf_adds(sb, "{\"modules\":[");
	for (size_t i = 0; i < n; i++) {
		const struct ba_module *m = r[i].module;

		strbuf_adds(sb, i ? ",\n {" : "\n {");
		strbuf_adds(sb, "\"name\":");
		if (ba_module_get_name(m))
			strbuf_add_json_string(sb, ba_module_get_name(m));
		else
			strbuf_adds(sb, "null");
		strbuf_adds(sb, ",\"path\":");
		strbuf_add_json_string(sb, ba_module_get_path(m));
		strbuf_adds(sb, ",\"kernel\":");
		strbuf_add_json_string(sb, kver_str(ba_module_get_kernel_version(m), kb, sizeof(kb)));
		strbuf_addf(sb, ",\"warnings\":%u,\"messages\":", ba_module_get_warning_count(m));
		render_json_messages(sb, m, max_priority);
		strbuf_adds(sb, ",\"aliases\":[");
		for (size_t j = 0; j < ba_module_get_alias_count(m); j++) {
			strbuf_adds(sb, j ? ",{\"type\":" : "{\"type\":");
			strbuf_add_json_string(sb, ba_module_get_alias_type(m, j));
			strbuf_adds(sb, ",\"alias\":");
			strbuf_add_json_string(sb, ba_module_get_alias(m, j));
			strbuf_adds(sb, "}");
		}
		strbuf_adds(sb, "]}");
	}
	strbuf_addf(sb, "\n],\"warnings\":%lu}\n", warnings);
}

/*
 * r's module as text output needs it, in one block: its messages as printed, its "alias PATTERN MODULE"
 * lines (not strbuf_addf(): a printf per line is measurable over a tree), name and path; then the module
 * is released.
 */
static void digest_module(struct gen_result *r, int max_priority)
{
	struct ba_module *m = r->module;
	struct strbuf messages = { 0 };
	const char *name = ba_module_get_name(m) ? ba_module_get_name(m) : "", *path = ba_module_get_path(m);
	size_t n = ba_module_get_alias_count(m), name_len = strlen(name), path_len = strlen(path), text_len = 0;
	char *p;

	render_messages(&messages, m, max_priority);
	for (size_t j = 0; j < n; j++)
		text_len += sizeof("alias ") + strlen(ba_module_get_alias(m, j)) + name_len + 1;
	r->block = p = or_die(malloc(messages.len + text_len + name_len + 1 + path_len + 1));
	r->messages_len = messages.len;
	r->text_len = text_len;
	if (messages.len)
		p = mempcpy(p, messages.buf, messages.len);
	strbuf_release(&messages);
	for (size_t j = 0; j < n; j++) {
		const char *alias = ba_module_get_alias(m, j);

		p = mempcpy(p, "alias ", 6);
		p = mempcpy(p, alias, strlen(alias));
		*p++ = ' ';
		p = mempcpy(p, name, name_len);
		*p++ = '\n';
	}
	r->name = p;
	p = mempcpy(p, name, name_len + 1);
	r->path = p;
	memcpy(p, path, path_len + 1);
	r->warnings = ba_module_get_warning_count(m);
	r->module = ba_module_unref(m);
}

struct gen_work {
	struct ba_ctx *ctx;  /* shared: its plugins are loaded before the threads start */
	unsigned flags;
	bool text;           /* digest each module for text output (digest_module()) */
	int max_priority;    /* of the messages printed */
	char **paths;
	struct gen_result *results;
	size_t n, next;
};

static void *gen_worker(void *arg)
{
	struct gen_work *w = arg;
	size_t i;

	/* Each module's messages stay with it (ba_module_get_message()), printed later in output order. */
	while ((i = __atomic_fetch_add(&w->next, 1, __ATOMIC_RELAXED)) < w->n) {
		struct gen_result *r = &w->results[i];
		const char *name;

		r->error = ba_module_new_from_path(w->ctx, w->paths[i], w->flags, &r->module);
		or_die(r->module);
		if (w->text) {
			digest_module(r, w->max_priority);
			continue;
		}
		name = ba_module_get_name(r->module);
		r->name = name ? name : "";
		r->path = ba_module_get_path(r->module);
		r->warnings = ba_module_get_warning_count(r->module);
	}
	return NULL;
}

/* Modules are independent: spread them over `jobs` threads; output order is fixed later by sorting. */
static void generate_all(struct ba_ctx *ctx, unsigned flags, bool text, char **paths, struct gen_result *results,
			 size_t n, unsigned jobs)
{
	struct gen_work w = { .ctx = ctx, .flags = flags, .text = text, .max_priority = ba_ctx_get_log_priority(ctx),
			      .paths = paths, .results = results, .n = n };
	pthread_t tid[MAX_JOBS];
	unsigned started = 0;

	if (jobs > n / MIN_MODULES_PER_JOB)
		jobs = (unsigned)(n / MIN_MODULES_PER_JOB);
	for (; started + 1 < jobs; started++)
		if (pthread_create(&tid[started], NULL, gen_worker, &w) != 0)
			break;
	gen_worker(&w);
	for (unsigned t = 0; t < started; t++)
		pthread_join(tid[t], NULL);
}

static unsigned default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > MAX_JOBS ? MAX_JOBS : (unsigned)n;
}

static void usage(FILE *f)
{
	fputs("Usage: busalias gen [OPTIONS] [PATH...]\n"
	      "Print the modalias patterns of module files' device tables, as modules.alias lines.\n"
	      "A PATH is a module (.ko, .ko.gz, .ko.xz, .ko.zst) or a directory searched recursively;\n"
	      "without one, BASEDIR/lib/modules/VERSION (else BASEDIR/usr/lib/modules/VERSION) is read.\n\n"
	      "  -o, --output FILE     write FILE atomically instead of standard output ('-': standard output)\n"
	      "  -b, --basedir DIR     module tree root, as depmod -b (default /)\n"
	      "  -k, --kernel VERSION  kernel version directory (default: uname -r)\n"
	      "  -m, --moduledir DIR   module directory under BASEDIR, as depmod -m (default: lib/modules\n"
	      "                        if BASEDIR has it, else usr/lib/modules)\n"
	      "      --module-root DIR the module tree itself, instead of BASEDIR/MODULEDIR/VERSION\n"
	      "      --modinfo-aliases also the modules' own .modinfo alias= strings (MODULE_ALIAS), first,\n"
	      "                        after depmod's header line: a stand-in for depmod's modules.alias\n"
	      "      --json            JSON instead of modules.alias lines\n"
	      "  -j, --jobs N          read modules in N threads (default: online CPUs)\n"
	      COMMON_OPTIONS_HELP,
	      f);
}

int cmd_gen(int argc, char **argv, struct ba_ctx *ctx)
{
	enum { OPT_JSON = 0x100, OPT_MODINFO_ALIASES };
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		MODULE_TREE_OPTIONS,
		{ "modinfo-aliases", no_argument, NULL, OPT_MODINFO_ALIASES },
		{ "json", no_argument, NULL, OPT_JSON },
		{ "jobs", required_argument, NULL, 'j' },
		COMMON_OPTIONS,
		{ 0 },
	};
	const char *output = NULL;
	bool json = false;
	unsigned flags = 0;
	unsigned jobs = default_jobs();
	struct path_list paths = { 0 };
	struct strbuf sb = { 0 };
	struct gen_result *results;
	int c, r, status = BA_EXIT_OK;

	while ((c = getopt_long(argc, argv, "o:b:k:m:j:qh", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			output = strcmp(optarg, "-") ? optarg : NULL;
			break;
		case OPT_MODINFO_ALIASES:
			flags |= BA_MODULE_MODINFO_ALIASES;
			break;
		case OPT_JSON:
			json = true;
			break;
		case 'j': {
			char *end;
			unsigned long v = strtoul(optarg, &end, 10);
			if (*end || v < 1 || v > MAX_JOBS) {
				cli_err(ctx, "--jobs: expected a number from 1 to %d, got '%s'", MAX_JOBS, optarg);
				return BA_EXIT_USAGE;
			}
			jobs = (unsigned)v;
			break;
		}
		case 'h':
			usage(stdout);
			return BA_EXIT_OK;
		default:
			r = cli_module_tree_option(ctx, c, optarg);
			if (r < 0)
				return BA_EXIT_USAGE;
			if (r > 0 || cli_common_option(ctx, c, optarg) == 0)
				break;
			usage(stderr);
			return BA_EXIT_USAGE;
		}
	}

	struct walk_status walked = { 0 };
	if (optind == argc) {
		char *root = NULL, *alt = NULL;
		r = ba_ctx_get_module_path(ctx, NULL, &root, &alt);
		if (r == -ENOENT)
			cli_err(ctx, "%s: %s (nor %s)", root, strerror(ENOENT), alt);
		if (r == 0 && collect(ctx, root, &paths, &walked) < 0)
			r = -EIO;
		free(root);
		free(alt);
		if (r < 0)
			return exit_status_from_errno(r);
	}
	/* An input that cannot be read at all is a system error (6), worse than a malformed one (3). */
	bool unreadable = false;
	for (int i = optind; i < argc; i++)
		if (collect(ctx, argv[i], &paths, &walked) < 0)
			unreadable = true;
	if (walked.unreadable)
		unreadable = true;
	if (walked.skipped)
		status = BA_EXIT_PARTIAL;

	r = ba_ctx_load_plugins(ctx);
	if (r < 0) {
		for (size_t i = 0; i < paths.n; i++)
			free(paths.v[i]);
		free(paths.v);
		return BA_EXIT_USAGE;
	}
	if (r > 0)
		status = BA_EXIT_PARTIAL; /* a refused plugin: its tables' aliases are missing */

	results = or_die(calloc(paths.n ? paths.n : 1, sizeof(*results)));
	generate_all(ctx, flags, !json, paths.v, results, paths.n, jobs);
	if (ba_ctx_get_plugin_errors(ctx))
		status = BA_EXIT_PARTIAL; /* a plugin refused when a table needed it */
	size_t modules_read = 0;
	for (size_t i = 0; i < paths.n; i++) {
		r = results[i].error;
		if (r == 0)
			modules_read++;
		if (r < 0 && r != -ENOEXEC && r != -EINVAL && r != -EPROTO && r != -ENOTSUP)
			unreadable = true;
		if (results[i].warnings && status == BA_EXIT_OK)
			status = BA_EXIT_PARTIAL;
		free(paths.v[i]);
	}
	free(paths.v);
	qsort(results, paths.n, sizeof(*results), cmp_result);
	for (size_t i = 0; i < paths.n; i++) {
		struct strbuf messages = { 0 };
		if (results[i].block) {
			if (results[i].messages_len)
				fwrite(results[i].block, 1, results[i].messages_len, stderr);
			continue;
		}
		render_messages(&messages, results[i].module, ba_ctx_get_log_priority(ctx));
		if (messages.len)
			fputs(messages.buf, stderr);
		strbuf_release(&messages);
	}

	if (unreadable)
		status = BA_EXIT_FAILURE;
	if (json)
		render_json(&sb, results, paths.n, ba_ctx_get_warning_count(ctx), ba_ctx_get_log_priority(ctx));
	else
		render_text(&sb, results, paths.n, flags & BA_MODULE_MODINFO_ALIASES);

	if (modules_read == 0) {
		/* An empty result from unreadable input must not replace a good modules.alias. */
		if (paths.n == 0)
			cli_warn(ctx, "no module files found%s", output ? "" : "; nothing to do");
		else
			cli_warn(ctx, "none of the %zu module files could be read", paths.n);
		if (status == BA_EXIT_OK)
			status = BA_EXIT_PARTIAL;
	}
	if (output && modules_read == 0) {
		cli_err(ctx, "%s: left unchanged, as no module was read", output);
	} else if (output) {
		r = write_file_atomic(output, sb.buf ? sb.buf : "", sb.len);
		if (r < 0) {
			cli_err(ctx, "%s: cannot write: %s", output, strerror(-r));
			status = BA_EXIT_FAILURE;
		}
	} else if (sb.len && (fwrite(sb.buf, 1, sb.len, stdout) != sb.len || fflush(stdout) != 0)) {
		cli_err(ctx, "standard output: %s", strerror(errno));
		status = BA_EXIT_FAILURE;
	}

	for (size_t i = 0; i < paths.n; i++) {
		ba_module_unref(results[i].module);
		free(results[i].block);
	}
	free(results);
	strbuf_release(&sb);
	return status;
}
