// SPDX-License-Identifier: LGPL-2.1-or-later
/* busalias gen: module files -> modules.alias lines. */
#include <errno.h>
#include <ftw.h>
#include <pthread.h>
#include <getopt.h>
#include <string.h>
#include <sys/stat.h>

#include "busalias.h"
#include "cmdline.h"

#define MAX_JOBS 64
/* Below this many modules per thread, starting threads costs more than it saves. */
#define MIN_MODULES_PER_JOB 32

struct path_list {
	char **v;
	size_t n, cap;
};

static void path_list_add(struct path_list *l, const char *p)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 256;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	l->v[l->n++] = xstrdup(p);
}

/* What one collect() call found besides modules. */
struct walk_status {
	bool skipped;     /* a module-named link that leads nowhere: malformed input (exit 3) */
	bool unreadable;  /* a directory that could not be read: an input not read (exit 6) */
};

/* nftw() has no user pointer. */
static struct {
	struct path_list *out;
	struct walk_status *status;
	const char *root;    /* the path nftw() walks: PATH/. */
	const char *shown;   /* what stands for root in every path reported: PATH */
} walk;

/* The path as the user would write it: PATH/x, not PATH/./x. */
static char *walk_path(const char *path)
{
	return xasprintf("%s%s", walk.shown, path + strlen(walk.root));
}

static int walk_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	int err = errno;
	const char *base = path + ftw->base;
	struct stat target;
	_cleanup_free_ char *shown = walk_path(path);

	(void)st;
	switch (flag) {
	case FTW_DNR:
		ba_err("%s: cannot read directory: %s", shown, err ? strerror(err) : "unknown error");
		walk.status->unreadable = true;
		break;
	case FTW_NS:
		ba_err("%s: cannot stat: %s", shown, err ? strerror(err) : "unknown error");
		walk.status->unreadable = true;
		break;
	case FTW_F:
		if (module_filename(base))
			path_list_add(walk.out, shown);
		break;
	case FTW_SL:
		/*
		 * A tree of links (cp -as, packaging tools): a link named like a module is read as the file it
		 * points to, as depmod does.  Links to directories (the kernel tree's build and source) are
		 * never followed.
		 */
		if (!module_filename(base))
			break;
		if (stat(path, &target) < 0) {
			char to[4096];
			ssize_t n;

			err = errno;
			n = readlink(path, to, sizeof(to) - 1);
			to[n < 0 ? 0 : n] = '\0';
			ba_warn("%s: symbolic link to %s: %s; skipped", shown, n < 0 ? "?" : to, strerror(err));
			walk.status->skipped = true;
		} else if (!S_ISDIR(target.st_mode)) {
			path_list_add(walk.out, shown);
		}
		break;
	}
	return 0;
}

/* Add arg, or the modules in the tree under it, to out.  -errno (reported) if arg itself cannot be read. */
static int collect(const char *arg, struct path_list *out, struct walk_status *status)
{
	struct stat st;
	_cleanup_free_ char *shown = NULL, *root = NULL;
	size_t len = strlen(arg);
	int r;

	if (stat(arg, &st) < 0) {
		r = -errno;
		ba_err("%s: %s", arg, strerror(-r));
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
	shown = xasprintf("%.*s", (int)len, arg);
	root = xasprintf("%s/.", shown);
	walk.out = out;
	walk.status = status;
	walk.root = root;
	walk.shown = shown;
	errno = 0;
	if (nftw(root, walk_one, 32, FTW_PHYS) < 0) {
		r = errno ? -errno : -EIO;
		ba_err("%s: cannot walk: %s", arg, strerror(-r));
		return r;
	}
	return 0;
}

static int cmp_result(const void *a, const void *b)
{
	const struct gen_result *x = a, *y = b;
	int c = strcmp(x->name ? x->name : "", y->name ? y->name : "");

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

static void render_text(struct strbuf *sb, const struct gen_result *r, size_t n, bool header)
{
	if (header)
		strbuf_adds(sb, DEPMOD_ALIAS_HEADER);
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < r[i].aliases.n; j++) {
			/* Not strbuf_addf(): a printf per line is measurable over a whole tree. */
			strbuf_add(sb, "alias ", 6);
			strbuf_adds(sb, r[i].aliases.alias[j]);
			strbuf_add(sb, " ", 1);
			strbuf_adds(sb, r[i].name);
			strbuf_add(sb, "\n", 1);
		}
}

/* The captured "busalias: warning: ...\n" lines as a JSON array of {"level","message"}. */
static void render_json_messages(struct strbuf *sb, const char *messages)
{
	bool first = true;

	strbuf_adds(sb, "[");
	for (const char *p = messages; p && *p;) {
		const char *eol = strchr(p, '\n'), *level = "info";
		_cleanup_free_ char *line = eol ? strndup(p, (size_t)(eol - p)) : xstrdup(p);
		const char *text = line;

		if (!line)
			break;
		p = eol ? eol + 1 : p + strlen(p);
		if (strncmp(text, "busalias: ", 10) == 0)
			text += 10;
		if (strncmp(text, "warning: ", 9) == 0)
			level = "warning", text += 9;
		else if (strncmp(text, "error: ", 7) == 0)
			level = "error", text += 7;
		strbuf_adds(sb, first ? "{\"level\":\"" : ",{\"level\":\"");
		first = false;
		strbuf_adds(sb, level);
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
static void render_json(struct strbuf *sb, const struct gen_result *r, size_t n, unsigned long warnings)
{
	char kb[32];

	strbuf_adds(sb, "{\"modules\":[");
	for (size_t i = 0; i < n; i++) {
		strbuf_adds(sb, i ? ",\n {" : "\n {");
		strbuf_adds(sb, "\"name\":");
		if (r[i].name)
			strbuf_add_json_string(sb, r[i].name);
		else
			strbuf_adds(sb, "null");
		strbuf_adds(sb, ",\"path\":");
		strbuf_add_json_string(sb, r[i].path);
		strbuf_adds(sb, ",\"kernel\":");
		strbuf_add_json_string(sb, kver_str(r[i].kver, kb, sizeof(kb)));
		strbuf_addf(sb, ",\"warnings\":%u,\"messages\":", r[i].warnings);
		render_json_messages(sb, r[i].messages);
		strbuf_adds(sb, ",\"aliases\":[");
		for (size_t j = 0; j < r[i].aliases.n; j++) {
			strbuf_adds(sb, j ? ",{\"type\":" : "{\"type\":");
			strbuf_add_json_string(sb, r[i].aliases.type[j]);
			strbuf_adds(sb, ",\"alias\":");
			strbuf_add_json_string(sb, r[i].aliases.alias[j]);
			strbuf_adds(sb, "}");
		}
		strbuf_adds(sb, "]}");
	}
	strbuf_addf(sb, "\n],\"warnings\":%lu}\n", warnings);
}

struct gen_work {
	struct ba_log *log;  /* the starting thread's: warnings are counted once for the run */
	const struct plugin_set *plugins;
	unsigned flags;
	char **paths;
	struct gen_result *results;
	size_t n, next;
};

static void *gen_worker(void *arg)
{
	struct gen_work *w = arg;
	struct ba_log *outer = ba_log_use(w->log);
	size_t i;

	while ((i = __atomic_fetch_add(&w->next, 1, __ATOMIC_RELAXED)) < w->n) {
		struct strbuf messages = { 0 };

		ba_log_capture(&messages);
		w->results[i].error = generate_module_flags(w->plugins, w->paths[i], w->flags, &w->results[i]);
		ba_log_capture(NULL);
		w->results[i].messages = messages.buf;
	}
	ba_log_use(outer);
	return NULL;
}

/* Modules are independent: spread them over `jobs` threads; output order is fixed later by sorting. */
static void generate_all(const struct plugin_set *plugins, unsigned flags, char **paths, struct gen_result *results,
			 size_t n, unsigned jobs)
{
	struct gen_work w = { .log = ba_log_current(), .plugins = plugins, .flags = flags, .paths = paths, .results = results, .n = n };
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

int cmd_gen(int argc, char **argv, struct ba_config *cfg)
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
	struct plugin_set plugins = { 0 };
	struct strbuf sb = { 0 };
	struct gen_result *results;
	int c, r, status = BA_EXIT_OK;

	while ((c = getopt_long(argc, argv, "o:b:k:m:j:qh", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			output = strcmp(optarg, "-") ? optarg : NULL;
			break;
		case OPT_MODINFO_ALIASES:
			flags |= GEN_MODINFO_ALIASES;
			break;
		case OPT_JSON:
			json = true;
			break;
		case 'j': {
			char *end;
			unsigned long v = strtoul(optarg, &end, 10);
			if (*end || v < 1 || v > MAX_JOBS) {
				ba_err("--jobs: expected a number from 1 to %d, got '%s'", MAX_JOBS, optarg);
				return BA_EXIT_USAGE;
			}
			jobs = (unsigned)v;
			break;
		}
		case 'h':
			usage(stdout);
			return BA_EXIT_OK;
		default:
			r = module_tree_option(c, optarg, cfg);
			if (r < 0)
				return BA_EXIT_USAGE;
			if (r > 0 || common_option(c, optarg, cfg) == 0)
				break;
			usage(stderr);
			return BA_EXIT_USAGE;
		}
	}

	struct walk_status walked = { 0 };
	if (optind == argc) {
		_cleanup_free_ char *root = NULL, *alt = NULL;
		r = module_tree_path(cfg, NULL, &root, &alt);
		if (r == -ENOENT) {
			ba_err("%s: %s (nor %s)", root, strerror(ENOENT), alt);
			return BA_EXIT_FAILURE;
		}
		if (r < 0)
			return BA_EXIT_USAGE;
		if (collect(root, &paths, &walked) < 0)
			return BA_EXIT_FAILURE;
	}
	/* An input that cannot be read at all is a system error (6), worse than a malformed one (3). */
	bool unreadable = false;
	for (int i = optind; i < argc; i++)
		if (collect(argv[i], &paths, &walked) < 0)
			unreadable = true;
	if (walked.unreadable)
		unreadable = true;
	if (walked.skipped)
		status = BA_EXIT_PARTIAL;

	r = load_plugins(&plugins, cfg);
	if (r < 0) {
		for (size_t i = 0; i < paths.n; i++)
			free(paths.v[i]);
		free(paths.v);
		return BA_EXIT_USAGE;
	}
	if (r > 0)
		status = BA_EXIT_PARTIAL; /* a refused plugin: its tables' aliases are missing */

	results = xcalloc(paths.n, sizeof(*results));
	generate_all(&plugins, flags, paths.v, results, paths.n, jobs);
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
	for (size_t i = 0; i < paths.n; i++)
		if (results[i].messages)
			fputs(results[i].messages, stderr);

	if (unreadable)
		status = BA_EXIT_FAILURE;
	if (json)
		render_json(&sb, results, paths.n, ba_log_current() ? ba_log_warnings(ba_log_current()) : 0);
	else
		render_text(&sb, results, paths.n, flags & GEN_MODINFO_ALIASES);

	if (modules_read == 0) {
		/* An empty result from unreadable input must not replace a good modules.alias. */
		if (paths.n == 0)
			ba_warn("no module files found%s", output ? "" : "; nothing to do");
		else
			ba_warn("none of the %zu module files could be read", paths.n);
		if (status == BA_EXIT_OK)
			status = BA_EXIT_PARTIAL;
	}
	if (output && modules_read == 0) {
		ba_err("%s: left unchanged, as no module was read", output);
	} else if (output) {
		r = write_file_atomic(output, sb.buf ? sb.buf : "", sb.len);
		if (r < 0) {
			ba_err("%s: cannot write: %s", output, strerror(-r));
			status = BA_EXIT_FAILURE;
		}
	} else if (sb.len && (fwrite(sb.buf, 1, sb.len, stdout) != sb.len || fflush(stdout) != 0)) {
		ba_err("standard output: %s", strerror(errno));
		status = BA_EXIT_FAILURE;
	}

	for (size_t i = 0; i < paths.n; i++)
		gen_result_release(&results[i]);
	free(results);
	strbuf_release(&sb);
	plugin_set_free(&plugins);
	return status;
}
