// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * libbusalias through its public header only (no core header is on this test's include path), against
 * the simulated kernel and fake sysfs tree of tests/bind.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <syslog.h>
#include <unistd.h>

#include <busalias/busalias.h>

#include "simkernel.h"

/* Messages a context logged, for the assertions. */
struct log_record {
	char text[4096];  /* the first messages */
	unsigned errors, warnings, infos;
	unsigned bound;   /* "... is now bound to ..." */
};

static void record(void *data, int priority, const char *message)
{
	struct log_record *r = data;
	size_t len = strlen(r->text);

	if (priority <= LOG_ERR)
		r->errors++;
	else if (priority == LOG_WARNING)
		r->warnings++;
	else
		r->infos++;
	if (strstr(message, " is now bound to "))
		r->bound++;
	snprintf(r->text + len, sizeof(r->text) - len, "%s\n", message);
}

/* A fresh simulated machine; returns its root (static storage per call site is not needed: malloc'd). */
static char *new_tree(void)
{
	char *root = strdup("/tmp/busalias-lib-api.XXXXXX");
	char bin[PATH_MAX], link[PATH_MAX];

	cr_assert(root && mkdtemp(root));
	cr_assert_eq(sim_mktree(root), 0);
	snprintf(bin, sizeof(bin), "%s/.bin", root);
	cr_assert_eq(mkdir(bin, 0755), 0);
	snprintf(link, sizeof(link), "%s/modprobe", bin);
	cr_assert_eq(symlink(SIM_PROGRAM, link), 0);
	return root;
}

static void remove_tree(char *root)
{
	char *argv[] = { (char *)"rm", (char *)"-rf", root, NULL };
	pid_t pid = fork();

	if (pid == 0) {
		execvp("rm", argv);
		_exit(127);
	}
	waitpid(pid, NULL, 0);
	free(root);
}

/* A context on root's tree, logging into rec. */
static struct ba_ctx *tree_ctx(const char *root, struct log_record *rec)
{
	struct ba_ctx *ctx = ba_ctx_new();
	char alias[PATH_MAX], lock[PATH_MAX], modprobe[PATH_MAX];

	cr_assert(ctx);
	ba_ctx_set_log_fn(ctx, record, rec);
	ba_ctx_set_log_priority(ctx, LOG_INFO);
	snprintf(alias, sizeof(alias), "%s/.sim/modules.alias", root);
	snprintf(lock, sizeof(lock), "%s/.lock", root);
	snprintf(modprobe, sizeof(modprobe), "%s/.bin/modprobe", root);
	cr_assert_eq(ba_ctx_set_option(ctx, "plugin_dir", TEST_PLUGIN_DIR), 0);
	cr_assert_eq(ba_ctx_set_option(ctx, "sysfs_root", root), 0);
	cr_assert_eq(ba_ctx_set_option(ctx, "alias_file", alias), 0);
	cr_assert_eq(ba_ctx_set_option(ctx, "lock_dir", lock), 0);
	cr_assert_eq(ba_ctx_set_option(ctx, "modprobe", modprobe), 0);
	ba_ctx_set_sysfs_write_fn(ctx, sim_write, NULL);
	return ctx;
}

/* ---- context ---- */

Test(ctx, options)
{
	struct log_record rec = { 0 };
	struct ba_ctx *ctx = ba_ctx_new();

	cr_assert(ctx);
	ba_ctx_set_log_fn(ctx, record, &rec);
	cr_assert_str_eq(ba_ctx_get_option(ctx, "sysfs_root"), "/sys");
	cr_assert_eq(ba_ctx_set_option(ctx, "kernel", "6.1.0-13-amd64"), 0);
	cr_assert_str_eq(ba_ctx_get_option(ctx, "kernel"), "6.1.0-13-amd64");
	cr_assert_eq(ba_ctx_set_option(ctx, "kernel", NULL), 0);
	cr_assert_null(ba_ctx_get_option(ctx, "kernel"));
	cr_assert_eq(ba_ctx_set_option(ctx, "no_such_key", "x"), -EINVAL);
	cr_assert_eq(ba_ctx_set_option(ctx, "sysfs_root", "relative"), -EINVAL);
	cr_assert_eq(ba_ctx_set_option(ctx, "lock_timeout", "soon"), -EINVAL);
	cr_assert_eq(ba_ctx_set_option(ctx, "sysfs_root", NULL), -EINVAL);
	cr_assert_eq(rec.errors, 4, "one error logged per refused setting, got:\n%s", rec.text);
	cr_assert(strstr(rec.text, "unknown setting 'no_such_key'"));
	cr_assert_null(ba_ctx_unref(ctx));
}

Test(ctx, module_path_and_own_messages)
{
	struct log_record rec = { 0 };
	struct ba_ctx *ctx = ba_ctx_new();
	char *path = NULL, *alt = NULL;

	ba_ctx_set_log_fn(ctx, record, &rec);
	cr_assert_eq(ba_ctx_set_option(ctx, "basedir", "/nonexistent"), 0);
	cr_assert_eq(ba_ctx_set_option(ctx, "kernel", "6.1.0-13-amd64"), 0);
	cr_assert_eq(ba_ctx_get_module_path(ctx, "modules.alias", &path, &alt), -ENOENT);
	cr_assert_str_eq(path, "/nonexistent/lib/modules/6.1.0-13-amd64/modules.alias");
	cr_assert_str_eq(alt, "/nonexistent/usr/lib/modules/6.1.0-13-amd64/modules.alias");
	free(path);
	free(alt);
	cr_assert_eq(ba_ctx_set_option(ctx, "module_root", "/srv/tree"), 0);
	cr_assert_eq(ba_ctx_get_module_path(ctx, NULL, &path, NULL), 0);
	cr_assert_str_eq(path, "/srv/tree");
	free(path);
	cr_assert_eq(ba_ctx_set_option(ctx, "module_root", NULL), 0);
	cr_assert_eq(ba_ctx_set_option(ctx, "kernel", "../../etc"), 0);
	cr_assert_eq(ba_ctx_get_module_path(ctx, NULL, &path, NULL), -EINVAL, "a version is a name, not a path");
	free(path);
	cr_assert_eq(rec.errors, 1, "%s", rec.text);

	/* The caller's own messages: logged, filtered and counted as the library's. */
	ba_ctx_set_log_priority(ctx, LOG_ERR);
	ba_ctx_log(ctx, LOG_WARNING, "mine");
	cr_assert_eq(rec.warnings, 0);
	cr_assert_eq(ba_ctx_get_warning_count(ctx), 1);

	cr_assert_eq(ba_module_filename_is_module("e1000e.ko.zst"), 1);
	cr_assert_eq(ba_module_filename_is_module("modules.alias"), 0);
	cr_assert_eq(ba_module_filename_is_module(".ko"), 0);
	ba_ctx_unref(ctx);
}

Test(ctx, config_file)
{
	struct log_record rec = { 0 };
	struct ba_ctx *ctx = ba_ctx_new();
	char path[] = "/tmp/busalias-lib-api-conf.XXXXXX";
	int fd = mkstemp(path);
	const char *text = "[core]\nsysfs_root = /srv/sys\nthis is not a setting\n";

	cr_assert(ctx && fd >= 0);
	cr_assert_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	ba_ctx_set_log_fn(ctx, record, &rec);
	cr_assert_eq(ba_ctx_load_config(ctx, path), -EINVAL);
	cr_assert(strstr(rec.text, ":3: "), "the bad line is named FILE:LINE, got:\n%s", rec.text);
	cr_assert_eq(ba_ctx_load_config(ctx, "/nonexistent/busalias.conf"), -ENOENT);
	unlink(path);
	ba_ctx_unref(ctx);
}

Test(ctx, refcount_keeps_objects_alive)
{
	struct ba_ctx *ctx = ba_ctx_new();
	struct ba_aliasdb *db;

	cr_assert_eq(ba_aliasdb_new_from_buffer(ctx, "mem", "alias a* m\n", 11, &db), 0);
	/* The database holds its own reference. */
	cr_assert_null(ba_ctx_unref(ctx));
	struct ba_match_list *l;
	cr_assert_eq(ba_aliasdb_match(db, "abc", 0, &l), 1);
	cr_assert_str_eq(ba_match_list_get_module(l, 0), "m");
	ba_match_list_unref(l);
	cr_assert_null(ba_aliasdb_unref(db));
}

/* ---- one module ---- */

Test(module, from_path)
{
	struct ba_ctx *ctx = ba_ctx_new();
	struct ba_module *m;
	bool have_pci = false;

	cr_assert_eq(ba_ctx_set_option(ctx, "plugin_dir", TEST_PLUGIN_DIR), 0);
	cr_assert_eq(ba_module_new_from_path(ctx, SAMPLES_DIR "/sample-pci.ko", 0, &m), 0);
	cr_assert_str_eq(ba_module_get_name(m), "sample_pci");
	cr_assert_gt(ba_module_get_alias_count(m), 0);
	for (size_t i = 0; i < ba_module_get_alias_count(m); i++) {
		cr_assert(ba_module_get_alias(m, i) && ba_module_get_alias_type(m, i));
		if (!strcmp(ba_module_get_alias_type(m, i), "pci"))
			have_pci = !strncmp(ba_module_get_alias(m, i), "pci:v", 5);
	}
	cr_assert(have_pci, "a pci alias of type pci");
	cr_assert_null(ba_module_get_alias(m, ba_module_get_alias_count(m)));
	cr_assert_eq(ba_module_get_warning_count(m), 0);
	cr_assert_gt(ba_ctx_get_plugin_count(ctx), 0);
	cr_assert_eq(ba_ctx_get_plugin_errors(ctx), 0);
	ba_module_unref(m);
	ba_ctx_unref(ctx);
}

Test(module, from_buffer_with_its_own_messages)
{
	struct log_record rec = { 0 };
	struct ba_ctx *ctx = ba_ctx_new();
	struct ba_module *m;
	static const char junk[] = "\177ELF but not really";
	int priority = -1;

	ba_ctx_set_log_fn(ctx, record, &rec);
	cr_assert_eq(ba_ctx_set_option(ctx, "plugin_dir", TEST_PLUGIN_DIR), 0);
	cr_assert_lt(ba_module_new_from_buffer(ctx, "junk.ko", junk, sizeof(junk), 0, &m), 0);
	cr_assert(m, "the object exists on failure, for its messages");
	cr_assert_null(ba_module_get_name(m));
	cr_assert_str_eq(ba_module_get_path(m), "junk.ko");
	cr_assert_geq(ba_module_get_message_count(m), 1);
	const char *msg = ba_module_get_message(m, 0, &priority);
	cr_assert(msg && strstr(msg, "junk.ko"), "the message names the module: %s", msg);
	cr_assert(priority == LOG_ERR || priority == LOG_WARNING);
	cr_assert_eq(rec.text[0], '\0', "the module's messages are not logged: %s", rec.text);
	ba_module_unref(m);
	ba_ctx_unref(ctx);
}

/* ---- modules.alias ---- */

static const char alias_text[] =
	"# comment\n"
	"alias vfio_pci:v*d*sv*sd*bc*sc*i* vfio_pci\n"         /* 7 stars */
	"alias vfio_pci:v00008086d*sv*sd*bc*sc*i* vfio_intel\n" /* 6 stars */
	"alias vfio_pci:v00008086d000010D3sv*sd*bc*sc*i* a\n"   /* 5 stars, first */
	"alias vfio_pci:v00008086d000010D3sv*sd*bc*sc*i* b\n";  /* the same: a tie, the earlier line wins */

Test(aliasdb, ranking)
{
	struct ba_ctx *ctx = ba_ctx_new();
	struct ba_aliasdb *db;
	struct ba_match_list *l;
	const char *dev = "vfio_pci:v00008086d000010D3sv00008086sd0000A01Fbc02sc00i00";

	cr_assert_eq(ba_aliasdb_new_from_buffer(ctx, "test.alias", alias_text, strlen(alias_text), &db), 0);
	cr_assert_str_eq(ba_aliasdb_get_path(db), "test.alias");
	cr_assert_eq(ba_aliasdb_match(db, dev, 0, &l), 1);
	cr_assert_str_eq(ba_match_list_get_module(l, 0), "a");
	cr_assert_eq(ba_match_list_get_stars(l, 0), 5);
	cr_assert_eq(ba_match_list_get_line(l, 0), 4);
	ba_match_list_unref(l);

	cr_assert_eq(ba_aliasdb_match(db, dev, BA_MATCH_ALL, &l), 4);
	cr_assert_str_eq(ba_match_list_get_module(l, 0), "a");
	cr_assert_str_eq(ba_match_list_get_module(l, 1), "b");
	cr_assert_str_eq(ba_match_list_get_module(l, 2), "vfio_intel");
	cr_assert_str_eq(ba_match_list_get_module(l, 3), "vfio_pci");
	cr_assert_str_eq(ba_match_list_get_pattern(l, 3), "vfio_pci:v*d*sv*sd*bc*sc*i*");
	cr_assert_null(ba_match_list_get_module(l, 4));
	ba_match_list_unref(l);

	cr_assert_eq(ba_aliasdb_match(db, "usb:v1234p5678", 0, &l), 0);
	cr_assert_eq(ba_match_list_get_count(l), 0);
	ba_match_list_unref(l);
	cr_assert_eq(ba_aliasdb_match(db, dev, 0x80, &l), -EINVAL);
	ba_aliasdb_unref(db);
	ba_ctx_unref(ctx);
}

Test(aliasdb, files)
{
	struct log_record rec = { 0 };
	struct ba_ctx *ctx = ba_ctx_new();
	struct ba_aliasdb *db;
	char *root = new_tree(), path[PATH_MAX];

	ba_ctx_set_log_fn(ctx, record, &rec);
	cr_assert_eq(ba_aliasdb_new(ctx, "/nonexistent/modules.alias", &db), -ENOENT);
	cr_assert(strstr(rec.text, "/nonexistent/modules.alias: cannot read modules.alias"), "%s", rec.text);
	cr_assert_eq(ba_aliasdb_new(ctx, root, &db), -EINVAL, "a directory is refused");
	snprintf(path, sizeof(path), "%s/fifo", root);
	cr_assert_eq(mkfifo(path, 0600), 0);
	cr_assert_eq(ba_aliasdb_new(ctx, path, &db), -EINVAL, "a FIFO is refused, not waited on");
	/* NULL: the configured file. */
	snprintf(path, sizeof(path), "%s/.sim/modules.alias", root);
	cr_assert_eq(ba_ctx_set_option(ctx, "alias_file", path), 0);
	cr_assert_eq(ba_aliasdb_new(ctx, NULL, &db), 0);
	cr_assert_str_eq(ba_aliasdb_get_path(db), path);
	struct ba_match_list *l;
	cr_assert_eq(ba_aliasdb_match(db, "platform:sim-uart", 0, &l), 1);
	cr_assert_str_eq(ba_match_list_get_module(l, 0), "sim_uart");
	ba_match_list_unref(l);
	/* A database opened by path reads the file at each match: a replaced file is what is matched. */
	char *tmp = NULL;
	cr_assert(asprintf(&tmp, "%s.new", path) > 0);
	FILE *f = fopen(tmp, "w");
	cr_assert(f);
	fputs("alias platform:sim-uart other_uart\n", f);
	cr_assert_eq(fclose(f), 0);
	cr_assert_eq(rename(tmp, path), 0);
	free(tmp);
	cr_assert_eq(ba_aliasdb_match(db, "platform:sim-uart", 0, &l), 1);
	cr_assert_str_eq(ba_match_list_get_module(l, 0), "other_uart");
	ba_match_list_unref(l);
	/* Gone since: the lookup says so (-errno), and logs it. */
	cr_assert_eq(unlink(path), 0);
	cr_assert_eq(ba_aliasdb_match(db, "platform:sim-uart", 0, &l), -ENOENT);
	cr_assert_null(l);
	ba_aliasdb_unref(db);
	ba_ctx_unref(ctx);
	remove_tree(root);
}

/* ---- devices and status ---- */

Test(device, resolve_and_status)
{
	struct log_record rec = { 0 };
	char *root = new_tree();
	struct ba_ctx *ctx = tree_ctx(root, &rec);
	struct ba_device *dev;
	struct ba_device_status *st;
	struct ba_aliasdb *db;
	const char *drv;

	cr_assert_eq(ba_device_new(ctx, "0000:01:00.0", &dev), 0, "%s", rec.text);
	cr_assert_str_eq(ba_device_get_bus(dev), "pci");
	cr_assert_str_eq(ba_device_get_name(dev), "0000:01:00.0");
	cr_assert_str_eq(ba_device_get_syspath(dev), "devices/pci0000:00/0000:00:1c.0/0000:01:00.0");
	cr_assert_str_eq(ba_device_get_modalias(dev), "pci:v00008086d000010D3sv00008086sd0000A01Fbc02sc00i00");
	cr_assert_str_eq(ba_device_get_match_alias(dev), "vfio_pci:v00008086d000010D3sv00008086sd0000A01Fbc02sc00i00");
	cr_assert_null(ba_device_get_via(dev));

	cr_assert_eq(ba_aliasdb_new(ctx, NULL, &db), 0);
	cr_assert_eq(ba_device_get_status(dev, db, &st), 0);
	cr_assert_str_eq(ba_device_status_get_driver(st), "e1000e");
	cr_assert_str_eq(ba_device_status_get_driver_override(st), "");
	cr_assert_str_eq(ba_device_status_get_iommu_group(st), "12");
	cr_assert_str_eq(ba_device_status_get_vfio_candidate(st), "vfio_pci");
	cr_assert_eq(ba_device_status_get_group_member_count(st), 2);
	cr_assert_str_eq(ba_device_status_get_group_member(st, 1, &drv), "0000:01:00.1");
	cr_assert_str_eq(drv, "snd_hda_intel");
	ba_device_status_unref(st);
	ba_device_unref(dev);

	/* The ACPI description resolves to its physical node. */
	cr_assert_eq(ba_device_new(ctx, "acpi:AMDI0010:00", &dev), 0, "%s", rec.text);
	cr_assert_str_eq(ba_device_get_bus(dev), "platform");
	cr_assert_str_eq(ba_device_get_via(dev), "acpi:AMDI0010:00");
	ba_device_unref(dev);

	cr_assert_eq(ba_device_new(ctx, "0000:09:00.0", &dev), -ENODEV);
	cr_assert_null(dev);

	struct ba_device **all;
	size_t n;
	cr_assert_eq(ba_device_list(ctx, &all, &n), 0);
	/* As `busalias status` lists them: buses by name (acpi first, as its physical node), devices by name. */
	cr_assert_geq(n, 7, "got %zu", n);
	cr_assert_str_eq(ba_device_get_name(all[0]), "AMDI0010:00");
	cr_assert_str_eq(ba_device_get_via(all[0]), "acpi:AMDI0010:00");
	cr_assert_str_eq(ba_device_get_bus(all[1]), "pci");
	bool have_uart = false, have_nic = !strcmp(ba_device_get_name(all[1]), "0000:01:00.0");
	for (size_t i = 2; i < n; i++) {
		int c = strcmp(ba_device_get_bus(all[i - 1]), ba_device_get_bus(all[i]));
		cr_assert(c < 0 || (c == 0 && strcmp(ba_device_get_name(all[i - 1]), ba_device_get_name(all[i])) < 0),
			  "device %zu out of order", i);
		have_uart |= !strcmp(ba_device_get_name(all[i]), "sim-uart.0");
		have_nic |= !strcmp(ba_device_get_name(all[i]), "0000:01:00.0");
	}
	cr_assert(have_uart && have_nic);
	for (size_t i = 0; i < n; i++)
		ba_device_unref(all[i]);
	free(all);
	ba_aliasdb_unref(db);
	ba_ctx_unref(ctx);
	remove_tree(root);
}

/* ---- LIBBUSALIAS_1.1: PCI identity, group members on host drivers, pci.ids, plugins ---- */

Test(device, pci_identity_and_host_bound_members)
{
	struct log_record rec = { 0 };
	char *root = new_tree();
	struct ba_ctx *ctx = tree_ctx(root, &rec);
	struct ba_device *nic, *bridge, *fn0, *uart;
	struct ba_device_status *st;
	unsigned vendor = 0, device = 0;
	const char *drv;

	setenv("BUSALIAS_SIM_ROOT", root, 1);  /* the simulated modprobe's machine */
	cr_assert_eq(ba_device_new(ctx, "0000:01:00.0", &nic), 0, "%s", rec.text);
	cr_assert_eq(ba_device_new(ctx, "0000:00:05.0", &bridge), 0, "%s", rec.text);
	cr_assert_eq(ba_device_new(ctx, "0000:06:00.0", &fn0), 0, "%s", rec.text);
	cr_assert_eq(ba_device_new(ctx, "platform:sim-uart.0", &uart), 0, "%s", rec.text);

	/* The class attribute, else the modalias's bc/sc/i; none off the PCI bus. */
	cr_assert_eq(ba_device_get_pci_class(nic), 0x020000);
	cr_assert_eq(ba_device_get_pci_class(bridge), 0x060400);
	cr_assert_eq(ba_device_get_pci_class(uart), -ENODATA);
	cr_assert_eq(ba_device_get_pci_ids(nic, &vendor, &device), 0);
	cr_assert_eq(vendor, 0x8086);
	cr_assert_eq(device, 0x10d3);
	cr_assert_eq(ba_device_get_pci_ids(nic, NULL, NULL), 0);
	vendor = device = 7;
	cr_assert_eq(ba_device_get_pci_ids(uart, &vendor, &device), -ENODATA);
	cr_assert_eq(vendor, 7, "unchanged on failure");

	/* Group 20: the bridge on pcieport, 06:00.0 (moved to vfio-pci: the device itself), 06:00.1 on a host driver. */
	cr_assert_eq(ba_device_get_status(fn0, NULL, &st), 0);
	cr_assert_eq(ba_device_status_get_group_member_host_bound(st, 2), 1, "06:00.1 on its host driver");
	cr_assert_eq(ba_device_status_get_group_member_host_bound(st, 1), 0, "the device itself, on a host driver too");
	ba_device_status_unref(st);
	cr_assert_eq(ba_device_bind(fn0, NULL, 0, NULL), 0, "%s", rec.text);
	cr_assert_eq(ba_device_get_status(fn0, NULL, &st), 0);
	cr_assert_str_eq(ba_device_status_get_driver(st), "vfio-pci");
	cr_assert_eq(ba_device_status_get_group_member_count(st), 3);
	cr_assert_str_eq(ba_device_status_get_group_member(st, 0, &drv), "0000:00:05.0");
	cr_assert_str_eq(drv, "pcieport");
	cr_assert_eq(ba_device_status_get_group_member_host_bound(st, 0), 0, "pcieport leaves the group usable");
	cr_assert_str_eq(ba_device_status_get_group_member(st, 1, &drv), "0000:06:00.0");
	cr_assert_eq(ba_device_status_get_group_member_host_bound(st, 1), 0, "the device itself");
	cr_assert_str_eq(ba_device_status_get_group_member(st, 2, &drv), "0000:06:00.1");
	cr_assert_str_eq(drv, "virtio-sim");
	cr_assert_eq(ba_device_status_get_group_member_host_bound(st, 2), 1);
	cr_assert_eq(ba_device_status_get_group_member_host_bound(st, 3), -ENOENT);
	ba_device_status_unref(st);

	/* Moving 06:00.1 to VFIO too: no member holds the group any more. */
	struct ba_device *fn1;
	cr_assert_eq(ba_device_new(ctx, "0000:06:00.1", &fn1), 0, "%s", rec.text);
	cr_assert_eq(ba_device_bind(fn1, NULL, 0, NULL), 0, "%s", rec.text);
	cr_assert_eq(ba_device_get_status(fn0, NULL, &st), 0);
	for (size_t i = 0; i < ba_device_status_get_group_member_count(st); i++)
		cr_assert_eq(ba_device_status_get_group_member_host_bound(st, i), 0, "member %zu", i);
	ba_device_status_unref(st);

	/* A device without an IOMMU group has no members. */
	cr_assert_eq(ba_device_get_status(uart, NULL, &st), 0);
	cr_assert_eq(ba_device_status_get_group_member_count(st), 0);
	cr_assert_eq(ba_device_status_get_group_member_host_bound(st, 0), -ENOENT);
	ba_device_status_unref(st);

	ba_device_unref(fn1);
	ba_device_unref(nic);
	ba_device_unref(bridge);
	ba_device_unref(fn0);
	ba_device_unref(uart);
	ba_ctx_unref(ctx);
	remove_tree(root);
}

static void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	cr_assert(f, "%s: %s", path, strerror(errno));
	cr_assert_eq(fputs(text, f) >= 0 && fclose(f) == 0, 1);
}

Test(pciids, open_and_lookup)
{
	struct log_record rec = { 0 };
	struct ba_ctx *ctx = ba_ctx_new();
	struct ba_pciids *ids;
	char dir[] = "/tmp/busalias-pciids.XXXXXX", path[PATH_MAX], vname[64], dname[8];

	cr_assert(ctx && mkdtemp(dir));
	ba_ctx_set_log_fn(ctx, record, &rec);
	snprintf(path, sizeof(path), "%s/pci.ids", dir);
	write_text(path, "# comment\n"
			 "1234  Test Vendor\n"
			 "\t5678  Test Display\n"
			 "\t\t1234 0001  A subsystem, not a device\n"
			 "\t0001  Bell\a Device\n"
			 "8086  Intel Corporation\n"
			 "\t10d3  82574L Gigabit Network Connection\n"
			 "C 02  Network controller\n"
			 "\t00  Ethernet controller\n"
			 "abcd  A vendor after the class section\n");

	cr_assert_eq(ba_pciids_new(ctx, path, &ids), 0, "%s", rec.text);
	cr_assert_eq(ba_pciids_lookup(ids, 0x1234, 0x5678, vname, sizeof(vname), dname, sizeof(dname)), 0);
	cr_assert_str_eq(vname, "Test Vendor");
	cr_assert_str_eq(dname, "Test Di", "cut to the buffer");
	/* A subsystem line is not a device; a control character is shown as '?'. */
	cr_assert_eq(ba_pciids_lookup(ids, 0x1234, 0x1234, vname, sizeof(vname), dname, sizeof(dname)), 0);
	cr_assert_str_eq(dname, "");
	cr_assert_eq(ba_pciids_lookup(ids, 0x1234, 0x0001, vname, sizeof(vname), dname, sizeof(dname)), 0);
	cr_assert_str_eq(dname, "Bell? D");
	/* Another vendor's device list is not ours. */
	cr_assert_eq(ba_pciids_lookup(ids, 0x8086, 0x5678, vname, sizeof(vname), dname, sizeof(dname)), 0);
	cr_assert_str_eq(vname, "Intel Corporation");
	cr_assert_str_eq(dname, "");
	cr_assert_eq(ba_pciids_lookup(ids, 0xabcd, 0, vname, sizeof(vname), dname, sizeof(dname)), -ENOENT,
		     "the class section ends the vendors");
	cr_assert_str_eq(vname, "");
	cr_assert_eq(ba_pciids_lookup(ids, 0x8086, 0x10d3, NULL, 0, dname, sizeof(dname)), 0);
	cr_assert_eq(ba_pciids_lookup(ids, 0x8086, 0x10d3, NULL, 4, dname, sizeof(dname)), -EINVAL);
	cr_assert_eq(ba_pciids_lookup(NULL, 0x8086, 0x10d3, vname, sizeof(vname), NULL, 0), -ENOENT);
	/* The object keeps its data (and the context) alive. */
	cr_assert_eq(ba_pciids_ref(ids), ids);
	cr_assert_null(ba_pciids_unref(ids));
	cr_assert_eq(ba_pciids_lookup(ids, 0x8086, 0x10d3, vname, sizeof(vname), NULL, 0), 0);
	cr_assert_null(ba_pciids_unref(ids));
	cr_assert_eq(rec.warnings + rec.errors, 0, "%s", rec.text);

	/* No database wanted: -ENOENT, silently.  The pci_ids setting is the default path. */
	cr_assert_eq(ba_pciids_new(ctx, "none", &ids), -ENOENT);
	cr_assert_null(ids);
	cr_assert_eq(ba_ctx_set_option(ctx, "pci_ids", "none"), 0);
	cr_assert_str_eq(ba_ctx_get_option(ctx, "pci_ids"), "none");
	cr_assert_eq(ba_pciids_new(ctx, NULL, &ids), -ENOENT);
	cr_assert_eq(ba_ctx_set_option(ctx, "pci_ids", path), 0);
	cr_assert_eq(ba_pciids_new(ctx, NULL, &ids), 0);
	cr_assert_eq(ba_pciids_lookup(ids, 0x1234, 0x5678, vname, sizeof(vname), NULL, 0), 0);
	ba_pciids_unref(ids);
	cr_assert_eq(rec.warnings + rec.errors, 0, "%s", rec.text);

	/* A named file that cannot be read is one warning naming it. */
	snprintf(path, sizeof(path), "%s/missing.ids", dir);
	cr_assert_eq(ba_pciids_new(ctx, path, &ids), -ENOENT);
	cr_assert_eq(ba_pciids_new(ctx, dir, &ids), -EINVAL);
	cr_assert_null(ids);
	cr_assert_eq(rec.warnings, 2, "%s", rec.text);
	cr_assert(strstr(rec.text, "missing.ids: No such file or directory; no device names"), "%s", rec.text);
	cr_assert(strstr(rec.text, ": not a regular file; no device names"), "%s", rec.text);

	snprintf(path, sizeof(path), "%s/pci.ids", dir);
	unlink(path);
	rmdir(dir);
	ba_ctx_unref(ctx);
}

/* The plugin directory of the tests: links to some of the build's plugins, in a directory of our own. */
static char *plugin_dir(const char *const *names)
{
	char *dir = strdup("/tmp/busalias-plugins.XXXXXX"), from[PATH_MAX], to[PATH_MAX];

	cr_assert(dir && mkdtemp(dir));
	for (; *names; names++) {
		snprintf(from, sizeof(from), "%s/%s", TEST_PLUGIN_DIR, *names);
		snprintf(to, sizeof(to), "%s/%s", dir, *names);
		cr_assert_eq(symlink(from, to), 0, "%s: %s", to, strerror(errno));
	}
	return dir;
}

/* The plugin of that name in ctx, or -1. */
static long plugin_index(const struct ba_ctx *ctx, const char *name)
{
	for (size_t i = 0; i < ba_ctx_get_plugin_count(ctx); i++)
		if (!strcmp(ba_ctx_get_plugin_name(ctx, i), name))
			return (long)i;
	return -1;
}

static size_t count_lines(const char *path)
{
	FILE *f = fopen(path, "r");
	char line[1024];
	size_t n = 0;

	cr_assert(f, "%s: %s", path, strerror(errno));
	while (fgets(line, sizeof(line), f))
		n += line[0] != '#';
	fclose(f);
	return n;
}

Test(plugins, declarations_and_index)
{
	static const char *const names[] = { "acpi.so", "pci.so", "platform.so", "usb.so", NULL };
	struct log_record rec = { 0 };
	char *dir = plugin_dir(names), index[PATH_MAX];
	struct ba_ctx *ctx = ba_ctx_new();
	unsigned major = 0, minor = 99;
	long pci, usb;

	cr_assert(ctx);
	ba_ctx_set_log_fn(ctx, record, &rec);
	cr_assert_eq(ba_ctx_set_option(ctx, "plugin_dir", dir), 0);
	cr_assert_eq(ba_ctx_load_all_plugins(ctx), 0, "%s", rec.text);
	cr_assert_eq(ba_ctx_get_plugin_count(ctx), 4);
	pci = plugin_index(ctx, "pci");
	usb = plugin_index(ctx, "usb");
	cr_assert(pci >= 0 && usb >= 0);
	cr_assert_str_eq(ba_ctx_get_plugin_description(ctx, (size_t)pci), "PCI device tables and pci bus binding");
	cr_assert_eq(ba_ctx_get_plugin_abi(ctx, (size_t)pci, &major, &minor), 0);
	cr_assert_eq(major, 2);
	cr_assert_eq(minor, 0);
	cr_assert_eq(ba_ctx_get_plugin_abi(ctx, 4, &major, &minor), -ENOENT);
	cr_assert_str_eq(ba_ctx_get_plugin_bus(ctx, (size_t)pci), "pci");
	cr_assert_str_eq(ba_ctx_get_plugin_match_prefix(ctx, (size_t)pci), "vfio_");
	cr_assert_eq(ba_ctx_get_plugin_table_count(ctx, (size_t)pci), 1);
	cr_assert_str_eq(ba_ctx_get_plugin_table_type(ctx, (size_t)pci, 0), "pci");
	cr_assert_null(ba_ctx_get_plugin_table_type(ctx, (size_t)pci, 1));
	/* usb has device tables but binds no bus. */
	cr_assert_null(ba_ctx_get_plugin_bus(ctx, (size_t)usb));
	cr_assert_null(ba_ctx_get_plugin_match_prefix(ctx, (size_t)usb));
	cr_assert_geq(ba_ctx_get_plugin_table_count(ctx, (size_t)usb), 1);
	cr_assert_null(ba_ctx_get_plugin_description(ctx, 4));
	cr_assert_null(ba_ctx_get_plugin_bus(ctx, 4));
	cr_assert_eq(ba_ctx_get_plugin_table_count(ctx, 4), 0);

	/* The index: one line a plugin; a new context then loads the plugins only when needed. */
	cr_assert_eq(ba_ctx_write_plugin_index(ctx), 0, "%s", rec.text);
	snprintf(index, sizeof(index), "%s/plugins.index", dir);
	cr_assert_eq(count_lines(index), 4);
	ba_ctx_unref(ctx);
	ctx = ba_ctx_new();
	ba_ctx_set_log_fn(ctx, record, &rec);
	cr_assert_eq(ba_ctx_set_option(ctx, "plugin_dir", dir), 0);
	cr_assert_eq(ba_ctx_load_plugins(ctx), 0, "%s", rec.text);
	cr_assert_eq(ba_ctx_get_plugin_count(ctx), 0, "the index defers every plugin");
	cr_assert_eq(ba_ctx_load_all_plugins(ctx), 0, "%s", rec.text);
	cr_assert_eq(ba_ctx_get_plugin_count(ctx), 4);
	cr_assert_eq(rec.errors + rec.warnings, 0, "%s", rec.text);

	/* A refused plugin (a second "pci"): no index, said why. */
	char from[PATH_MAX], to[PATH_MAX];
	snprintf(from, sizeof(from), "%s/pci.so", TEST_PLUGIN_DIR);
	snprintf(to, sizeof(to), "%s/zz-pci-again.so", dir);
	cr_assert_eq(symlink(from, to), 0);
	cr_assert_eq(unlink(index), 0);
	cr_assert_lt(ba_ctx_write_plugin_index(ctx), 0);
	cr_assert(strstr(rec.text, "not writing plugins.index: a plugin was refused"), "%s", rec.text);
	cr_assert_eq(access(index, F_OK), -1, "no index written");
	unlink(to);

	/* No plugin directory. */
	char missing[PATH_MAX];
	snprintf(missing, sizeof(missing), "%s/none", dir);
	cr_assert_eq(ba_ctx_set_option(ctx, "plugin_dir", missing), -EBUSY, "plugins are loaded");
	ba_ctx_unref(ctx);
	ctx = ba_ctx_new();
	ba_ctx_set_log_fn(ctx, record, &rec);
	cr_assert_eq(ba_ctx_set_option(ctx, "plugin_dir", missing), 0);
	cr_assert_eq(ba_ctx_write_plugin_index(ctx), -ENOENT);
	cr_assert_lt(ba_ctx_load_all_plugins(ctx), 0);
	ba_ctx_unref(ctx);

	for (const char *const *n = names; *n; n++) {
		snprintf(to, sizeof(to), "%s/%s", dir, *n);
		unlink(to);
	}
	rmdir(dir);
	free(dir);
}

/* ---- bind and restore ---- */

Test(bind, bind_and_restore)
{
	struct log_record rec = { 0 };
	char *root = new_tree();
	struct ba_ctx *ctx = tree_ctx(root, &rec);
	struct ba_device *dev;
	struct ba_device_status *st;
	enum ba_bind_outcome outcome = BA_BIND_UNSAFE;

	setenv("BUSALIAS_SIM_ROOT", root, 1);
	cr_assert_eq(ba_device_new(ctx, "0000:01:00.0", &dev), 0);
	cr_assert_eq(ba_device_bind(dev, NULL, 0, &outcome), 0, "%s", rec.text);
	cr_assert_eq(outcome, BA_BIND_DONE);
	cr_assert(strstr(rec.text, "pci:0000:01:00.0 is now bound to vfio-pci"), "%s", rec.text);
	cr_assert_eq(ba_device_get_status(dev, NULL, &st), 0);
	cr_assert_str_eq(ba_device_status_get_driver(st), "vfio-pci");
	cr_assert_str_eq(ba_device_status_get_driver_override(st), "vfio-pci");
	ba_device_status_unref(st);

	cr_assert_eq(ba_device_restore(dev, 0, &outcome), 0, "%s", rec.text);
	cr_assert_eq(outcome, BA_BIND_DONE);
	cr_assert_eq(ba_device_get_status(dev, NULL, &st), 0);
	cr_assert_str_eq(ba_device_status_get_driver(st), "e1000e");
	cr_assert_str_eq(ba_device_status_get_driver_override(st), "");
	ba_device_status_unref(st);
	ba_device_unref(dev);

	/* In use (interface up): refused, nothing changed. */
	cr_assert_eq(ba_device_new(ctx, "0000:03:00.0", &dev), 0);
	cr_assert_eq(ba_device_bind(dev, NULL, 0, &outcome), -EIO);
	cr_assert_neq(outcome, BA_BIND_DONE);
	cr_assert_neq(outcome, BA_BIND_UNSAFE);
	cr_assert(strstr(rec.text, "refusing without --force"), "%s", rec.text);
	cr_assert_eq(ba_device_get_status(dev, NULL, &st), 0);
	cr_assert_str_eq(ba_device_status_get_driver(st), "igb");
	ba_device_status_unref(st);

	/* Not a module or driver name. */
	cr_assert_eq(ba_device_bind(dev, "vfio:pci", 0, &outcome), -EINVAL);
	cr_assert_eq(outcome, BA_BIND_UNCHANGED);
	ba_device_unref(dev);
	ba_ctx_unref(ctx);
	remove_tree(root);
}

Test(bind, plan)
{
	struct log_record rec = { 0 };
	char *root = new_tree();
	struct ba_ctx *ctx = tree_ctx(root, &rec);
	struct ba_device *dev;
	struct ba_plan *plan;
	char want[PATH_MAX];
	/* vfio_pci is not loaded in the tree: its driver's name is assumed, as the dry run says. */
	static const char *const names[] = { "load module", "driver name", "driver_override", "unbind", "drivers_probe",
					     "verify" };

	cr_assert_eq(ba_device_new(ctx, "0000:01:00.0", &dev), 0);
	cr_assert_eq(ba_device_plan_bind(dev, NULL, 0, &plan), 0, "%s", rec.text);
	cr_assert_eq(ba_plan_get_step_count(plan), 6);
	for (size_t i = 0; i < 6; i++)
		cr_assert_str_eq(ba_plan_get_step_name(plan, i), names[i]);
	cr_assert_str_eq(ba_plan_get_step_arg(plan, 0, ba_plan_get_step_arg_count(plan, 0) - 1), "vfio_pci");
	cr_assert_str_eq(ba_plan_get_step_arg(plan, 1, 0), "vfio_pci");
	cr_assert_str_eq(ba_plan_get_step_arg(plan, 1, 1), "vfio-pci");
	snprintf(want, sizeof(want), "%s/devices/pci0000:00/0000:00:1c.0/0000:01:00.0/driver_override", root);
	cr_assert_str_eq(ba_plan_get_step_arg(plan, 2, 0), want);
	cr_assert_str_eq(ba_plan_get_step_arg(plan, 2, 1), "vfio-pci");
	snprintf(want, sizeof(want), "%s/bus/pci/drivers/e1000e/unbind", root);
	cr_assert_str_eq(ba_plan_get_step_arg(plan, 3, 0), want);
	cr_assert_str_eq(ba_plan_get_step_arg(plan, 3, 1), "0000:01:00.0");
	cr_assert_str_eq(ba_plan_get_step_arg(plan, 5, 1), "vfio-pci");
	cr_assert_eq(ba_plan_get_step_arg_count(plan, 5), 2);
	cr_assert_null(ba_plan_get_step_arg(plan, 5, 2));
	ba_plan_unref(plan);

	/* Nothing was changed, nothing run (the simulated modprobe would have loaded vfio_pci). */
	struct ba_device_status *st;
	cr_assert_eq(ba_device_get_status(dev, NULL, &st), 0);
	cr_assert_str_eq(ba_device_status_get_driver(st), "e1000e");
	cr_assert_str_eq(ba_device_status_get_driver_override(st), "");
	ba_device_status_unref(st);
	snprintf(want, sizeof(want), "%s/module/vfio_pci", root);
	cr_assert_neq(access(want, F_OK), 0, "modprobe was not run");

	/* Restore of a device with a driver and no override: nothing to do. */
	cr_assert_eq(ba_device_plan_restore(dev, 0, &plan), 0);
	cr_assert_eq(ba_plan_get_step_count(plan), 0);
	ba_plan_unref(plan);
	ba_device_unref(dev);
	ba_ctx_unref(ctx);
	remove_tree(root);
}

/* ---- several devices, groups, persistence (LIBBUSALIAS_1.1) ---- */

static const char *driver_of(struct ba_device *dev, char *buf, size_t len)
{
	struct ba_device_status *st;

	cr_assert_eq(ba_device_get_status(dev, NULL, &st), 0);
	snprintf(buf, len, "%s/%s", ba_device_status_get_driver(st), ba_device_status_get_driver_override(st));
	ba_device_status_unref(st);
	return buf;
}

Test(bind_set, group_all_or_nothing)
{
	struct log_record rec = { 0 };
	char *root = new_tree();
	struct ba_ctx *ctx = tree_ctx(root, &rec), *other = tree_ctx(root, &rec);
	struct ba_device **grp, *nic, *busy, *foreign;
	enum ba_bind_outcome outcome = BA_BIND_UNSAFE;
	char b1[600], b2[600];
	size_t n;

	setenv("BUSALIAS_SIM_ROOT", root, 1);
	/* Group 20: the bridge 0000:00:05.0 stays out, both functions of the NIC behind it are in. */
	cr_assert_eq(ba_device_new(ctx, "0000:06:00.1", &nic), 0, "%s", rec.text);
	cr_assert_eq(ba_device_get_group_devices(nic, &grp, &n), 0, "%s", rec.text);
	cr_assert_eq(n, 2);
	cr_assert_str_eq(ba_device_get_name(grp[0]), "0000:06:00.0");
	cr_assert_str_eq(ba_device_get_name(grp[1]), "0000:06:00.1");
	cr_assert(strstr(rec.text, "leaving bridge pci:0000:00:05.0 alone"), "%s", rec.text);

	/* Both bound at once; the device given twice counts once. */
	struct ba_device *three[] = { grp[0], grp[1], nic };
	cr_assert_eq(ba_devices_bind(ctx, three, 3, "vfio_pci", 0, &outcome), 0, "%s", rec.text);
	cr_assert_eq(outcome, BA_BIND_DONE);
	cr_assert_str_eq(driver_of(grp[0], b1, sizeof(b1)), "vfio-pci/vfio-pci");
	cr_assert_str_eq(driver_of(grp[1], b2, sizeof(b2)), "vfio-pci/vfio-pci");
	cr_assert(strstr(rec.text, "bind: 2 devices, all or nothing"), "%s", rec.text);
	cr_assert_eq(ba_devices_restore(ctx, grp, 2, 0, &outcome), 0, "%s", rec.text);
	cr_assert_str_eq(driver_of(grp[0], b1, sizeof(b1)), "virtio-sim/");
	cr_assert_str_eq(driver_of(grp[1], b2, sizeof(b2)), "virtio-sim/");

	/* The second device is in use: the first goes back where it was. */
	cr_assert_eq(ba_device_new(ctx, "0000:03:00.0", &busy), 0);
	struct ba_device *mixed[] = { grp[0], busy };
	cr_assert_eq(ba_devices_bind(ctx, mixed, 2, "vfio_pci", 0, &outcome), -EIO, "%s", rec.text);
	cr_assert_eq(outcome, BA_BIND_ROLLED_BACK);
	cr_assert_str_eq(driver_of(grp[0], b1, sizeof(b1)), "virtio-sim/");
	cr_assert_str_eq(driver_of(busy, b2, sizeof(b2)), "igb/");

	/* Bad arguments: nothing, a device of another context, an unknown flag. */
	cr_assert_eq(ba_device_new(other, "0000:01:00.0", &foreign), 0);
	struct ba_device *cross[] = { grp[0], foreign };
	cr_assert_eq(ba_devices_bind(ctx, cross, 2, NULL, 0, &outcome), -EINVAL);
	cr_assert_eq(outcome, BA_BIND_UNCHANGED);
	cr_assert_eq(ba_devices_bind(ctx, grp, 0, NULL, 0, &outcome), -EINVAL);
	cr_assert_eq(ba_devices_restore(ctx, grp, 2, 1u << 20, &outcome), -EINVAL);
	cr_assert_str_eq(driver_of(foreign, b1, sizeof(b1)), "e1000e/");

	for (size_t i = 0; i < n; i++)
		ba_device_unref(grp[i]);
	free(grp);
	ba_device_unref(nic);
	ba_device_unref(busy);
	ba_device_unref(foreign);
	ba_ctx_unref(other);
	ba_ctx_unref(ctx);
	remove_tree(root);
}

Test(bind_set, unbind_only_and_persist)
{
	struct log_record rec = { 0 };
	char *root = new_tree();
	struct ba_ctx *ctx = tree_ctx(root, &rec);
	struct ba_device *dev;
	enum ba_bind_outcome outcome = BA_BIND_UNSAFE;
	char dir[PATH_MAX], file[PATH_MAX + 32], text[512] = "", b[600];
	FILE *f;

	setenv("BUSALIAS_SIM_ROOT", root, 1);
	snprintf(dir, sizeof(dir), "%s/.overrides", root);
	snprintf(file, sizeof(file), "%s/pci:0000:01:00.0", dir);
	cr_assert_eq(ba_ctx_set_option(ctx, "overrides_dir", "relative/dir"), -EINVAL);
	cr_assert_eq(ba_ctx_set_option(ctx, "overrides_dir", dir), 0);
	cr_assert_str_eq(ba_ctx_get_option(ctx, "overrides_dir"), dir);
	/* A setting set to its own current value (the string the context holds). */
	cr_assert_eq(ba_ctx_set_option(ctx, "overrides_dir", ba_ctx_get_option(ctx, "overrides_dir")), 0);
	cr_assert_str_eq(ba_ctx_get_option(ctx, "overrides_dir"), dir);
	cr_assert_eq(ba_device_new(ctx, "0000:01:00.0", &dev), 0);

	/* "none": no driver at all, and the override says so. */
	cr_assert_eq(ba_device_bind(dev, "none", 0, &outcome), 0, "%s", rec.text);
	cr_assert_str_eq(driver_of(dev, b, sizeof(b)), "/none");
	cr_assert_eq(ba_device_restore(dev, 0, &outcome), 0, "%s", rec.text);
	cr_assert_str_eq(driver_of(dev, b, sizeof(b)), "e1000e/");

	/* A plan does not store anything. */
	struct ba_plan *plan;
	cr_assert_eq(ba_device_plan_bind(dev, NULL, BA_BIND_PERSIST, &plan), 0, "%s", rec.text);
	ba_plan_unref(plan);
	cr_assert_neq(access(file, F_OK), 0);

	cr_assert_eq(ba_devices_bind(ctx, &dev, 1, NULL, BA_BIND_PERSIST, &outcome), 0, "%s", rec.text);
	cr_assert_str_eq(driver_of(dev, b, sizeof(b)), "vfio-pci/vfio-pci");
	f = fopen(file, "r");
	cr_assert(f, "%s not stored: %s", file, rec.text);
	cr_assert_gt(fread(text, 1, sizeof(text) - 1, f), 0);
	fclose(f);
	cr_assert(strstr(text, "driver = vfio-pci\n") && strstr(text, "module = vfio_pci\n"), "%s", text);

	/* A restore without BA_BIND_PERSIST keeps the file and says it will come back. */
	cr_assert_eq(ba_device_restore(dev, 0, &outcome), 0, "%s", rec.text);
	cr_assert_eq(access(file, F_OK), 0);
	cr_assert_gt(ba_ctx_get_warning_count(ctx), 0);
	cr_assert_eq(ba_device_bind(dev, NULL, 0, &outcome), 0, "%s", rec.text);
	cr_assert_eq(ba_devices_restore(ctx, &dev, 1, BA_BIND_PERSIST, &outcome), 0, "%s", rec.text);
	cr_assert_neq(access(file, F_OK), 0, "the override is removed");
	cr_assert_str_eq(driver_of(dev, b, sizeof(b)), "e1000e/");
	ba_device_unref(dev);
	ba_ctx_unref(ctx);
	remove_tree(root);
}

Test(override, store_load_apply_claim)
{
	struct log_record rec = { 0 };
	char *root = new_tree();
	struct ba_ctx *ctx = tree_ctx(root, &rec);
	struct ba_override *ov, *back;
	struct ba_device *dev;
	enum ba_bind_outcome outcome = BA_BIND_UNSAFE;
	char dir[PATH_MAX], file[PATH_MAX + 32], syspath[PATH_MAX + 64], b[600];

	setenv("BUSALIAS_SIM_ROOT", root, 1);
	snprintf(dir, sizeof(dir), "%s/.overrides", root);
	snprintf(file, sizeof(file), "%s/pci:0000:01:00.0", dir);
	cr_assert_eq(ba_ctx_set_option(ctx, "overrides_dir", dir), 0);

	/* None yet, silently; a name that cannot be a device's, loudly. */
	cr_assert_eq(ba_override_load(ctx, "pci:0000:01:00.0", &ov), -ENOENT);
	cr_assert_null(ov);
	unsigned errors = rec.errors;
	cr_assert_eq(ba_override_load(ctx, "no-colon", &ov), -EINVAL);
	cr_assert_eq(ba_override_new(ctx, "pci:../x", "vfio-pci", NULL, &ov), -EINVAL);
	cr_assert_eq(rec.errors, errors + 2, "%s", rec.text);

	/* Stored (a dry run stores nothing), read back, listed as pending while the device is on e1000e. */
	cr_assert_eq(ba_override_new(ctx, "pci:0000:01:00.0", "vfio-pci", "vfio_pci", &ov), 0);
	cr_assert_eq(ba_override_store(ov, BA_BIND_DRY_RUN), 0);
	cr_assert_neq(access(file, F_OK), 0);
	cr_assert_eq(ba_override_store(ov, 0), 0, "%s", rec.text);
	cr_assert_eq(ba_override_load(ctx, "pci:0000:01:00.0", &back), 0, "%s", rec.text);
	cr_assert_str_eq(ba_override_get_device(back), "pci:0000:01:00.0");
	cr_assert_str_eq(ba_override_get_driver(back), "vfio-pci");
	cr_assert_str_eq(ba_override_get_module(back), "vfio_pci");
	cr_assert_eq(ba_override_get_state(back), BA_OVERRIDE_PENDING);

	/* Applied: the device is on vfio-pci, the override says applied. */
	cr_assert_eq(ba_device_new(ctx, "0000:01:00.0", &dev), 0);
	cr_assert_eq(ba_override_apply(back, dev, 0, &outcome), 0, "%s", rec.text);
	cr_assert_eq(outcome, BA_BIND_DONE);
	cr_assert_eq(ba_override_get_state(back), BA_OVERRIDE_APPLIED);
	cr_assert(strstr(rec.text, "pci:0000:01:00.0: applying the persisted override (driver vfio-pci)"), "%s",
		  rec.text);

	/* udev's first act: only for a device with no driver and no override. */
	snprintf(syspath, sizeof(syspath), "%s/%s", root, ba_device_get_syspath(dev));
	cr_assert_eq(ba_override_claim(ctx, syspath), 0, "bound to vfio-pci already: nothing written");
	cr_assert_eq(ba_device_restore(dev, 0, &outcome), 0, "%s", rec.text);
	cr_assert_eq(ba_device_bind(dev, "none", 0, &outcome), 0, "%s", rec.text);
	cr_assert_eq(ba_device_restore(dev, 0, &outcome), 0);
	/* Unbound, no override: the claim writes the stored driver at once; unclaim takes it back. */
	cr_assert_eq(sim_write(NULL, root, "bus/pci/drivers/e1000e/unbind", "0000:01:00.0"), 0);
	cr_assert_str_eq(driver_of(dev, b, sizeof(b)), "/");
	cr_assert_eq(ba_override_claim(ctx, syspath), 1, "%s", rec.text);
	cr_assert_str_eq(driver_of(dev, b, sizeof(b)), "/vfio-pci");
	cr_assert_eq(ba_override_unclaim(dev), 0, "%s", rec.text);
	cr_assert_str_eq(driver_of(dev, b, sizeof(b)), "e1000e/");

	/* Removed; removing what is not there is fine. */
	cr_assert_eq(ba_override_remove(ctx, "pci:0000:01:00.0", 0), 0, "%s", rec.text);
	cr_assert_neq(access(file, F_OK), 0);
	cr_assert_eq(ba_override_remove(ctx, "pci:0000:01:00.0", 0), 0);
	cr_assert_eq(ba_override_get_state(ov), BA_OVERRIDE_PENDING);

	/* An override of a device that is not there, and an invalid driver refused when stored. */
	ba_override_unref(ov);
	cr_assert_eq(ba_override_new(ctx, "pci:0000:09:00.0", "vfio-pci", NULL, &ov), 0);
	cr_assert_eq(ba_override_get_state(ov), BA_OVERRIDE_ABSENT);
	ba_override_unref(ov);
	cr_assert_eq(ba_override_new(ctx, "pci:0000:04:00.0", "-x", NULL, &ov), 0);
	cr_assert_eq(ba_override_store(ov, 0), -EINVAL);
	ba_override_unref(ov);
	ba_override_unref(back);
	ba_device_unref(dev);
	ba_ctx_unref(ctx);
	remove_tree(root);
}

/* ---- two threads, two contexts ---- */

struct worker {
	char *root;
	unsigned bad_settings;  /* errors this thread provokes on its own context */
	struct log_record rec;
	unsigned long warnings;
	int failures;
};

static void *work(void *arg)
{
	struct worker *w = arg;
	struct ba_ctx *ctx = tree_ctx(w->root, &w->rec);
	struct ba_aliasdb *db = NULL;

	if (ba_aliasdb_new(ctx, NULL, &db) < 0)
		w->failures++;
	for (unsigned i = 0; i < 50; i++) {
		struct ba_device *dev;
		struct ba_device_status *st;
		struct ba_module *m;

		if (ba_device_new(ctx, "0000:01:00.0", &dev) < 0 || ba_device_get_status(dev, db, &st) < 0) {
			w->failures++;
			continue;
		}
		if (strcmp(ba_device_status_get_vfio_candidate(st), "vfio_pci"))
			w->failures++;
		ba_device_status_unref(st);
		ba_device_unref(dev);
		if (ba_module_new_from_path(ctx, SAMPLES_DIR "/sample-pci.ko", 0, &m) < 0 ||
		    ba_module_get_alias_count(m) == 0)
			w->failures++;
		ba_module_unref(m);
		if (i < w->bad_settings && ba_ctx_set_option(ctx, "no_such_key", "x") != -EINVAL)
			w->failures++;
	}
	w->warnings = ba_ctx_get_warning_count(ctx);

	/* Binds and restores at the same time as the other thread's, on its own tree (vfio_pci loaded
	 * beforehand: the simulated modprobe finds its tree through the process's environment). */
	struct ba_device *dev = NULL;
	if (sim_load_module(w->root, "vfio_pci") < 0 || ba_device_new(ctx, "0000:01:00.0", &dev) < 0)
		w->failures++;
	for (unsigned i = 0; dev && i < 20; i++) {
		enum ba_bind_outcome o1 = BA_BIND_UNSAFE, o2 = BA_BIND_UNSAFE;
		if (ba_device_bind(dev, NULL, BA_BIND_NO_LOAD, &o1) < 0 || o1 != BA_BIND_DONE ||
		    ba_device_restore(dev, 0, &o2) < 0 || o2 != BA_BIND_DONE)
			w->failures++;
	}
	ba_device_unref(dev);
	ba_aliasdb_unref(db);
	ba_ctx_unref(ctx);
	return NULL;
}

Test(threads, two_contexts)
{
	struct worker w[2] = { { .root = new_tree(), .bad_settings = 3 }, { .root = new_tree(), .bad_settings = 7 } };
	pthread_t t[2];

	for (int i = 0; i < 2; i++)
		cr_assert_eq(pthread_create(&t[i], NULL, work, &w[i]), 0);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	for (int i = 0; i < 2; i++) {
		cr_assert_eq(w[i].failures, 0, "thread %d: %s", i, w[i].rec.text);
		/* Each context saw its own thread's messages, and only those. */
		cr_assert_eq(w[i].rec.errors, w[i].bad_settings, "thread %d: %s", i, w[i].rec.text);
		cr_assert_eq(w[i].warnings, 0);
		cr_assert_eq(w[i].rec.bound, 20, "thread %d: %u binds logged", i, w[i].rec.bound);
		remove_tree(w[i].root);
	}
}
