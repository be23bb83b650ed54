// SPDX-License-Identifier: MIT
/* Unit tests for rn_outfile_open: -o never truncates through a link planted
 * in a sticky directory, -ff's FILE.PID is created exclusively, new files
 * are 0600. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "frontend/outfile.h"

static char dir[64], sticky[80], plain[80], victim[80];

static int setup(void **state)
{
	FILE *f;

	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/rn-outfile.XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	snprintf(sticky, sizeof(sticky), "%s/sticky", dir);
	snprintf(plain, sizeof(plain), "%s/plain", dir);
	snprintf(victim, sizeof(victim), "%s/victim", dir);
	if (mkdir(sticky, 0777) || chmod(sticky, 01777) || mkdir(plain, 0755))
		return -1;
	f = fopen(victim, "w");
	if (!f)
		return -1;
	fputs("precious\n", f);
	return fclose(f);
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd);
}

static long size_of(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

static char *in(const char *d, const char *name)
{
	static char buf[4][128];
	static int i;

	i = (i + 1) % 4;
	snprintf(buf[i], sizeof(buf[i]), "%s/%s", d, name);
	return buf[i];
}

static void test_link_in_sticky_dir_refused(void **state)
{
	char err[512];
	const char *link = in(sticky, "trace");

	(void)state;
	assert_int_equal(symlink(victim, link), 0);
	assert_null(rn_outfile_open(link, RN_OUT_TRUNCATE, err, sizeof(err)));
	assert_int_equal(errno, ELOOP);
	assert_non_null(strstr(err, "refusing to follow the symbolic link"));
	assert_non_null(strstr(err, "world-writable sticky directory"));
	assert_int_equal(size_of(victim), 9);	/* not truncated */
	unlink(link);
}

/* Elsewhere a link is the user's own (as /dev/stdout): followed. */
static void test_link_elsewhere_followed(void **state)
{
	char err[512];
	const char *link = in(plain, "trace");
	FILE *f;

	(void)state;
	assert_int_equal(symlink(in(plain, "target"), link), 0);
	f = rn_outfile_open(link, RN_OUT_TRUNCATE, err, sizeof(err));
	assert_non_null(f);
	fclose(f);
	assert_int_equal(size_of(in(plain, "target")), 0);
	unlink(link);
}

static void test_new_file_0600(void **state)
{
	char err[512];
	const char *name = in(sticky, "new");
	struct stat st;
	mode_t old = umask(022);
	FILE *f = rn_outfile_open(name, RN_OUT_TRUNCATE, err, sizeof(err));

	(void)state;
	umask(old);
	assert_non_null(f);
	fclose(f);
	assert_int_equal(stat(name, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);
	/* an existing file keeps the mode its owner gave it */
	assert_int_equal(chmod(name, 0644), 0);
	f = rn_outfile_open(name, RN_OUT_TRUNCATE, err, sizeof(err));
	assert_non_null(f);
	fclose(f);
	assert_int_equal(stat(name, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0644);
}

/* -ff's FILE.PID: a link is never followed, wherever it is; our own earlier
 * file is emptied; someone else's is left alone. */
static void test_fresh(void **state)
{
	char err[512];
	const char *link = in(plain, "ff.1"), *own = in(plain, "ff.2"), *other = in(sticky, "ff.3");
	FILE *f;

	(void)state;
	assert_int_equal(symlink(victim, link), 0);
	assert_null(rn_outfile_open(link, RN_OUT_FRESH, err, sizeof(err)));
	assert_non_null(strstr(err, "refusing to follow the symbolic link"));
	assert_int_equal(size_of(victim), 9);

	f = fopen(own, "w");
	assert_non_null(f);
	fputs("old run\n", f);
	fclose(f);
	f = rn_outfile_open(own, RN_OUT_FRESH, err, sizeof(err));
	assert_non_null(f);
	fclose(f);
	assert_int_equal(size_of(own), 0);

	if (geteuid() != 0) {
		skip();
		return;
	}
	f = fopen(other, "w");
	assert_non_null(f);
	fputs("not ours\n", f);
	fclose(f);
	assert_int_equal(chown(other, 65534, 65534), 0);
	assert_null(rn_outfile_open(other, RN_OUT_FRESH, err, sizeof(err)));
	assert_non_null(strstr(err, "not a regular file of renacer's user"));
	assert_int_equal(size_of(other), 9);
}

/* -ff's FILE.PID planted as a FIFO or as a second name of one of our files:
 * refused at once (no open that waits for a reader), nothing emptied. */
static void test_fresh_fifo_and_hard_link(void **state)
{
	char err[512];
	const char *fifo = in(sticky, "ff.4"), *mine = in(plain, "mine"),
		   *link2 = in(sticky, "ff.5");
	FILE *f;

	(void)state;
	assert_int_equal(mkfifo(fifo, 0666), 0);
	alarm(5);	/* a blocking open would hang the test: fail it instead */
	assert_null(rn_outfile_open(fifo, RN_OUT_FRESH, err, sizeof(err)));
	alarm(0);
	f = fopen(mine, "w");
	assert_non_null(f);
	fputs("precious\n", f);
	fclose(f);
	assert_int_equal(link(mine, link2), 0);
	assert_null(rn_outfile_open(link2, RN_OUT_FRESH, err, sizeof(err)));
	assert_int_equal(size_of(mine), 9);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_link_in_sticky_dir_refused),
		cmocka_unit_test(test_link_elsewhere_followed),
		cmocka_unit_test(test_new_file_0600),
		cmocka_unit_test(test_fresh),
		cmocka_unit_test(test_fresh_fifo_and_hard_link),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
