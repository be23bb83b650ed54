// SPDX-License-Identifier: MIT
/* Unit tests for the syscall table (syscalls/syscalls.def, syscalls/syscalls.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/msg.h>
#include <sys/resource.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/timex.h>
#include <sys/user.h>
#include <sys/utsname.h>
#include <asm/ldt.h>
#include <asm/unistd_64.h>
#include <linux/openat2.h>
#include <linux/sched.h>
#include <linux/sched/types.h>

#include "syscalls/syscalls.h"
#include "syscalls/xlat.h"

#define UNISTD "/usr/include/x86_64-linux-gnu/asm/unistd_64.h"

static void test_names_unique_and_round_trip(void **state)
{
	long nr, other;
	int count = 0;

	(void)state;
	for (nr = 0; nr < RN_NR_MAX; nr++) {
		const struct rn_syscall_info *si = rn_syscall(nr);

		if (!si)
			continue;
		count++;
		assert_non_null(si->name);
		assert_true(si->nargs <= 6);
		assert_int_equal(rn_syscall_by_name(si->name), nr);
		for (other = nr + 1; other < RN_NR_MAX; other++) {
			const struct rn_syscall_info *o = rn_syscall(other);

			if (o && !strcmp(o->name, si->name))
				fail_msg("%s at %ld and %ld", si->name, nr, other);
		}
	}
	assert_true(count > 370);
	assert_int_equal(rn_syscall_by_name("no_such_call"), -1);
	assert_int_equal(rn_syscall_by_name(""), -1);
	assert_null(rn_syscall(-1));
	assert_null(rn_syscall(400));	/* the hole between 336 and 424 */
	assert_null(rn_syscall(100000));
}

/* Every number the installed UAPI header defines is in the table, same name. */
static void test_every_header_number(void **state)
{
	FILE *f = fopen(UNISTD, "r");
	char line[256], name[128];
	long nr;
	int seen = 0;

	(void)state;
	if (!f)
		skip();
	while (fgets(line, sizeof(line), f)) {
		const struct rn_syscall_info *si;

		if (sscanf(line, "#define __NR_%127s %ld", name, &nr) != 2)
			continue;
		si = rn_syscall(nr);
		if (!si)
			fail_msg("%s (%ld) missing", name, nr);
		if (strcmp(si->name, name))
			fail_msg("%ld: table says %s, header %s", nr, si->name, name);
		seen++;
	}
	fclose(f);
	assert_true(seen > 300);
}

static void test_newer_numbers(void **state)
{
	static const struct {
		const char *name;
		long nr;
	} newer[] = {
		{ "cachestat", 451 }, { "fchmodat2", 452 }, { "map_shadow_stack", 453 },
		{ "futex_wake", 454 }, { "futex_wait", 455 }, { "futex_requeue", 456 },
		{ "statmount", 457 }, { "listmount", 458 }, { "lsm_get_self_attr", 459 },
		{ "lsm_set_self_attr", 460 }, { "lsm_list_modules", 461 }, { "mseal", 462 },
		{ "setxattrat", 463 }, { "getxattrat", 464 }, { "listxattrat", 465 },
		{ "removexattrat", 466 }, { "open_tree_attr", 467 }, { "file_getattr", 468 },
		{ "file_setattr", 469 }, { "uretprobe", 335 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(newer) / sizeof(newer[0]); i++)
		assert_int_equal(rn_syscall_by_name(newer[i].name), newer[i].nr);
}

static unsigned flags_of(const char *name)
{
	long nr = rn_syscall_by_name(name);

	assert_true(nr >= 0);
	return rn_syscall(nr)->flags;
}

static void test_classes(void **state)
{
	(void)state;
	assert_int_equal(flags_of("openat"), RN_TF | RN_TD);
	assert_int_equal(flags_of("read"), RN_TD);
	assert_int_equal(flags_of("stat"), RN_TF | RN_TST | RN_TSTA);
	assert_int_equal(flags_of("lstat"), RN_TF | RN_TLST | RN_TSTA);
	assert_int_equal(flags_of("fstat"), RN_TD | RN_TFST | RN_TSTA);
	assert_int_equal(flags_of("newfstatat"), RN_TD | RN_TF | RN_TFST | RN_TSTA);
	assert_int_equal(flags_of("statfs"), RN_TF | RN_TSF | RN_TSFA);
	assert_int_equal(flags_of("fstatfs"), RN_TD | RN_TFSF | RN_TSFA);
	assert_int_equal(flags_of("connect"), RN_TN);
	assert_int_equal(flags_of("clone"), RN_TP);
	assert_int_equal(flags_of("execve"), RN_TF | RN_TP);
	assert_int_equal(flags_of("mmap"), RN_TD | RN_TM);
	assert_int_equal(flags_of("rt_sigaction"), RN_TS);
	assert_int_equal(flags_of("kill"), RN_TS | RN_TP);
	assert_int_equal(flags_of("shmget"), RN_TI);
	assert_int_equal(flags_of("setuid"), RN_TC);
	assert_int_equal(flags_of("getuid"), RN_TC | RN_TPU);
	assert_int_equal(flags_of("getpid"), RN_TPU);
	assert_int_equal(flags_of("clock_gettime"), RN_TCL);
	assert_int_equal(flags_of("nanosleep"), 0);
	assert_int_equal(rn_syscall(__NR_openat)->nargs, 4);
	assert_int_equal(rn_syscall(__NR_mmap)->nargs, 6);
	assert_int_equal(rn_syscall(__NR_getpid)->nargs, 0);
}

static const struct rn_cap_arg *cap(long nr, int arg)
{
	return &rn_syscall_capture(nr)->arg[arg];
}

static void test_capture(void **state)
{
	struct clone_args ca;

	(void)state;
	assert_int_equal(cap(__NR_openat, 1)->kind, RN_CAP_STR);
	assert_int_equal(cap(__NR_openat, 0)->kind, RN_CAP_NONE);
	assert_int_equal(cap(__NR_write, 1)->kind, RN_CAP_BUF_ARG);
	assert_int_equal(cap(__NR_write, 1)->len_arg, 2);
	assert_int_equal(cap(__NR_read, 1)->kind, RN_CAP_BUF_RET);
	assert_true(cap(__NR_read, 1)->at_exit);
	assert_int_equal(cap(__NR_fstat, 1)->size, sizeof(struct stat));
	assert_true(cap(__NR_fstat, 1)->at_exit);
	assert_int_equal(cap(__NR_statfs, 1)->size, sizeof(struct statfs));
	assert_int_equal(cap(__NR_statx, 4)->size, sizeof(struct statx));
	assert_int_equal(cap(__NR_uname, 0)->size, sizeof(struct utsname));
	assert_int_equal(cap(__NR_prlimit64, 3)->size, sizeof(struct rlimit));
	assert_int_equal(cap(__NR_openat2, 2)->size, sizeof(struct open_how));
	assert_int_equal(cap(__NR_clone3, 0)->size, sizeof(ca));
	assert_int_equal(cap(__NR_connect, 1)->kind, RN_CAP_SOCKADDR_ARG);
	assert_int_equal(cap(__NR_accept4, 1)->kind, RN_CAP_SOCKADDR_PTR);
	assert_int_equal(cap(__NR_execve, 1)->kind, RN_CAP_ARGV);
	assert_int_equal(cap(__NR_pipe2, 0)->size, 8);
	assert_int_equal(cap(__NR_wait4, 1)->size, 4);
	assert_int_equal(cap(__NR_adjtimex, 0)->size, sizeof(struct timex));
	assert_int_equal(cap(__NR_modify_ldt, 1)->size, sizeof(struct user_desc));
	assert_int_equal(cap(__NR_sched_setattr, 1)->size, SCHED_ATTR_SIZE_VER1);
	assert_int_equal(cap(__NR_ptrace, 3)->size, sizeof(struct user_regs_struct));
	assert_int_equal(cap(__NR_msgctl, 2)->size, sizeof(struct msqid_ds));
	assert_true(cap(__NR_shmctl, 2)->size >= sizeof(struct shmid_ds));
	assert_true(cap(__NR_semctl, 3)->size >= sizeof(struct semid_ds));
	assert_int_equal(cap(__NR_poll, 0)->kind, RN_CAP_FIXED_ARGN);
	assert_int_equal(cap(__NR_poll, 0)->len_arg, 1);
	assert_int_equal(rn_syscall_capture(-5)->arg[0].kind, RN_CAP_NONE);
	assert_int_equal(rn_syscall_capture(RN_NR_MAX)->arg[0].kind, RN_CAP_NONE);
}

/*
 * Calls with a capture rule and nothing to print it yet (their arguments show
 * in hex): the list the table walk below holds to. Shrink it as decoders come.
 */
static const char *const undecoded[] = {
	/* strace 6.1 here names none of the *xattrat, open_tree_attr,
	 * file_getattr/setattr calls: nothing to match yet */
	"setxattrat", "getxattrat",
	"listxattrat", "removexattrat", "open_tree_attr", "file_getattr", "file_setattr",
};

static bool is_undecoded(const char *name)
{
	for (size_t i = 0; i < sizeof(undecoded) / sizeof(undecoded[0]); i++)
		if (!strcmp(undecoded[i], name))
			return true;
	return false;
}

static bool has_capture(const struct rn_syscall_info *si)
{
	for (int a = 0; a < RN_MAX_ARGS; a++)
		if (si->cap.arg[a].kind != RN_CAP_NONE)
			return true;
	return false;
}

/* A kind list: nargs kinds then RN_AK_NONE; flag and enum kinds name a table. */
static void check_kinds(const struct rn_syscall_info *si)
{
	unsigned n;

	for (n = 0; si->args[n].kind != RN_AK_NONE; n++) {
		const struct rn_arg_desc *a = &si->args[n];

		if (n >= RN_MAX_ARGS || a->kind >= RN_AK_COUNT)
			fail_msg("%s: bad kind list", si->name);
		if (a->kind == RN_AK_FLAGS || a->kind == RN_AK_ENUM) {
			if (!a->xl || !a->xl[0].str)
				fail_msg("%s: argument %u has no xlat table", si->name, n);
		} else if (a->xl) {
			fail_msg("%s: argument %u: an xlat table on a plain kind", si->name, n);
		}
		/* an enum needs its format; flags may have a prefix (flags(X,PFX_)) */
		if (a->kind == RN_AK_ENUM ? !a->fmt : a->fmt && a->kind != RN_AK_FLAGS)
			fail_msg("%s: argument %u: an enum needs its format", si->name, n);
		if (a->kind == RN_AK_BUF && n + 1 >= si->nargs)
			fail_msg("%s: buf without a count argument", si->name);
	}
	if (n != si->nargs)
		fail_msg("%s: %u kinds for %u arguments", si->name, n, si->nargs);
}

/* Every row: printable (decoder or kind list) when it captures; known roles. */
static void test_table_walk(void **state)
{
	int kinds = 0, decoders = 0, undecoded_seen = 0;

	(void)state;
	for (long nr = 0; nr < RN_NR_MAX; nr++) {
		const struct rn_syscall_info *si = rn_syscall(nr);

		if (!si)
			continue;
		if (si->args) {
			check_kinds(si);
			kinds++;
		}
		if (si->args && !si->decode)
			fail_msg("%s: a kind list and no decoder", si->name);
		decoders += si->decode != NULL;
		if (is_undecoded(si->name)) {
			undecoded_seen++;
			if (si->decode)
				fail_msg("%s has a decoder now: take it off undecoded[]", si->name);
		} else if (has_capture(si) && !si->decode) {
			fail_msg("%s captures memory and nothing prints it", si->name);
		}
		assert_non_null(si->roles);
		assert_true(strlen(si->roles) <= RN_MAX_ARGS);
		if (strspn(si->roles, "fpPS-") != strlen(si->roles))
			fail_msg("%s: roles \"%s\": unknown letter", si->name, si->roles);
		if (si->returns_fd && !strchr(si->roles, 'f') && !strchr(si->roles, 'p'))
			fail_msg("%s: returns_fd with no fd or path argument", si->name);
		for (int a = 0; a < RN_MAX_ARGS; a++) {
			const struct rn_cap_arg *ca = &si->cap.arg[a];

			assert_true(ca->kind <= RN_CAP_FIXED_ARGN);
			assert_true(ca->len_arg < RN_MAX_ARGS);
			if ((ca->kind == RN_CAP_FIXED || ca->kind == RN_CAP_FIXED_ARGN) && !ca->size)
				fail_msg("%s: argument %d: a structure of 0 bytes", si->name, a);
		}
	}
	assert_int_equal(undecoded_seen, sizeof(undecoded) / sizeof(undecoded[0]));
	assert_true(kinds > 100);
	assert_true(decoders > 170);
}

static const char *roles_of(const char *name)
{
	return rn_syscall(rn_syscall_by_name(name))->roles;
}

/* The -P roles: a row's own, else derived from the classes and captures. */
static void test_roles(void **state)
{
	(void)state;
	assert_string_equal(roles_of("openat"), "fp");
	assert_true(rn_syscall(__NR_openat)->returns_fd);
	assert_true(rn_syscall(__NR_dup2)->returns_fd);
	assert_true(rn_syscall(__NR_fcntl)->returns_fd);
	assert_false(rn_syscall(__NR_read)->returns_fd);
	assert_false(rn_syscall(__NR_socket)->returns_fd);
	assert_string_equal(roles_of("mmap"), "----f");
	assert_string_equal(roles_of("poll"), "P");
	assert_string_equal(roles_of("pselect6"), "S");
	assert_string_equal(roles_of("symlink"), "-p");
	assert_string_equal(roles_of("pipe2"), "");
	/* derived: p for a %file call's string captures, f for a %desc call's fd */
	assert_string_equal(roles_of("read"), "f-----");
	assert_string_equal(roles_of("stat"), "p-----");
	assert_string_equal(roles_of("unlinkat"), "fp----");
	assert_string_equal(roles_of("fsetxattr"), "f-----");
	assert_string_equal(roles_of("setxattr"), "pp----");
	assert_string_equal(roles_of("getpid"), "------");
	assert_false(rn_syscall(__NR_stat)->returns_fd);
}

/* Kind lists imply their captures: a path is copied, read's buffer at exit. */
static void test_kinds_imply_capture(void **state)
{
	const struct rn_syscall_info *si = rn_syscall(__NR_lseek);

	(void)state;
	assert_int_equal(si->args[0].kind, RN_AK_FD);
	assert_int_equal(si->args[2].kind, RN_AK_ENUM);
	assert_string_equal(si->args[2].fmt, "%#llx /* SEEK_??? */");
	assert_non_null(rn_syscall(__NR_close)->args);
	assert_null(rn_syscall(__NR_openat)->args);	/* a decoder function */
	assert_non_null(rn_syscall(__NR_openat)->decode);
	assert_null(rn_syscall(__NR_getpid)->decode);	/* nothing to print */
	assert_int_equal(cap(__NR_unlinkat, 1)->kind, RN_CAP_STR);
	assert_int_equal(cap(__NR_pwrite64, 1)->kind, RN_CAP_BUF_ARG);
	assert_int_equal(cap(__NR_pwrite64, 1)->len_arg, 2);
	assert_int_equal(cap(__NR_readlink, 1)->kind, RN_CAP_BUF_RET);
	assert_int_equal(cap(__NR_clock_settime, 1)->size, 16);
	assert_int_equal(cap(__NR_utimensat, 2)->size, 32);	/* in(2*timespec) */
	assert_int_equal(cap(__NR_close, 0)->kind, RN_CAP_NONE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names_unique_and_round_trip),
		cmocka_unit_test(test_every_header_number),
		cmocka_unit_test(test_newer_numbers),
		cmocka_unit_test(test_classes),
		cmocka_unit_test(test_capture),
		cmocka_unit_test(test_table_walk),
		cmocka_unit_test(test_roles),
		cmocka_unit_test(test_kinds_imply_capture),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
