// SPDX-License-Identifier: LGPL-2.1-or-later
/* Helpers of the harnesses: the linked-in plugins, invariant failures, a JSON string checker. */
#include <stdarg.h>
#include <string.h>

#include "fuzz.h"

/* Each plugin's descriptor, renamed at compile time (-Dbusalias_plugin=busalias_plugin_NAME). */
extern const struct busalias_plugin busalias_plugin_pci, busalias_plugin_platform, busalias_plugin_acpi;

void fuzz_add_plugins(struct plugin_set *set)
{
	static const struct {
		const struct busalias_plugin *desc;
		const char *path;
	} linked[] = {
		{ &busalias_plugin_acpi, "(linked) acpi.so" },
		{ &busalias_plugin_pci, "(linked) pci.so" },
		{ &busalias_plugin_platform, "(linked) platform.so" },
	};

	for (size_t i = 0; i < ARRAY_SIZE(linked); i++)
		if (plugin_set_add(set, linked[i].desc, linked[i].path, NULL) < 0)
			fuzz_fail(__FILE__, __LINE__, "plugin_set_add", "%s refused", linked[i].path);
}

void fuzz_fail(const char *file, int line, const char *cond, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s:%d: fuzz invariant failed: %s: ", file, line, cond);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

void fuzz_log_begin(struct strbuf *sb)
{
	memset(sb, 0, sizeof(*sb));
	ba_log_capture(sb);
}

void fuzz_log_end(struct strbuf *sb)
{
	ba_log_capture(NULL);
	if (sb->len && getenv("FUZZ_SHOW"))
		fputs(sb->buf, stderr);
	/* Every message is one line: names with newlines in them must not forge more. */
	for (size_t i = 0, start = 0; i < sb->len; i++)
		if (sb->buf[i] == '\n') {
			FUZZ_CHECK(!strncmp(sb->buf + start, "busalias: ", 10), "log line without prefix: %.*s",
				   (int)(i - start), sb->buf + start);
			start = i + 1;
		}
	strbuf_release(sb);
}

/* Length of a valid UTF-8 sequence at p (at most left bytes), 0 if none: checked independently of util.c. */
static size_t utf8_seq(const unsigned char *p, size_t left)
{
	size_t n;
	uint32_t cp, min;

	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		n = 2, cp = p[0] & 0x1f, min = 0x80;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		n = 3, cp = p[0] & 0x0f, min = 0x800;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		n = 4, cp = p[0] & 0x07, min = 0x10000;
	else
		return 0;
	if (n > left)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (p[i] & 0x3f);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

bool fuzz_json_string_ok(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;

	if (len < 2 || p[0] != '"' || end[-1] != '"')
		return false;
	for (p++, end--; p < end;) {
		if (*p == '"' || *p < 0x20 || *p == 0x7f)
			return false;
		if (*p == '\\') {
			if (p + 1 >= end)
				return false;
			if (strchr("\"\\/bfnrt", p[1]) && p[1]) {
				p += 2;
				continue;
			}
			if (p[1] != 'u' || end - p < 6)
				return false;
			for (int i = 2; i < 6; i++)
				if (!strchr("0123456789abcdefABCDEF", p[i]) || !p[i])
					return false;
			p += 6;
			continue;
		}
		size_t n = utf8_seq(p, (size_t)(end - p));
		if (!n)
			return false;
		p += n;
	}
	return true;
}

struct json {
	const char *p, *end;
	int depth;
};

static void json_ws(struct json *j)
{
	while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r'))
		j->p++;
}

static bool json_value(struct json *j);

static bool json_string(struct json *j)
{
	const char *start = j->p;

	if (j->p >= j->end || *j->p != '"')
		return false;
	for (j->p++; j->p < j->end && *j->p != '"'; j->p++)
		if (*j->p == '\\')
			j->p++;
	if (j->p >= j->end)
		return false;
	j->p++;
	return fuzz_json_string_ok(start, (size_t)(j->p - start));
}

static bool json_number(struct json *j)
{
	const char *s = j->p;

	if (j->p < j->end && *j->p == '-')
		j->p++;
	if (j->p >= j->end || *j->p < '0' || *j->p > '9')
		return false;
	if (*j->p == '0')
		j->p++;
	else
		while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
			j->p++;
	if (j->p < j->end && *j->p == '.') {
		j->p++;
		if (j->p >= j->end || *j->p < '0' || *j->p > '9')
			return false;
		while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
			j->p++;
	}
	if (j->p < j->end && (*j->p == 'e' || *j->p == 'E')) {
		j->p++;
		if (j->p < j->end && (*j->p == '+' || *j->p == '-'))
			j->p++;
		if (j->p >= j->end || *j->p < '0' || *j->p > '9')
			return false;
		while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
			j->p++;
	}
	return j->p > s;
}

static bool json_word(struct json *j, const char *w)
{
	size_t n = strlen(w);

	if ((size_t)(j->end - j->p) < n || memcmp(j->p, w, n))
		return false;
	j->p += n;
	return true;
}

/* '[' values ']' or '{' string ':' value ... '}' */
static bool json_container(struct json *j, char close, bool object)
{
	bool ok = false;

	if (++j->depth > 64)
		return false;
	j->p++;
	json_ws(j);
	if (j->p < j->end && *j->p == close) {
		j->p++;
		j->depth--;
		return true;
	}
	for (;;) {
		json_ws(j);
		if (object) {
			if (!json_string(j))
				break;
			json_ws(j);
			if (j->p >= j->end || *j->p != ':')
				break;
			j->p++;
		}
		if (!json_value(j))
			break;
		json_ws(j);
		if (j->p < j->end && *j->p == ',') {
			j->p++;
			continue;
		}
		ok = j->p < j->end && *j->p == close;
		if (ok)
			j->p++;
		break;
	}
	j->depth--;
	return ok;
}

static bool json_value(struct json *j)
{
	json_ws(j);
	if (j->p >= j->end)
		return false;
	switch (*j->p) {
	case '{':
		return json_container(j, '}', true);
	case '[':
		return json_container(j, ']', false);
	case '"':
		return json_string(j);
	case 't':
		return json_word(j, "true");
	case 'f':
		return json_word(j, "false");
	case 'n':
		return json_word(j, "null");
	default:
		return json_number(j);
	}
}

bool fuzz_json_ok(const char *s, size_t len)
{
	struct json j = { s, s + len, 0 };

	if (!json_value(&j))
		return false;
	json_ws(&j);
	return j.p == j.end;
}
