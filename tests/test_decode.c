// SPDX-License-Identifier: MIT
/*
 * Golden-string tests for the decoders. Each test builds a struct rn_event as
 * a backend would (raw registers, captured regions in the payload) and/or a
 * fake live memory source, decodes it and compares with the line strace 6.1
 * prints for the same call.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/sysmacros.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <time.h>
#include <asm/unistd_64.h>

#include "syscalls/decode.h"
#include "syscalls/mem.h"
#include "syscalls/xlat.h"

/* ---- building events ---- */

static struct rn_event ev;

static void ev_syscall(int nr, __s64 ret, __u64 a0, __u64 a1, __u64 a2, __u64 a3, __u64 a4,
		       __u64 a5)
{
	memset(&ev, 0, RN_EVENT_HDR_SIZE);
	ev.type = RN_EV_SYSCALL;
	ev.tid = ev.tgid = 42;
	ev.sc.nr = nr;
	ev.sc.ret = ret;
	ev.sc.args[0] = a0;
	ev.sc.args[1] = a1;
	ev.sc.args[2] = a2;
	ev.sc.args[3] = a3;
	ev.sc.args[4] = a4;
	ev.sc.args[5] = a5;
}

/* Append a captured region, as a backend does. */
static void ev_region(__u64 addr, const void *p, __u32 len, __u16 flags)
{
	struct rn_region r = { .addr = addr, .len = len, .flags = flags };
	__u32 off = ev.sc.payload_len;

	assert_true(off + sizeof(r) + RN_REGION_ALIGN(len) <= RN_PAYLOAD_MAX);
	memcpy(ev.payload + off, &r, sizeof(r));
	memcpy(ev.payload + off + sizeof(r), p, len);
	ev.sc.payload_len = off + sizeof(r) + RN_REGION_ALIGN(len);
}

static void ev_str(__u64 addr, const char *s)
{
	ev_region(addr, s, strlen(s), RN_REG_STR);
}

/* ---- a fake live task ---- */

struct live_chunk {
	__u64 addr;
	const void *p;
	size_t len;
};

static struct live_chunk live_mem[16];
static int live_n;
static int live_reads;

static void live_reset(void)
{
	live_n = 0;
	live_reads = 0;
}

static void live_add(__u64 addr, const void *p, size_t len)
{
	live_mem[live_n++] = (struct live_chunk){ .addr = addr, .p = p, .len = len };
}

static long fake_read(void *ctx, __u32 tid, __u64 addr, void *buf, size_t len)
{
	int i;

	(void)ctx;
	assert_int_equal(tid, 42);
	live_reads++;
	for (i = 0; i < live_n; i++) {
		const struct live_chunk *c = &live_mem[i];

		if (addr >= c->addr && addr < c->addr + c->len) {
			size_t n = c->addr + c->len - addr;

			n = n < len ? n : len;
			memcpy(buf, (const char *)c->p + (addr - c->addr), n);
			return n;
		}
	}
	return -EFAULT;
}

static long fake_fdpath(void *ctx, __u32 tgid, int fd, char *buf, size_t len)
{
	const char *p = fd == 3 ? "/etc/hostname" : fd == -100 ? "/tmp" :
			fd == 5 ? "/tmp/a\nb" : NULL;

	(void)ctx;
	assert_int_equal(tgid, 42);
	if (!p)
		return -EBADF;
	snprintf(buf, len, "%s", p);
	return strlen(p);
}

static const struct rn_memsrc live = { .read = fake_read, .fdpath = fake_fdpath };

/* ---- decoding ---- */

static struct rn_decode_opts opts;
static struct rn_decoded dec;
static struct rn_strbuf line;

/* "name(a, b) = ret" from the current event. */
static const char *decode_with(const struct rn_memsrc *src)
{
	int i;

	rn_decode_syscall(&ev, src, &opts, &dec);
	rn_sb_reset(&line);
	rn_sb_printf(&line, "%s(", dec.name);
	for (i = 0; i < dec.nargs; i++)
		rn_sb_printf(&line, "%s%s", i ? ", " : "", dec.arg[i].buf);
	rn_sb_printf(&line, ") = %s", dec.ret.buf);
	return line.buf;
}

static const char *decode(void)
{
	return decode_with(&live);
}

static int setup(void **state)
{
	(void)state;
	opts = (struct rn_decode_opts){ .strsize = 32 };
	live_reset();
	rn_decoded_init(&dec);
	rn_sb_init(&line);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	rn_decoded_release(&dec);
	rn_sb_release(&line);
	return 0;
}

#define AT_CWD ((__u64)(__s64)-100)
#define P1 0x7ffd0000ULL
#define P2 0x7ffd1000ULL
#define P3 0x7ffd2000ULL

static void test_openat(void **state)
{
	(void)state;
	ev_syscall(__NR_openat, 3, AT_CWD, P1, O_RDONLY | O_CLOEXEC, 0, 0, 0);
	ev_str(P1, "/etc/passwd");
	assert_string_equal(decode(), "openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY|O_CLOEXEC) = 3");
	assert_null(dec.err);
	assert_int_equal(dec.retval, 3);
	assert_int_equal(dec.nargs, 3);

	ev_syscall(__NR_openat, -ENOENT, AT_CWD, P1, O_RDONLY, 0, 0, 0);
	ev_str(P1, "/nonexistent");
	assert_string_equal(decode(), "openat(AT_FDCWD, \"/nonexistent\", O_RDONLY) = "
			    "-1 ENOENT (No such file or directory)");
	assert_string_equal(dec.err, "ENOENT");
	assert_int_equal(dec.retval, -1);

	ev_syscall(__NR_openat, 8, AT_CWD, P1, O_WRONLY | O_CREAT | O_TRUNC, 0644, 0, 0);
	ev_str(P1, "/tmp/out");
	assert_string_equal(decode(), "openat(AT_FDCWD, \"/tmp/out\", "
			    "O_WRONLY|O_CREAT|O_TRUNC, 0644) = 8");
	ev_syscall(__NR_openat, 3, 5, P1, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_DIRECTORY, 0, 0, 0);
	ev_str(P1, "sub");
	assert_string_equal(decode(), "openat(5, \"sub\", "
			    "O_RDONLY|O_NONBLOCK|O_CLOEXEC|O_DIRECTORY) = 3");
	ev_syscall(__NR_open, 5, P1, O_WRONLY | O_CREAT, 0, 0, 0, 0);
	ev_str(P1, "/etc/x");
	assert_string_equal(decode(), "open(\"/etc/x\", O_WRONLY|O_CREAT, 000) = 5");
}

static void test_paths_unreadable_null_escaped(void **state)
{
	(void)state;
	ev_syscall(__NR_open, -EFAULT, 0x1, O_RDONLY, 0, 0, 0, 0);
	assert_string_equal(decode(), "open(0x1, O_RDONLY) = -1 EFAULT (Bad address)");
	ev_syscall(__NR_openat, -EFAULT, 5, 0, O_RDONLY, 0, 0, 0);
	assert_string_equal(decode(), "openat(5, NULL, O_RDONLY) = -1 EFAULT (Bad address)");
	/* a faulted capture and no live task: the address */
	ev_syscall(__NR_unlink, -EFAULT, P1, 0, 0, 0, 0, 0);
	ev_region(P1, "", 0, RN_REG_FAULT | RN_REG_STR);
	assert_string_equal(decode_with(NULL), "unlink(0x7ffd0000) = -1 EFAULT (Bad address)");
	/* whatever the tracee names its files, no raw control byte comes out */
	ev_syscall(__NR_unlink, 0, P1, 0, 0, 0, 0, 0);
	ev_str(P1, "a\033[2J\n\"b\\");
	assert_string_equal(decode(), "unlink(\"a\\33[2J\\n\\\"b\\\\\") = 0");
	/* paths are not cut at -s */
	opts.strsize = 4;
	ev_syscall(__NR_chdir, 0, P1, 0, 0, 0, 0, 0);
	ev_str(P1, "/usr/share/doc");
	assert_string_equal(decode(), "chdir(\"/usr/share/doc\") = 0");
}

static void test_read_write(void **state)
{
	static const char data[] = "hello\n\0x";

	(void)state;
	ev_syscall(__NR_read, 3, 3, P1, 5, 0, 0, 0);
	ev_region(P1, "vm\n", 3, RN_REG_EXIT);
	assert_string_equal(decode(), "read(3, \"vm\\n\", 5) = 3");

	ev_syscall(__NR_read, -EBADF, (__u64)-1, P1, 10, 0, 0, 0);
	assert_string_equal(decode(), "read(-1, 0x7ffd0000, 10) = -1 EBADF (Bad file descriptor)");

	/* from the live task only */
	live_add(P2, data, 8);
	ev_syscall(__NR_write, 8, 7, P2, 8, 0, 0, 0);
	assert_string_equal(decode(), "write(7, \"hello\\n\\0x\", 8) = 8");
	assert_true(live_reads > 0);

	/* -s truncation */
	opts.strsize = 3;
	assert_string_equal(decode(), "write(7, \"hel\"..., 8) = 8");
	opts.strsize = 32;

	ev_syscall(__NR_pwrite64, 3, 8, P1, 3, 100, 0, 0);
	ev_region(P1, "xyz", 3, 0);
	assert_string_equal(decode(), "pwrite64(8, \"xyz\", 3, 100) = 3");
	ev_syscall(__NR_pread64, 2, 3, P1, 3, 1, 0, 0);
	ev_region(P1, "m\n", 2, RN_REG_EXIT);
	assert_string_equal(decode(), "pread64(3, \"m\\n\", 3, 1) = 2");
	/* a write whose buffer cannot be read */
	ev_syscall(__NR_write, 8, 1, P3, 8, 0, 0, 0);
	assert_string_equal(decode_with(NULL), "write(1, 0x7ffd2000, 8) = 8");
}

/* -e read=/write=: strace's dump lines, and what is said when bytes are
 * missing (eBPF: only -s bytes captured). */
static void test_dump(void **state)
{
	static const char hello[] = "hello\n";
	__u8 bin[40];
	__u64 iov[4] = { P2, 2, P2 + 2, 4 };
	struct rn_strbuf d;

	(void)state;
	rn_sb_init(&d);
	for (size_t i = 0; i < sizeof(bin); i++)
		bin[i] = (__u8)(i * 7);
	ev_syscall(__NR_write, 6, 1, P1, 6, 0, 0, 0);
	ev_region(P1, hello, 6, 0);
	rn_decode_dump(&ev, NULL, &d);
	assert_string_equal(d.buf, " | 00000  68 65 6c 6c 6f 0a                      "
			    "           hello.           |\n");

	/* 40 bytes read, 20 captured, no live task */
	rn_sb_reset(&d);
	ev_syscall(__NR_read, 40, 3, P1, 100, 0, 0, 0);
	ev_region(P1, bin, 20, RN_REG_EXIT | RN_REG_TRUNC);
	rn_decode_dump(&ev, NULL, &d);
	assert_string_equal(d.buf,
		" | 00000  00 07 0e 15 1c 23 2a 31  38 3f 46 4d 54 5b 62 69  .....#*18?FMT[bi |\n"
		" | 00010  70 77 7e 85                                       pw~.             |\n"
		" | ... 20 of 40 bytes not captured\n");

	/* all 40 from the live task: three rows */
	rn_sb_reset(&d);
	live_add(P1, bin, sizeof(bin));
	ev_syscall(__NR_read, 40, 3, P1, 100, 0, 0, 0);
	rn_decode_dump(&ev, &live, &d);
	assert_non_null(strstr(d.buf, " | 00020  e0 e7 ee f5 fc 03 0a 11  "));
	assert_null(strstr(d.buf, "not captured"));

	/* writev: each buffer, cut by nothing; readv: cut to the result */
	rn_sb_reset(&d);
	live_add(P2, "abcdef", 6);
	ev_syscall(__NR_writev, 6, 1, P3, 2, 0, 0, 0);
	ev_region(P3, iov, sizeof(iov), 0);
	rn_decode_dump(&ev, &live, &d);
	assert_string_equal(d.buf,
		" * 2 bytes in buffer 0\n"
		" | 00000  61 62                                             ab               |\n"
		" * 4 bytes in buffer 1\n"
		" | 00000  63 64 65 66                                       cdef             |\n");
	rn_sb_reset(&d);
	ev_syscall(__NR_readv, 3, 0, P3, 2, 0, 0, 0);
	ev_region(P3, iov, sizeof(iov), 0);
	rn_decode_dump(&ev, &live, &d);
	assert_non_null(strstr(d.buf, " * 1 bytes in buffer 1\n"));

	/* failures and other calls: nothing */
	rn_sb_reset(&d);
	ev_syscall(__NR_write, -EBADF, 9, P1, 6, 0, 0, 0);
	rn_decode_dump(&ev, &live, &d);
	ev_syscall(__NR_close, 0, 3, 0, 0, 0, 0, 0);
	rn_decode_dump(&ev, &live, &d);
	assert_int_equal(d.len, 0);
	assert_int_equal(rn_dump_dir(__NR_recvmsg), RN_DUMP_READ);
	assert_int_equal(rn_dump_dir(__NR_sendto), RN_DUMP_WRITE);
	assert_int_equal(rn_dump_dir(__NR_openat), RN_DUMP_NONE);
	rn_sb_release(&d);
}

static void test_readv_writev(void **state)
{
	__u64 iov[4] = { P2, 2, P2 + 16, 3 };
	__u64 riov[4] = { P2, 4, P2 + 16, 20 };

	(void)state;
	ev_syscall(__NR_writev, 5, 7, P1, 2, 0, 0, 0);
	ev_region(P1, iov, sizeof(iov), 0);
	ev_region(P2, "ab", 2, 0);
	ev_region(P2 + 16, "cde", 3, 0);
	assert_string_equal(decode(), "writev(7, [{iov_base=\"ab\", iov_len=2}, "
			    "{iov_base=\"cde\", iov_len=3}], 2) = 5");
	ev_syscall(__NR_readv, 13, 6, P1, 2, 0, 0, 0);
	ev_region(P1, riov, sizeof(riov), 0);
	ev_region(P2, "hell", 4, RN_REG_EXIT);
	ev_region(P2 + 16, "o\n\0xabcde", 9, RN_REG_EXIT);
	assert_string_equal(decode(), "readv(6, [{iov_base=\"hell\", iov_len=4}, "
			    "{iov_base=\"o\\n\\0xabcde\", iov_len=20}], 2) = 13");
}

static void test_unfinished(void **state)
{
	(void)state;
	ev_syscall(__NR_read, 0, 0, P1, 10, 0, 0, 0);
	ev.flags = RN_F_UNFINISHED;
	assert_string_equal(decode(), "read(0) = ?");
	assert_true(dec.unfinished);
	assert_int_equal(dec.nargs, 1);
	ev_syscall(__NR_exit_group, 0, 0, 0, 0, 0, 0, 0);
	assert_string_equal(decode(), "exit_group(0) = ?");
	ev.flags = RN_F_UNFINISHED;
	assert_string_equal(decode(), "exit_group(0) = ?");
	assert_true(dec.unfinished);
	ev_syscall(__NR_wait4, 0, (__u64)-1, P1, 0, 0, 0, 0);
	ev.flags = RN_F_UNFINISHED;
	assert_string_equal(decode(), "wait4(-1) = ?");
	/* attached mid-call: only the result is known */
	ev_syscall(__NR_read, 2, 0, 0, 0, 0, 0, 0);
	ev.flags = RN_F_ENTRY_MISSED;
	assert_string_equal(decode(), "read() = 2");
	assert_false(dec.unfinished);
}

static void test_errors(void **state)
{
	int err;

	(void)state;
	for (err = 1; err <= 133; err++) {
		char want[256];
		const char *name = rn_errno_name(err);

		if (err == 41 || err == 58) {	/* numbers the kernel leaves unused */
			assert_null(name);
			continue;
		}
		assert_non_null(name);
		ev_syscall(__NR_close, -err, 9, 0, 0, 0, 0, 0);
		snprintf(want, sizeof(want), "close(9) = -1 %s (%s)", name, strerror(err));
		assert_string_equal(decode(), want);
		assert_string_equal(dec.err, name);
	}
	assert_string_equal(rn_errno_name(EAGAIN), "EAGAIN");
	assert_string_equal(rn_errno_name(EOPNOTSUPP), "EOPNOTSUPP");
	ev_syscall(__NR_read, -512, 0, P1, 10, 0, 0, 0);
	assert_string_equal(decode(), "read(0, 0x7ffd0000, 10) = "
			    "? ERESTARTSYS (To be restarted if SA_RESTART is set)");
	ev_syscall(__NR_nanosleep, -516, P1, 0, 0, 0, 0, 0);
	assert_string_equal(decode(), "nanosleep(0x7ffd0000, NULL) = "
			    "? ERESTART_RESTARTBLOCK (Interrupted by signal)");
	ev_syscall(__NR_close, -513, 9, 0, 0, 0, 0, 0);
	assert_string_equal(decode(), "close(9) = ? ERESTARTNOINTR (To be restarted)");
	ev_syscall(__NR_close, -514, 9, 0, 0, 0, 0, 0);
	assert_string_equal(decode(),
			    "close(9) = ? ERESTARTNOHAND (To be restarted if no handler)");
	for (err = 515; err <= 531; err++)
		if (err != 516 && err != 520)
			assert_non_null(rn_errno_name(err));
	ev_syscall(__NR_close, -524, 9, 0, 0, 0, 0, 0);
	assert_string_equal(decode(), "close(9) = -1 ENOTSUPP (Unknown error)");
}

/* Out-of-range arguments print as wide as their C type, as strace 6.1:
 * an int flag or enum its low 32 bits, a long all 64, a mode 16 bits, a
 * socklen_t signed; flags in strace's order and names */
static void test_argwidth(void **state)
{
	const __u64 m1 = ~0ULL;

	(void)state;
	ev_syscall(__NR_lseek, -EBADF, m1, m1, m1, 0, 0, 0);
	assert_string_equal(decode(), "lseek(-1, -1, 0xffffffff /* SEEK_??? */) = "
			    "-1 EBADF (Bad file descriptor)");
	ev_syscall(__NR_access, -EINVAL, 0, m1, 0, 0, 0, 0);
	assert_string_equal(decode(), "access(NULL, R_OK|W_OK|X_OK|0xfffffff8) = "
			    "-1 EINVAL (Invalid argument)");
	ev_syscall(__NR_umask, 022, m1, 0, 0, 0, 0, 0);
	assert_string_equal(decode(), "umask(0177777) = 022");
	ev_syscall(__NR_unshare, -EINVAL, 0x100000000ULL | 0x80 | 0x200, 0, 0, 0, 0, 0);
	assert_string_equal(decode(), "unshare(CLONE_NEWTIME|CLONE_FS|0x100000000) = "
			    "-1 EINVAL (Invalid argument)");
	ev_syscall(__NR_msync, -EINVAL, 0, 0, 7, 0, 0, 0);
	assert_string_equal(decode(), "msync(NULL, 0, MS_SYNC|MS_ASYNC|MS_INVALIDATE) = "
			    "-1 EINVAL (Invalid argument)");
	ev_syscall(__NR_connect, -EBADF, m1, 0, m1, 0, 0, 0);
	assert_string_equal(decode(), "connect(-1, NULL, -1) = -1 EBADF (Bad file descriptor)");
	ev_syscall(__NR_socket, -EINVAL, m1, m1, m1, 0, 0, 0);
	assert_string_equal(decode(), "socket(0xffffffff /* AF_??? */, SOCK_CLOEXEC|"
			    "SOCK_NONBLOCK|0xfff7f7ff, 18446744073709551615) = "
			    "-1 EINVAL (Invalid argument)");
	ev_syscall(__NR_socket, -EAFNOSUPPORT, 0, 0, 0, 0, 0, 0);
	assert_string_equal(decode(), "socket(AF_UNSPEC, 0, 0) = "
			    "-1 EAFNOSUPPORT (Address family not supported by protocol)");
	ev_syscall(__NR_memfd_create, -EINVAL, 0, 1 | (21u << 26), 0, 0, 0, 0);
	assert_string_equal(decode(), "memfd_create(NULL, MFD_CLOEXEC|21<<MFD_HUGE_SHIFT) = "
			    "-1 EINVAL (Invalid argument)");
	ev_syscall(__NR_mmap, -EBADF, 0, 0, 0, 0, 0, 0);
	assert_string_equal(decode(), "mmap(NULL, 0, PROT_NONE, MAP_FILE, 0, 0) = "
			    "-1 EBADF (Bad file descriptor)");
	ev_syscall(__NR_pidfd_getfd, -EINVAL, m1, m1, m1, 0, 0, 0);
	assert_string_equal(decode(), "pidfd_getfd(-1, -1, 0xffffffff) = "
			    "-1 EINVAL (Invalid argument)");
	ev_syscall(__NR_flock, 0, m1, 0xf0, 0, 0, 0, 0);
	assert_string_equal(decode(), "flock(-1, LOCK_MAND|LOCK_RW|0x10) = 0");
}

/* decode_tail4.c/tail4b.c: calls newer than strace 6.1 keep their names
 * (strace 6.1 says syscall_0x1c6), their registers in hex; an output
 * context; a bad command */
static void test_tail4(void **state)
{
	__u64 ctx = 0x7f0000001000ULL;
	__u32 map[5] = { 2, 4, 8, 2, 0 };

	(void)state;
	ev_syscall(454, -EINVAL, 0, 0, 1, 2, 0, 0);
	assert_string_equal(decode(), "futex_wake(0, 0, 0x1, 0x2) = "
			    "-1 EINVAL (Invalid argument)");
	ev_syscall(__NR_io_setup, 0, 8, P1, 0, 0, 0, 0);
	ev_region(P1, &ctx, sizeof(ctx), RN_REG_EXIT);
	assert_string_equal(decode(), "io_setup(8, [0x7f0000001000]) = 0");
	ev_syscall(__NR_bpf, -EINVAL, 999, 0, 0, 0, 0, 0);
	assert_string_equal(decode(), "bpf(0x3e7 /* BPF_??? */, NULL, 0) = "
			    "-1 EINVAL (Invalid argument)");
	ev_syscall(__NR_bpf, 3, 0, P1, 20, 0, 0, 0);
	ev_region(P1, map, sizeof(map), 0);
	assert_string_equal(decode(), "bpf(BPF_MAP_CREATE, {map_type=BPF_MAP_TYPE_ARRAY, "
			    "key_size=4, value_size=8, max_entries=2, map_flags=0}, 20) = 3");
	ev_syscall(__NR_fsmount, -EINVAL, -1, 2, 0x1000000, 0, 0, 0);
	assert_string_equal(decode(), "fsmount(-1, 0x2 /* FSMOUNT_??? */, "
			    "0x1000000 /* MOUNT_ATTR_??? */) = -1 EINVAL (Invalid argument)");
}

/* A task whose descriptors 7 and 8 are a BPF map and program (for the
 * infos), its memory what the event captured. */
static long bpf_fdpath(void *ctx, __u32 tgid, int fd, char *buf, size_t len)
{
	(void)ctx;
	(void)tgid;
	if (fd != 7 && fd != 8)
		return -EBADF;
	snprintf(buf, len, "anon_inode:bpf-%s", fd == 7 ? "map" : "prog");
	return strlen(buf);
}

static long no_read(void *ctx, __u32 tid, __u64 addr, void *buf, size_t len)
{
	(void)ctx, (void)tid, (void)addr, (void)buf, (void)len;
	return -EFAULT;
}

static void test_bpf(void **state)
{
	const struct rn_memsrc bpfsrc = { .read = no_read, .fdpath = bpf_fdpath };
	__u32 in[36] = { 0 }, out[36] = { 0 }, ids[2] = { 11, 12 }, mi[22] = { 0 };
	__u8 insns[16] = { 0xb7, 0, 0, 0, 1, 0, 0, 0, 0x95 };

	(void)state;
	/* an output in the attr: the entry copy, then the exit one */
	out[1] = 42;
	ev_syscall(__NR_bpf, 0, 11, P1, 12, 0, 0, 0);
	ev_region(P1, in, 12, 0);
	ev_region(P1, out, 12, RN_REG_EXIT);
	assert_string_equal(decode(), "bpf(BPF_PROG_GET_NEXT_ID, {start_id=0, "
			    "next_id=0 => 42, open_flags=0}, 12) = 0");
	/* PROG_QUERY: the ids the call wrote, as many as it says */
	in[0] = 7, in[1] = 1, in[4] = (__u32)P2, in[5] = (__u32)(P2 >> 32), in[6] = 4;
	memcpy(out, in, sizeof(in));
	out[6] = 2;
	ev_syscall(__NR_bpf, 0, 16, P1, 144, 0, 0, 0);
	ev_region(P1, in, 144, 0);
	ev_region(P1, out, 144, RN_REG_EXIT);
	ev_region(P2, ids, sizeof(ids), RN_REG_EXIT);
	assert_string_equal(decode_with(&bpfsrc), "bpf(BPF_PROG_QUERY, {query={target_fd=7, "
			    "attach_type=BPF_CGROUP_INET_EGRESS, query_flags=0, attach_flags=0, "
			    "prog_ids=[11, 12], prog_cnt=4 => 2}}, 144) = 0");
	/* ... failed: the address; unfinished: nothing of it yet */
	ev.sc.ret = -ENOSPC;
	assert_string_equal(decode_with(&bpfsrc), "bpf(BPF_PROG_QUERY, {query={target_fd=7, "
			    "attach_type=BPF_CGROUP_INET_EGRESS, query_flags=0, attach_flags=0, "
			    "prog_ids=0x7ffd1000, prog_cnt=4 => 2}}, 144) = -1 ENOSPC "
			    "(No space left on device)");
	ev.flags = RN_F_UNFINISHED;
	assert_string_equal(decode_with(&bpfsrc), "bpf(BPF_PROG_QUERY) = ?");
	/* a map's info under -v, with what the call changed */
	memset(in, 0, sizeof(in));
	in[0] = 7, in[1] = 100, in[2] = (__u32)P2, in[3] = (__u32)(P2 >> 32);
	memcpy(out, in, sizeof(in));
	out[1] = 88;
	mi[0] = 2, mi[1] = 9, mi[2] = 4, mi[3] = 8, mi[4] = 3, mi[5] = 1;
	memcpy(&mi[6], "m", 2);
	ev_syscall(__NR_bpf, 0, 15, P1, 16, 0, 0, 0);
	ev_region(P1, in, 16, 0);
	ev_region(P1, out, 16, RN_REG_EXIT);
	ev_region(P2, mi, sizeof(mi), RN_REG_EXIT);
	assert_string_equal(decode_with(&bpfsrc), "bpf(BPF_OBJ_GET_INFO_BY_FD, {info={bpf_fd=7, "
			    "info_len=100 => 88, info=0x7ffd1000}}, 16) = 0");
	opts.verbose = true;
	assert_string_equal(decode_with(&bpfsrc), "bpf(BPF_OBJ_GET_INFO_BY_FD, {info={bpf_fd=7, "
			    "info_len=100 => 88, info={type=BPF_MAP_TYPE_ARRAY, id=9, key_size=4, "
			    "value_size=8, max_entries=3, map_flags=BPF_F_NO_PREALLOC, name=\"m\", "
			    "ifindex=0, btf_vmlinux_value_type_id=0, netns_dev=makedev(0, 0), "
			    "netns_ino=0, btf_id=0, btf_key_type_id=0, btf_value_type_id=0}}}, "
			    "16) = 0");
	/* instructions under -v */
	memset(in, 0, sizeof(in));
	in[0] = 1, in[1] = 2, in[2] = (__u32)P2, in[3] = (__u32)(P2 >> 32);
	ev_syscall(__NR_bpf, 3, 5, P1, 24, 0, 0, 0);
	ev_region(P1, in, 24, 0);
	ev_region(P2, insns, sizeof(insns), 0);
	assert_string_equal(decode_with(&bpfsrc), "bpf(BPF_PROG_LOAD, {prog_type="
			    "BPF_PROG_TYPE_SOCKET_FILTER, insn_cnt=2, insns=[{code=BPF_ALU64|BPF_K|"
			    "BPF_MOV, dst_reg=BPF_REG_0, src_reg=BPF_REG_0, off=0, imm=0x1}, "
			    "{code=BPF_JMP|BPF_K|BPF_EXIT, dst_reg=BPF_REG_0, src_reg=BPF_REG_0, "
			    "off=0, imm=0}], license=NULL}, 24) = 3");
	/* no decoder in strace 6.1: the address */
	ev_syscall(__NR_bpf, 0, 35, P1, 12, 0, 0, 0);
	assert_string_equal(decode(), "bpf(BPF_PROG_BIND_MAP, 0x7ffd0000, 12) = 0");
}

static void test_generic(void **state)
{
	(void)state;
	ev_syscall(500, -ENOSYS, 1, 2, 3, 0, 0, 0);
	assert_string_equal(decode(), "syscall_0x1f4(0x1, 0x2, 0x3, 0, 0, 0) = "
			    "-1 ENOSYS (Function not implemented)");
	ev_syscall(__NR_getpid, 1234, 0, 0, 0, 0, 0, 0);
	assert_string_equal(decode(), "getpid() = 1234");
	/* no decoder of its own: the generic printer */
	ev_syscall(__NR_vserver, 0, 1, 2, 0, 128, P1, 0);
	assert_string_equal(decode(), "vserver(0x1, 0x2, 0, 0x80, 0x7ffd0000) = 0");
	ev_syscall(__NR_sched_getaffinity, 8, 0, 128, P1, 0, 0, 0);
	ev_region(P1, "\3\0\0\0\0\0\0\0", 8, RN_REG_EXIT);
	assert_string_equal(decode(), "sched_getaffinity(0, 128, [0 1]) = 8");
	/* raw=all: even decoded calls in hex */
	opts.raw = true;
	ev_syscall(__NR_openat, 3, AT_CWD, P1, O_RDONLY, 0, 0, 0);
	assert_string_equal(decode(), "openat(0xffffffffffffff9c, 0x7ffd0000, 0, 0) = 0x3");
	/* the return value in hex as strace prints it; 0 and errors as usual */
	ev_syscall(__NR_lseek, 4096, 3, 4096, SEEK_SET, 0, 0, 0);
	assert_string_equal(decode(), "lseek(0x3, 0x1000, 0) = 0x1000");
	ev_syscall(__NR_close, 0, 3, 0, 0, 0, 0, 0);
	assert_string_equal(decode(), "close(0x3) = 0");
	ev_syscall(__NR_close, -EBADF, 99, 0, 0, 0, 0, 0);
	assert_string_equal(decode(), "close(0x63) = -1 EBADF (Bad file descriptor)");
}

static void test_show_paths(void **state)
{
	(void)state;
	opts.show_paths = true;
	ev_syscall(__NR_read, 3, 3, P1, 5, 0, 0, 0);
	ev_region(P1, "vm\n", 3, RN_REG_EXIT);
	assert_string_equal(decode(), "read(3</etc/hostname>, \"vm\\n\", 5) = 3");
	ev_syscall(__NR_openat, 3, AT_CWD, P1, O_RDONLY, 0, 0, 0);
	ev_str(P1, "/etc/hostname");
	assert_string_equal(decode(), "openat(AT_FDCWD</tmp>, \"/etc/hostname\", O_RDONLY) = "
			    "3</etc/hostname>");
	ev_syscall(__NR_close, 0, 5, 0, 0, 0, 0, 0);
	assert_string_equal(decode(), "close(5</tmp/a\\nb>) = 0");
	ev_syscall(__NR_close, 0, 9, 0, 0, 0, 0, 0);
	assert_string_equal(decode(), "close(9) = 0");
	ev_syscall(__NR_dup2, 20, 3, 20, 0, 0, 0, 0);
	assert_string_equal(decode(), "dup2(3</etc/hostname>, 20) = 20");
	/* no live task: no paths, no crash */
	ev_syscall(__NR_close, 0, 3, 0, 0, 0, 0, 0);
	assert_string_equal(decode_with(NULL), "close(3) = 0");
}

static void fill_stat(struct stat *st)
{
	memset(st, 0, sizeof(*st));
	st->st_dev = makedev(0xfe, 0);
	st->st_ino = 733;
	st->st_mode = S_IFREG | 0644;
	st->st_nlink = 1;
	st->st_blksize = 4096;
	st->st_blocks = 8;
	st->st_size = 1234;
	st->st_atim.tv_sec = 1795686793;
	st->st_atim.tv_nsec = 815356988;
	st->st_mtim.tv_sec = 1777320873;
	st->st_ctim.tv_sec = 1777320873;
}

/*
 * -e verbose=SET without the call (terse): what a pointer points at is not
 * read (a structure, an array, an int: the address), strings and buffers
 * still print, as strace prints its non-verbose calls.
 */
static void test_terse(void **state)
{
	struct stat st;
	int fds[2] = { 4, 5 };

	(void)state;
	opts.terse = true;
	fill_stat(&st);
	ev_syscall(__NR_newfstatat, 0, 3, P1, P2, AT_EMPTY_PATH, 0, 0);
	ev_str(P1, "/etc");
	ev_region(P2, &st, sizeof(st), RN_REG_EXIT);
	assert_string_equal(decode(), "newfstatat(3, \"/etc\", 0x7ffd1000, AT_EMPTY_PATH) = 0");
	ev_syscall(__NR_pipe2, 0, P1, O_CLOEXEC, 0, 0, 0, 0);
	ev_region(P1, fds, sizeof(fds), RN_REG_EXIT);
	assert_string_equal(decode(), "pipe2(0x7ffd0000, O_CLOEXEC) = 0");
	ev_syscall(__NR_read, 3, 3, P1, 5, 0, 0, 0);
	ev_region(P1, "vm\n", 3, RN_REG_EXIT);
	assert_string_equal(decode(), "read(3, \"vm\\n\", 5) = 3");
	/* verbose again: the array */
	opts.terse = false;
	ev_syscall(__NR_pipe2, 0, P1, O_CLOEXEC, 0, 0, 0, 0);
	ev_region(P1, fds, sizeof(fds), RN_REG_EXIT);
	assert_string_equal(decode(), "pipe2([4, 5], O_CLOEXEC) = 0");
	/* an array of two at -s 1 and -s 0, as strace cuts it; -v shows all */
	opts.strsize = 1;
	assert_string_equal(decode(), "pipe2([4, ...], O_CLOEXEC) = 0");
	opts.strsize = 0;
	assert_string_equal(decode(), "pipe2([...], O_CLOEXEC) = 0");
	opts.verbose = true;
	assert_string_equal(decode(), "pipe2([4, 5], O_CLOEXEC) = 0");
	opts.verbose = false;
	opts.strsize = 32;
}

static void test_stat(void **state)
{
	struct stat st;

	(void)state;
	fill_stat(&st);
	ev_syscall(__NR_newfstatat, 0, 3, P1, P2, AT_EMPTY_PATH, 0, 0);
	ev_str(P1, "");
	ev_region(P2, &st, sizeof(st), RN_REG_EXIT);
	assert_string_equal(decode(), "newfstatat(3, \"\", {st_mode=S_IFREG|0644, st_size=1234, "
			    "...}, AT_EMPTY_PATH) = 0");
	opts.verbose = true;
	assert_string_equal(decode(), "newfstatat(3, \"\", {st_dev=makedev(0xfe, 0), st_ino=733, "
			    "st_mode=S_IFREG|0644, st_nlink=1, st_uid=0, st_gid=0, "
			    "st_blksize=4096, "
			    "st_blocks=8, st_size=1234, st_atime=1795686793 /* "
			    "2026-11-26T09:53:13.815356988+0000 */, st_atime_nsec=815356988, "
			    "st_mtime=1777320873 /* 2026-04-27T20:14:33+0000 */, st_mtime_nsec=0, "
			    "st_ctime=1777320873 /* 2026-04-27T20:14:33+0000 */, st_ctime_nsec=0}, "
			    "AT_EMPTY_PATH) = 0");
	opts.verbose = false;
	/* copied at exit without RN_REG_EXIT and no live task (the eBPF way) */
	ev_syscall(__NR_fstat, 0, 3, P2, 0, 0, 0, 0);
	ev_region(P2, &st, sizeof(st), 0);
	assert_string_equal(decode_with(NULL), "fstat(3, {st_mode=S_IFREG|0644, st_size=1234, "
			    "...}) = 0");
	st.st_mode = S_IFCHR | 0666;
	st.st_rdev = makedev(1, 3);
	ev_syscall(__NR_fstat, 0, 0, P2, 0, 0, 0, 0);
	ev_region(P2, &st, sizeof(st), RN_REG_EXIT);
	assert_string_equal(decode(), "fstat(0, {st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x3), "
			    "...}) = 0");
	/* failed: the buffer is not printed */
	ev_syscall(__NR_newfstatat, -ENOENT, AT_CWD, P1, P2, AT_SYMLINK_NOFOLLOW, 0, 0);
	ev_str(P1, "/nonexistent");
	assert_string_equal(decode(), "newfstatat(AT_FDCWD, \"/nonexistent\", 0x7ffd1000, "
			    "AT_SYMLINK_NOFOLLOW) = -1 ENOENT (No such file or directory)");
	st.st_mode = S_IFDIR | S_ISVTX | 0777;
	ev_syscall(__NR_stat, 0, P1, P2, 0, 0, 0, 0);
	ev_str(P1, "/tmp");
	ev_region(P2, &st, sizeof(st), RN_REG_EXIT);
	assert_string_equal(decode(), "stat(\"/tmp\", {st_mode=S_IFDIR|S_ISVTX|0777, "
			    "st_size=1234, ...}) = 0");
}

static void test_statx(void **state)
{
	struct statx sx;

	(void)state;
	memset(&sx, 0, sizeof(sx));
	sx.stx_mask = 0x17ff;
	sx.stx_mode = S_IFREG | 0755;
	sx.stx_size = 3;
	ev_syscall(__NR_statx, 0, AT_CWD, P1, 0, 0x7ff, P2, 0);
	ev_str(P1, "/etc/hostname");
	ev_region(P2, &sx, sizeof(sx), RN_REG_EXIT);
	assert_string_equal(decode(), "statx(AT_FDCWD, \"/etc/hostname\", AT_STATX_SYNC_AS_STAT, "
			    "STATX_BASIC_STATS, {stx_mask=STATX_BASIC_STATS|STATX_MNT_ID, "
			    "stx_attributes=0, stx_mode=S_IFREG|0755, stx_size=3, ...}) = 0");
}

static void test_fds_fcntl_pipe(void **state)
{
	int fds[2] = { 6, 7 };

	(void)state;
	ev_syscall(__NR_pipe2, 0, P1, O_NONBLOCK | O_CLOEXEC, 0, 0, 0, 0);
	ev_region(P1, fds, sizeof(fds), RN_REG_EXIT);
	assert_string_equal(decode(), "pipe2([6, 7], O_NONBLOCK|O_CLOEXEC) = 0");
	ev_syscall(__NR_pipe2, 0, P1, 0, 0, 0, 0, 0);
	ev_region(P1, fds, sizeof(fds), RN_REG_EXIT);
	assert_string_equal(decode(), "pipe2([6, 7], 0) = 0");
	ev_syscall(__NR_fcntl, 0x8000, 3, F_GETFL, 0, 0, 0, 0);
	assert_string_equal(decode(), "fcntl(3, F_GETFL) = 0x8000 (flags O_RDONLY|O_LARGEFILE)");
	ev_syscall(__NR_fcntl, 0, 3, F_GETFD, 0, 0, 0, 0);
	assert_string_equal(decode(), "fcntl(3, F_GETFD) = 0");
	ev_syscall(__NR_fcntl, 1, 3, F_GETFD, 0, 0, 0, 0);
	assert_string_equal(decode(), "fcntl(3, F_GETFD) = 0x1 (flags FD_CLOEXEC)");
	ev_syscall(__NR_fcntl, 0, 3, F_SETFD, FD_CLOEXEC, 0, 0, 0);
	assert_string_equal(decode(), "fcntl(3, F_SETFD, FD_CLOEXEC) = 0");
	ev_syscall(__NR_fcntl, 11, 3, F_DUPFD_CLOEXEC, 10, 0, 0, 0);
	assert_string_equal(decode(), "fcntl(3, F_DUPFD_CLOEXEC, 10) = 11");
	ev_syscall(__NR_fcntl, 0, 0, F_SETFL, O_NONBLOCK | O_RDWR, 0, 0, 0);
	assert_string_equal(decode(), "fcntl(0, F_SETFL, O_RDWR|O_NONBLOCK) = 0");
	ev_syscall(__NR_dup3, 21, 3, 21, O_CLOEXEC, 0, 0, 0);
	assert_string_equal(decode(), "dup3(3, 21, O_CLOEXEC) = 21");
	ev_syscall(__NR_lseek, 2, 3, 2, SEEK_SET, 0, 0, 0);
	assert_string_equal(decode(), "lseek(3, 2, SEEK_SET) = 2");
	ev_syscall(__NR_ioctl, -ENOTTY, 1, 0x5401, P1, 0, 0, 0);
	assert_string_equal(decode(), "ioctl(1, TCGETS, 0x7ffd0000) = "
			    "-1 ENOTTY (Inappropriate ioctl for device)");
	ev_syscall(__NR_ioctl, -ENOTTY, 0, 0x1234abcd, 0, 0, 0, 0);
	assert_string_equal(decode(), "ioctl(0, _IOC(_IOC_NONE, 0xab, 0xcd, 0x1234), 0) = "
			    "-1 ENOTTY (Inappropriate ioctl for device)");
}

static void test_memory(void **state)
{
	(void)state;
	ev_syscall(__NR_mmap, 0x7f25ecf1f000LL, 0, 8192, 3, 0x22, (__u64)-1, 0);
	assert_string_equal(decode(), "mmap(NULL, 8192, PROT_READ|PROT_WRITE, "
			    "MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f25ecf1f000");
	assert_true(dec.ret_hex);
	ev_syscall(__NR_mmap, -ENODEV, 0, 4096, 0, 0x1 | 0x10 | 0x8000 | (2u << 26), 3, 4096);
	assert_string_equal(decode(), "mmap(NULL, 4096, PROT_NONE, MAP_SHARED|MAP_FIXED|"
			    "MAP_POPULATE|2<<MAP_HUGE_SHIFT, 3, 0x1000) = "
			    "-1 ENODEV (No such device)");
	ev_syscall(__NR_brk, 0x55da8e7ef000LL, 0, 0, 0, 0, 0, 0);
	assert_string_equal(decode(), "brk(NULL) = 0x55da8e7ef000");
	ev_syscall(__NR_mprotect, 0, 0x7f0000001000, 4096, 0, 0, 0, 0);
	assert_string_equal(decode(), "mprotect(0x7f0000001000, 4096, PROT_NONE) = 0");
	ev_syscall(__NR_madvise, 0, 0x7f0000001000, 8192, 4, 0, 0, 0);
	assert_string_equal(decode(), "madvise(0x7f0000001000, 8192, MADV_DONTNEED) = 0");
	ev_syscall(__NR_mremap, -EFAULT, 0x7f0000001000, 8192, 16384, 1, 0, 0);
	assert_string_equal(decode(), "mremap(0x7f0000001000, 8192, 16384, MREMAP_MAYMOVE) = "
			    "-1 EFAULT (Bad address)");
	ev_syscall(__NR_munmap, 0, 0x7f0000001000, 42575, 0, 0, 0, 0);
	assert_string_equal(decode(), "munmap(0x7f0000001000, 42575) = 0");
}

static void test_exec_clone_wait(void **state)
{
	__u64 argv[3] = { P2, P2 + 64, 0 };
	__u64 envp[3] = { P3, P3 + 64, 0 };
	int status;

	(void)state;
	ev_syscall(__NR_execve, 0, P1, P1 + 256, P1 + 512, 0, 0, 0);
	ev_str(P1, "/usr/bin/ls");
	ev_region(P1 + 256, argv, sizeof(argv), 0);
	ev_region(P1 + 512, envp, sizeof(envp), 0);
	ev_str(P2, "ls");
	ev_str(P2 + 64, "-la");
	ev_str(P3, "A=1");
	ev_str(P3 + 64, "B=2");
	assert_string_equal(decode(), "execve(\"/usr/bin/ls\", [\"ls\", \"-la\"], "
			    "0x7ffd0200 /* 2 vars */) = 0");
	opts.strsize = 1;	/* arrays too stop at -s elements */
	assert_string_equal(decode(), "execve(\"/usr/bin/ls\", [\"l\"..., ...], "
			    "0x7ffd0200 /* 2 vars */) = 0");
	opts.verbose = true;	/* ... unless -v */
	assert_string_equal(decode(), "execve(\"/usr/bin/ls\", [\"l\"..., \"-\"...], "
			    "[\"A\"..., \"B\"...]) = 0");
	opts.strsize = 32;
	assert_string_equal(decode(), "execve(\"/usr/bin/ls\", [\"ls\", \"-la\"], "
			    "[\"A=1\", \"B=2\"]) = 0");

	ev_syscall(__NR_clone, 9083, 0x01200011, 0, 0, 0x7f5a278cfa10, 0, 0);
	assert_string_equal(decode(), "clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|"
			    "CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f5a278cfa10) = 9083");

	status = 3 << 8;
	ev_syscall(__NR_wait4, 9083, 9083, P1, 0, 0, 0, 0);
	ev_region(P1, &status, 4, RN_REG_EXIT);
	assert_string_equal(decode(), "wait4(9083, [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, "
			    "NULL) = 9083");
	status = SIGKILL;
	ev_syscall(__NR_wait4, 9084, 9084, P1, 0, 0, 0, 0);
	ev_region(P1, &status, 4, RN_REG_EXIT);
	assert_string_equal(decode(), "wait4(9084, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL}], "
			    "0, NULL) = 9084");
	status = SIGSEGV | 0x80;
	ev_syscall(__NR_wait4, 7, -1, P1, 1 | 0x40000000, 0, 0, 0);
	ev_region(P1, &status, 4, RN_REG_EXIT);
	assert_string_equal(decode(), "wait4(-1, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGSEGV && "
			    "WCOREDUMP(s)}], WNOHANG|__WALL, NULL) = 7");
	ev_syscall(__NR_exit_group, 0, 3, 0, 0, 0, 0, 0);
	assert_string_equal(decode(), "exit_group(3) = ?");
}

static void test_signals(void **state)
{
	__u64 act[4] = { 0x55cd84649629, 0x04000000 | SA_RESTART, 0x7f5a2790e050,
			 1ULL << (SIGINT - 1) };
	__u64 set = (1ULL << (SIGTERM - 1)) | (1ULL << (SIGCHLD - 1));
	__u64 full = ~0ULL;

	(void)state;
	ev_syscall(__NR_rt_sigaction, 0, SIGUSR1, P1, 0, 8, 0, 0);
	ev_region(P1, act, sizeof(act), 0);
	assert_string_equal(decode(), "rt_sigaction(SIGUSR1, {sa_handler=0x55cd84649629, "
			    "sa_mask=[INT], sa_flags=SA_RESTORER|SA_RESTART, "
			    "sa_restorer=0x7f5a2790e050}, NULL, 8) = 0");
	ev_syscall(__NR_rt_sigprocmask, 0, SIG_UNBLOCK, P1, P2, 8, 0, 0);
	ev_region(P1, &set, 8, 0);
	ev_region(P2, &set, 8, RN_REG_EXIT);
	assert_string_equal(decode(),
			    "rt_sigprocmask(SIG_UNBLOCK, [TERM CHLD], [TERM CHLD], 8) = 0");
	ev_syscall(__NR_rt_sigprocmask, 0, SIG_BLOCK, P1, P2, 8, 0, 0);
	ev_region(P1, &full, 8, 0);
	ev_region(P2, "\0\0\0\0\0\0\0\0", 8, RN_REG_EXIT);
	assert_string_equal(decode(), "rt_sigprocmask(SIG_BLOCK, ~[], [], 8) = 0");
	full &= ~((1ULL << 31) | (1ULL << 32) | (1ULL << (SIGINT - 1)));
	ev_syscall(__NR_rt_sigprocmask, 0, SIG_SETMASK, P1, 0, 8, 0, 0);
	ev_region(P1, &full, 8, 0);
	assert_string_equal(decode(),
			    "rt_sigprocmask(SIG_SETMASK, ~[INT RTMIN RT_1], NULL, 8) = 0");
	/* rt_sigreturn: the mask in the frame, only when the backend gave sp */
	ev_syscall(__NR_rt_sigreturn, 0, P1, 0, 0, 0, 0, 0);
	ev_region(P1 + 296, &set, 8, 0);
	assert_string_equal(decode(), "rt_sigreturn() = 0");
	ev.flags = RN_F_SP_ARG0;
	assert_string_equal(decode(), "rt_sigreturn({mask=[TERM CHLD]}) = 0");
	ev_syscall(__NR_kill, 0, 9082, SIGUSR1, 0, 0, 0, 0);
	assert_string_equal(decode(), "kill(9082, SIGUSR1) = 0");
	ev_syscall(__NR_kill, -EINVAL, 1, 65, 0, 0, 0, 0);
	assert_string_equal(decode(), "kill(1, 65) = -1 EINVAL (Invalid argument)");
	ev_syscall(__NR_tgkill, 0, 1, 2, 34, 0, 0, 0);
	assert_string_equal(decode(), "tgkill(1, 2, SIGRT_2) = 0");
}

static void test_siginfo(void **state)
{
	struct rn_strbuf sb;

	(void)state;
	rn_sb_init(&sb);
	memset(&ev, 0, RN_EVENT_HDR_SIZE);
	ev.type = RN_EV_SIGNAL;
	ev.sig = (struct rn_signal_rec){ .signo = SIGCHLD, .code = CLD_EXITED, .pid = 123,
					 .status = 0 };
	rn_decode_siginfo(&ev, &sb);
	assert_string_equal(sb.buf, "{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=123, si_uid=0, "
			    "si_status=0, si_utime=0, si_stime=0}");
	rn_sb_reset(&sb);
	ev.sig = (struct rn_signal_rec){ .signo = SIGCHLD, .code = CLD_KILLED, .pid = 9,
					 .status = SIGKILL };
	rn_decode_siginfo(&ev, &sb);
	assert_string_equal(sb.buf, "{si_signo=SIGCHLD, si_code=CLD_KILLED, si_pid=9, si_uid=0, "
			    "si_status=SIGKILL, si_utime=0, si_stime=0}");
	rn_sb_reset(&sb);
	ev.sig = (struct rn_signal_rec){ .signo = SIGUSR1, .code = SI_USER, .pid = 77,
					 .uid = 1000 };
	rn_decode_siginfo(&ev, &sb);
	assert_string_equal(sb.buf, "{si_signo=SIGUSR1, si_code=SI_USER, si_pid=77, si_uid=1000}");
	rn_sb_reset(&sb);
	ev.sig = (struct rn_signal_rec){ .signo = SIGUSR1, .code = SI_TKILL, .pid = 77 };
	rn_decode_siginfo(&ev, &sb);
	assert_string_equal(sb.buf, "{si_signo=SIGUSR1, si_code=SI_TKILL, si_pid=77, si_uid=0}");
	rn_sb_reset(&sb);
	ev.sig = (struct rn_signal_rec){ .signo = SIGUSR1, .code = -60, .pid = 7 };
	rn_decode_siginfo(&ev, &sb);
	assert_string_equal(sb.buf, "{si_signo=SIGUSR1, si_code=SI_ASYNCNL, si_pid=7, si_uid=0}");
	rn_sb_reset(&sb);
	ev.sig = (struct rn_signal_rec){ .signo = 0, .code = SI_USER, .pid = 7 };
	rn_decode_siginfo(&ev, &sb);
	assert_string_equal(sb.buf, "{}");	/* nothing there, as strace */
	rn_sb_reset(&sb);
	ev.sig = (struct rn_signal_rec){ .signo = SIGSEGV, .code = SEGV_MAPERR, .addr = 0x10 };
	rn_decode_siginfo(&ev, &sb);
	assert_string_equal(sb.buf, "{si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0x10}");
	rn_sb_reset(&sb);
	ev.sig = (struct rn_signal_rec){ .signo = SIGSEGV, .code = SI_KERNEL };
	rn_decode_siginfo(&ev, &sb);
	assert_string_equal(sb.buf, "{si_signo=SIGSEGV, si_code=SI_KERNEL, si_addr=NULL}");
	rn_sb_release(&sb);
	assert_string_equal(rn_signal_name(SIGKILL), "SIGKILL");
	assert_string_equal(rn_signal_name(32), "SIGRTMIN");
	assert_string_equal(rn_signal_name(64), "SIGRT_32");
	assert_string_equal(rn_signal_name(65), "65");
	assert_string_equal(rn_sicode_name(SIGBUS, BUS_ADRERR), "BUS_ADRERR");
}

static void test_sockets(void **state)
{
	struct sockaddr_in sin = { .sin_family = AF_INET, .sin_port = htons(42773) };
	struct sockaddr_in6 s6 = { .sin6_family = AF_INET6, .sin6_port = htons(53),
				   .sin6_addr = IN6ADDR_LOOPBACK_INIT };
	struct sockaddr_un sun = { .sun_family = AF_UNIX, .sun_path = "/nonexistent/sock" };
	int len_in = 16, len_out = 16, one = 1, four = 4;

	(void)state;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	ev_syscall(__NR_socket, 13, AF_INET, SOCK_STREAM | SOCK_CLOEXEC, IPPROTO_TCP, 0, 0, 0);
	assert_string_equal(decode(),
			    "socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_TCP) = 13");
	ev_syscall(__NR_socket, 3, AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, 0, 0, 0);
	assert_string_equal(decode(),
			    "socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC|SOCK_NONBLOCK, 0) = 3");
	ev_syscall(__NR_connect, 0, 14, P1, 16, 0, 0, 0);
	ev_region(P1, &sin, sizeof(sin), 0);
	assert_string_equal(decode(), "connect(14, {sa_family=AF_INET, sin_port=htons(42773), "
			    "sin_addr=inet_addr(\"127.0.0.1\")}, 16) = 0");
	ev_syscall(__NR_connect, 0, 16, P1, 28, 0, 0, 0);
	ev_region(P1, &s6, sizeof(s6), 0);
	assert_string_equal(decode(), "connect(16, {sa_family=AF_INET6, sin6_port=htons(53), "
			    "sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"::1\", &sin6_addr), "
			    "sin6_scope_id=0}, 28) = 0");
	ev_syscall(__NR_connect, -ENOENT, 17, P1, 110, 0, 0, 0);
	ev_region(P1, &sun, sizeof(sun), 0);
	assert_string_equal(decode(),
			    "connect(17, {sa_family=AF_UNIX, sun_path=\"/nonexistent/sock\"}"
			    ", 110) = -1 ENOENT (No such file or directory)");
	ev_syscall(__NR_accept4, 15, 13, P1, P2, SOCK_CLOEXEC, 0, 0);
	ev_region(P1, &sin, sizeof(sin), RN_REG_EXIT);
	ev_region(P2, &len_in, 4, 0);
	ev_region(P2, &len_out, 4, RN_REG_EXIT);
	assert_string_equal(decode(), "accept4(13, {sa_family=AF_INET, sin_port=htons(42773), "
			    "sin_addr=inet_addr(\"127.0.0.1\")}, [16], SOCK_CLOEXEC) = 15");
	ev_syscall(__NR_setsockopt, 0, 13, SOL_SOCKET, SO_REUSEADDR, P1, 4, 0);
	ev_region(P1, &one, 4, 0);
	assert_string_equal(decode(), "setsockopt(13, SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0");
	ev_syscall(__NR_getsockopt, 0, 13, SOL_SOCKET, SO_TYPE, P1, P2, 0);
	ev_region(P1, &one, 4, RN_REG_EXIT);
	ev_region(P2, &len_in, 4, 0);
	ev_region(P2, &four, 4, RN_REG_EXIT);
	assert_string_equal(decode(), "getsockopt(13, SOL_SOCKET, SO_TYPE, [1], [16 => 4]) = 0");
	ev_syscall(__NR_sendto, 4, 14, P1, 4, MSG_NOSIGNAL, 0, 0);
	ev_region(P1, "ping", 4, 0);
	assert_string_equal(decode(), "sendto(14, \"ping\", 4, MSG_NOSIGNAL, NULL, 0) = 4");
	ev_syscall(__NR_recvfrom, 4, 15, P1, 64, 0, 0, 0);
	ev_region(P1, "ping", 4, RN_REG_EXIT);
	assert_string_equal(decode(), "recvfrom(15, \"ping\", 64, 0, NULL, NULL) = 4");
	ev_syscall(__NR_shutdown, 0, 14, SHUT_WR, 0, 0, 0, 0);
	assert_string_equal(decode(), "shutdown(14, SHUT_WR) = 0");
}

/* setsockopt/getsockopt from captured regions only, as the eBPF backend
 * delivers them: structures, short lengths, failures, names */
static void test_sockopts(void **state)
{
	int linger[2] = { 1, 5 }, in = 16, out = 4, flt = 1 << 8, cred[3] = { 42, 0, -1 };
	int six = 6;

	(void)state;
	ev_syscall(__NR_setsockopt, 0, 13, SOL_SOCKET, SO_LINGER, P1, 8, 0);
	ev_region(P1, linger, sizeof(linger), 0);
	assert_string_equal(decode(),
			    "setsockopt(13, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=5}, 8) = 0");
	ev_syscall(__NR_setsockopt, -EINVAL, 13, SOL_SOCKET, SO_LINGER, P1, 7, 0);
	ev_region(P1, linger, 7, 0);
	assert_string_equal(decode(), "setsockopt(13, SOL_SOCKET, SO_LINGER, 0x7ffd0000, 7) = "
			    "-1 EINVAL (Invalid argument)");
	ev_syscall(__NR_setsockopt, -EBADF, -1, 999, 2, P1, 2, 0);
	ev_region(P1, linger, 2, 0);
	assert_string_equal(decode(), "setsockopt(-1, 0x3e7 /* SOL_?? */, 2, \"\\1\\0\", 2) = "
			    "-1 EBADF (Bad file descriptor)");
	ev_syscall(__NR_setsockopt, 0, 13, SOL_RAW, 1, P1, 4, 0);
	ev_region(P1, &flt, 4, 0);
	assert_string_equal(decode(), "setsockopt(13, SOL_RAW, ICMP_FILTER, [ICMP_ECHO], 4) = 0");
	ev_syscall(__NR_getsockopt, 0, 13, SOL_SOCKET, SO_PEERCRED, P1, P2, 0);
	ev_region(P1, cred, 10, RN_REG_EXIT);
	ev_region(P2, &in, 4, 0);
	out = 10;
	ev_region(P2, &out, 4, RN_REG_EXIT);
	assert_string_equal(decode(), "getsockopt(13, SOL_SOCKET, SO_PEERCRED, {pid=42, uid=0, "
			    "gid=\"\\xff\\xff\"}, [16 => 10]) = 0");
	ev_syscall(__NR_getsockopt, 0, 13, SOL_SOCKET, SO_REUSEADDR, P1, P2, 0);
	ev_region(P1, &flt, 4, RN_REG_EXIT);
	ev_region(P2, &six, 4, 0);
	out = 4;
	ev_region(P2, &out, 4, RN_REG_EXIT);
	assert_string_equal(decode(),
			    "getsockopt(13, SOL_SOCKET, SO_REUSEADDR, [256], [6 => 4]) = 0");
	ev_syscall(__NR_getsockopt, -ENOPROTOOPT, 13, SOL_IP, 9999, P1, P2, 0);
	ev_region(P2, &in, 4, 0);
	assert_string_equal(decode(), "getsockopt(13, SOL_IP, 0x270f /* IP_??? */, 0x7ffd0000, "
			    "[16]) = -1 ENOPROTOOPT (Protocol not available)");
}

static void test_poll_epoll_futex(void **state)
{
	__s32 pfd_in[2] = { 6, 1 };	/* fd 6, events POLLIN, revents 0 */
	__s32 pfd_out[2] = { 6, 1 | (1 << 16) };
	__u8 epev[12] = { 1, 0, 0, 0, 7 };
	__s64 ts[2] = { 0, 1000 };

	(void)state;
	ev_syscall(__NR_poll, 0, P1, 1, 0, 0, 0, 0);
	ev_region(P1, pfd_in, sizeof(pfd_in), 0);
	assert_string_equal(decode(), "poll([{fd=6, events=POLLIN}], 1, 0) = 0 (Timeout)");
	ev_syscall(__NR_poll, 1, P1, 1, -1, 0, 0, 0);
	ev_region(P1, pfd_out, sizeof(pfd_out), RN_REG_EXIT);
	assert_string_equal(decode(), "poll([{fd=6, events=POLLIN}], 1, -1) = 1 "
			    "([{fd=6, revents=POLLIN}])");
	/* -y: the descriptors going in carry their paths, those coming back not */
	pfd_out[0] = 3;
	ev_syscall(__NR_poll, 1, P1, 1, -1, 0, 0, 0);
	ev_region(P1, pfd_out, sizeof(pfd_out), RN_REG_EXIT);
	opts.show_paths = true;
	assert_string_equal(decode(), "poll([{fd=3</etc/hostname>, events=POLLIN}], 1, -1) = 1 "
			    "([{fd=3, revents=POLLIN}])");
	opts.show_paths = false;
	ev_syscall(__NR_epoll_ctl, 0, 18, 1, 6, P1, 0, 0);
	ev_region(P1, epev, sizeof(epev), 0);
	assert_string_equal(decode(), "epoll_ctl(18, EPOLL_CTL_ADD, 6, {events=EPOLLIN, "
			    "data={u32=7, u64=7}}) = 0");
	ev_syscall(__NR_epoll_wait, 0, 18, P1, 4, 0, 0, 0);
	assert_string_equal(decode(), "epoll_wait(18, [], 4, 0) = 0");
	ev_syscall(__NR_epoll_create1, 18, 02000000, 0, 0, 0, 0, 0);
	assert_string_equal(decode(), "epoll_create1(EPOLL_CLOEXEC) = 18");
	ev_syscall(__NR_futex, 0, 0x7ffda245386c, 129, 1, 0, 0, 0);
	assert_string_equal(decode(), "futex(0x7ffda245386c, FUTEX_WAKE_PRIVATE, 1) = 0");
	ev_syscall(__NR_futex, 0, 0x7f6dbd40a990, 9 | 256, 9747, 0, 0, 0xffffffff);
	assert_string_equal(decode(), "futex(0x7f6dbd40a990, FUTEX_WAIT_BITSET|"
			    "FUTEX_CLOCK_REALTIME, 9747, NULL, FUTEX_BITSET_MATCH_ANY) = 0");
	ev_syscall(__NR_futex, -EAGAIN, 0x7ffda245386c, 0, 1, P1, 0, 0);
	ev_region(P1, ts, sizeof(ts), 0);
	assert_string_equal(decode(), "futex(0x7ffda245386c, FUTEX_WAIT, 1, {tv_sec=0, "
			    "tv_nsec=1000}) = -1 EAGAIN (Resource temporarily unavailable)");
	ev_syscall(__NR_clock_nanosleep, 0, 1, 0, P1, 0, 0, 0);
	ev_region(P1, ts, sizeof(ts), 0);
	assert_string_equal(decode(), "clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=0, "
			    "tv_nsec=1000}, NULL) = 0");
	ev_syscall(__NR_clock_gettime, 0, 7, P1, 0, 0, 0, 0);
	ts[0] = 5383;
	ev_region(P1, ts, sizeof(ts), RN_REG_EXIT);
	assert_string_equal(decode(), "clock_gettime(CLOCK_BOOTTIME, {tv_sec=5383, "
			    "tv_nsec=1000}) = 0");
}

static void test_misc_process(void **state)
{
	__u64 rl[2] = { 8192 * 1024, ~0ULL };
	char uts[6][65] = { "Linux", "vm", "6.18", "#1", "x86_64", "(none)" };
	__u64 fs = 0x7f6dbd40b740;

	(void)state;
	ev_syscall(__NR_prlimit64, 0, 0, RLIMIT_STACK, 0, P1, 0, 0);
	ev_region(P1, rl, sizeof(rl), RN_REG_EXIT);
	assert_string_equal(decode(), "prlimit64(0, RLIMIT_STACK, NULL, {rlim_cur=8192*1024, "
			    "rlim_max=RLIM64_INFINITY}) = 0");
	ev_syscall(__NR_uname, 0, P1, 0, 0, 0, 0, 0);
	ev_region(P1, uts, sizeof(uts), RN_REG_EXIT);
	assert_string_equal(decode(), "uname({sysname=\"Linux\", nodename=\"vm\", ...}) = 0");
	ev_syscall(__NR_getrandom, 4, P1, 4, 1, 0, 0, 0);
	ev_region(P1, "\xff\xd4\x26\xd0", 4, RN_REG_EXIT);
	assert_string_equal(decode(), "getrandom(\"\\xff\\xd4\\x26\\xd0\", 4, GRND_NONBLOCK) = 4");
	ev_syscall(__NR_arch_prctl, 0, 0x1003, P1, 0, 0, 0, 0);
	ev_region(P1, &fs, 8, RN_REG_EXIT);
	assert_string_equal(decode(), "arch_prctl(ARCH_GET_FS, [0x7f6dbd40b740]) = 0");
	ev_syscall(__NR_arch_prctl, -EINVAL, 0x3001, 0, 0, 0, 0, 0);
	assert_string_equal(decode(), "arch_prctl(0x3001 /* ARCH_??? */, 0) = "
			    "-1 EINVAL (Invalid argument)");
	ev_syscall(__NR_prctl, 0, 15, P1, 0, 0, 0, 0);
	ev_str(P1, "refprog");
	assert_string_equal(decode(), "prctl(PR_SET_NAME, \"refprog\") = 0");
	/* PR_GET_NAME: the name the call wrote, not the entry copy */
	ev_syscall(__NR_prctl, 0, 16, P1, 0, 0, 0, 0);
	ev_region(P1, "\x7f\x7f", 2, RN_REG_STR);
	live_add(P1, "worker\0", 7);
	assert_string_equal(decode(), "prctl(PR_GET_NAME, \"worker\") = 0");
	ev_syscall(__NR_prctl, 1, 3, 0, 0, 0, 0, 0);
	assert_string_equal(decode(), "prctl(PR_GET_DUMPABLE) = 1 (SUID_DUMP_USER)");
	ev_syscall(__NR_set_robust_list, 0, 0x7f5a278cfa20, 24, 0, 0, 0, 0);
	assert_string_equal(decode(), "set_robust_list(0x7f5a278cfa20, 24) = 0");
	ev_syscall(__NR_rseq, 0, 0x7f5a278d0060, 0x20, 0, 0x53053053, 0, 0);
	assert_string_equal(decode(), "rseq(0x7f5a278d0060, 0x20, 0, 0x53053053) = 0");
	ev_syscall(__NR_rseq, -EINVAL, 0, 0x20, 1, 0, 0, 0);	/* strace 6.1: all in hex */
	assert_string_equal(decode(), "rseq(0, 0x20, 0x1, 0) = -1 EINVAL (Invalid argument)");
	ev_syscall(__NR_getcwd, 10, P1, 64, 0, 0, 0, 0);
	ev_region(P1, "/tmp/dref", 10, RN_REG_EXIT);
	assert_string_equal(decode(), "getcwd(\"/tmp/dref\", 64) = 10");
	ev_syscall(__NR_readlink, 13, P1, P2, 64, 0, 0, 0);
	ev_str(P1, "/tmp/ln");
	ev_region(P2, "/etc/hostname", 13, RN_REG_EXIT);
	assert_string_equal(decode(), "readlink(\"/tmp/ln\", \"/etc/hostname\", 64) = 13");
	ev_syscall(__NR_renameat2, 0, AT_CWD, P1, AT_CWD, P2, 1, 0);
	ev_str(P1, "a");
	ev_str(P2, "b");
	assert_string_equal(decode(), "renameat2(AT_FDCWD, \"a\", AT_FDCWD, \"b\", "
			    "RENAME_NOREPLACE) = 0");
	ev_syscall(__NR_unlinkat, 0, AT_CWD, P1, 0x200, 0, 0, 0);
	ev_str(P1, "a");
	assert_string_equal(decode(), "unlinkat(AT_FDCWD, \"a\", AT_REMOVEDIR) = 0");
	ev_syscall(__NR_mkdir, 0, P1, 0755, 0, 0, 0, 0);
	ev_str(P1, "a");
	assert_string_equal(decode(), "mkdir(\"a\", 0755) = 0");
	ev_syscall(__NR_faccessat2, 0, AT_CWD, P1, 1, 0x200, 0, 0);
	ev_str(P1, "a");
	assert_string_equal(decode(), "faccessat2(AT_FDCWD, \"a\", X_OK, AT_EACCESS) = 0");
	ev_syscall(__NR_getgroups, 3, 3, P1, 0, 0, 0, 0);
	ev_region(P1, (__u32[]){ 0, 4, 27 }, 12, RN_REG_EXIT);
	assert_string_equal(decode(), "getgroups(3, [0, 4, 27]) = 3");
	ev_syscall(__NR_prctl, 1, 23, 32, 0, 0, 0, 0);
	assert_string_equal(decode(), "prctl(PR_CAPBSET_READ, CAP_MAC_OVERRIDE) = 1");
	ev_syscall(__NR_prctl, -EINVAL, 23, 48, 0, 0, 0, 0);
	assert_string_equal(decode(), "prctl(PR_CAPBSET_READ, 0x30 /* CAP_??? */) = "
			    "-1 EINVAL (Invalid argument)");
	ev_syscall(__NR_access, -ENOENT, P1, 0, 0, 0, 0, 0);
	ev_str(P1, "a");
	assert_string_equal(decode(),
			    "access(\"a\", F_OK) = -1 ENOENT (No such file or directory)");
}

/* linux_dirent64 records: ino, off, reclen, type, name */
static size_t put_dirent(__u8 *p, __u64 ino, const char *name, __u8 type)
{
	__u16 reclen = (19 + strlen(name) + 1 + 7) & ~7;

	memset(p, 0, reclen);
	memcpy(p, &ino, 8);
	memcpy(p + 16, &reclen, 2);
	p[18] = type;
	memcpy(p + 19, name, strlen(name));
	return reclen;
}

static void test_getdents(void **state)
{
	__u8 buf[256];
	size_t n = put_dirent(buf, 2, ".", 4);

	(void)state;
	n += put_dirent(buf + n, 7, "file\n", 8);
	ev_syscall(__NR_getdents64, n, 3, P1, 512, 0, 0, 0);
	ev_region(P1, buf, n, RN_REG_EXIT);
	assert_string_equal(decode(), "getdents64(3, 0x7ffd0000 /* 2 entries */, 512) = 56");
	opts.verbose = true;
	assert_string_equal(decode(), "getdents64(3, [{d_ino=2, d_off=0, d_reclen=24, "
			    "d_type=DT_DIR, d_name=\".\"}, {d_ino=7, d_off=0, d_reclen=32, "
			    "d_type=DT_REG, d_name=\"file\\n\"}], 512) = 56");
	/* only part of the buffer captured (eBPF at -s): no made-up count */
	opts.verbose = false;
	ev_syscall(__NR_getdents64, n, 3, P1, 512, 0, 0, 0);
	ev_region(P1, buf, 32, RN_REG_EXIT | RN_REG_TRUNC);
	assert_string_equal(decode_with(NULL), "getdents64(3, 0x7ffd0000, 512) = 56");
}

static void test_ioctl_tty(void **state)
{
	/* the kernel's struct termios: 4 flag words, c_line, c_cc[19] */
	__u8 t[36] = { 0 };
	__u32 fl[4] = { 0 /* ICRNL|IXON */, 05 /* OPOST|ONLCR */, 0277 /* B38400|CS8|CREAD */,
			0105073 };
	__u16 ws[4] = { 24, 80, 0, 0 };

	(void)state;
	fl[0] = 0400 | 02000;
	memcpy(t, fl, sizeof(fl));
	t[17] = 3;	/* c_cc[VINTR] */
	t[23] = 1;	/* c_cc[VMIN] */
	ev_syscall(__NR_ioctl, 0, 0, 0x5401, P1, 0, 0, 0);
	ev_region(P1, t, sizeof(t), RN_REG_EXIT);
	assert_string_equal(decode(), "ioctl(0, TCGETS, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|"
			    "TAB0|BS0|VT0|FF0|OPOST|ONLCR, c_cflag=B38400|CS8|CREAD, "
			    "c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE, "
			    "...}) = 0");
	opts.verbose = true;
	memset(fl, 0, sizeof(fl));
	fl[2] = 0277;
	memcpy(t, fl, sizeof(fl));
	ev_syscall(__NR_ioctl, 0, 0, 0x5401, P1, 0, 0, 0);
	ev_region(P1, t, sizeof(t), RN_REG_EXIT);
	assert_string_equal(decode(), "ioctl(0, TCGETS, {c_iflag=, "
			    "c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|, "
			    "c_cflag=B38400|CS8|CREAD, c_lflag=, c_line=N_TTY, c_cc=[[VINTR]=0x3, "
			    "[VQUIT]=0, [VERASE]=0, [VKILL]=0, [VEOF]=0, [VTIME]=0, [VMIN]=0x1, "
			    "[VSWTC]=0, [VSTART]=0, [VSTOP]=0, [VSUSP]=0, [VEOL]=0, [VREPRINT]=0, "
			    "[VDISCARD]=0, [VWERASE]=0, [VLNEXT]=0, [VEOL2]=0, [17]=0, "
			    "[18]=0]}) = 0");
	ev_syscall(__NR_ioctl, 0, 1, 0x5413, P1, 0, 0, 0);
	ev_region(P1, ws, sizeof(ws), RN_REG_EXIT);
	assert_string_equal(decode(), "ioctl(1, TIOCGWINSZ, {ws_row=24, ws_col=80, ws_xpixel=0, "
			    "ws_ypixel=0}) = 0");
}

/* The request groups past the terminal ones, as strace 6.1 prints them. */
static void test_ioctl_groups(void **state)
{
	/* struct ifreq: "lo", then the index the call returned */
	__u8 ifr[40] = { 'l', 'o' };
	__u8 ifc[16] = { 0 };
	__s32 one = 1, len;
	__u64 buf = P2;

	(void)state;
	/* no argument: no trailing ", " */
	ev_syscall(__NR_ioctl, 0, 3, 0x5451 /* FIOCLEX */, 0, 0, 0, 0);
	assert_string_equal(decode(), "ioctl(3, FIOCLEX) = 0");
	ev_syscall(__NR_ioctl, 0, 3, 0x540b /* TCFLSH */, 0, 0, 0, 0);
	assert_string_equal(decode(), "ioctl(3, TCFLSH, TCIFLUSH) = 0");
	ev_syscall(__NR_ioctl, -EINVAL, 3, 0x540a /* TCXONC */, 99, 0, 0, 0);
	assert_string_equal(decode(), "ioctl(3, TCXONC, 0x63 /* TC??? */) = "
			    "-1 EINVAL (Invalid argument)");
	ev_syscall(__NR_ioctl, 0, 3, 0x80086601 /* FS_IOC_GETFLAGS */, P1, 0, 0, 0);
	ev_region(P1, "\0\0\x08\0", 4, RN_REG_EXIT);
	assert_string_equal(decode(), "ioctl(3, FS_IOC_GETFLAGS, [FS_EXTENT_FL]) = 0");
	memcpy(ifr + 16, &one, sizeof(one));
	ev_syscall(__NR_ioctl, 0, 7, 0x8933 /* SIOCGIFINDEX */, P1, 0, 0, 0);
	ev_region(P1, ifr, sizeof(ifr), RN_REG_EXIT);
	assert_string_equal(decode(),
			    "ioctl(7, SIOCGIFINDEX, {ifr_name=\"lo\", ifr_ifindex=1}) = 0");
	/* failed: the name passed, nothing returned */
	ev_syscall(__NR_ioctl, -ENODEV, 7, 0x8921 /* SIOCGIFMTU */, P1, 0, 0, 0);
	ev_region(P1, ifr, sizeof(ifr), RN_REG_EXIT);
	assert_string_equal(decode(), "ioctl(7, SIOCGIFMTU, {ifr_name=\"lo\"}) = "
			    "-1 ENODEV (No such device)");
	/* the length passed (an entry copy) and the length used (live) */
	len = 640;
	memcpy(ifc, &len, sizeof(len));
	memcpy(ifc + 8, &buf, sizeof(buf));
	ev_syscall(__NR_ioctl, 0, 7, 0x8912 /* SIOCGIFCONF */, P1, 0, 0, 0);
	ev_region(P1, ifc, sizeof(ifc), 0);
	len = 40;
	memcpy(ifc, &len, sizeof(len));
	ifr[16] = 2;	/* AF_INET */
	live_add(P1, ifc, sizeof(ifc));
	live_add(P2, ifr, sizeof(ifr));
	assert_string_equal(decode(), "ioctl(7, SIOCGIFCONF, {ifc_len=640 /* 16 * sizeof(struct "
			    "ifreq) */ => 40 /* 1 * sizeof(struct ifreq) */, ifc_buf=[{ifr_name="
			    "\"lo\", ifr_addr={sa_family=AF_INET, sin_port=htons(0), sin_addr="
			    "inet_addr(\"0.0.0.0\")}}]}) = 0");
	/* an unknown request: _IOC(...) and the raw argument */
	ev_syscall(__NR_ioctl, -EBADF, -1, 0xc0401200 | (0xfe << 8), 0, 0, 0, 0);
	assert_string_equal(decode(), "ioctl(-1, _IOC(_IOC_READ|_IOC_WRITE, 0xfe, 0, 0x40), 0) = "
			    "-1 EBADF (Bad file descriptor)");
	/* still running: an output stops the line, an input is shown */
	ev_syscall(__NR_ioctl, 0, 3, 0x5401 /* TCGETS */, P1, 0, 0, 0);
	ev.flags = RN_F_UNFINISHED;
	decode();
	assert_int_equal(dec.nargs, 2);
	assert_true(dec.partial);
	ev_syscall(__NR_ioctl, 0, 3, 0x5409 /* TCSBRK */, 1, 0, 0, 0);
	ev.flags = RN_F_UNFINISHED;
	decode();
	assert_int_equal(dec.nargs, 3);
	assert_string_equal(dec.arg[2].buf, "1");
}

/* Calls that only had a capture rule, now table rows (as strace 6.1 prints them). */
static void test_kind_rows(void **state)
{
	(void)state;
	ev_syscall(__NR_mknodat, -ENOENT, AT_CWD, P1, S_IFCHR | 0600, makedev(1, 3), 0, 0);
	ev_str(P1, "/nonexistent/x");
	assert_string_equal(decode(), "mknodat(AT_FDCWD, \"/nonexistent/x\", S_IFCHR|0600, "
			    "makedev(0x1, 0x3)) = -1 ENOENT (No such file or directory)");
	ev_syscall(__NR_mknodat, 0, 5, P1, S_IFIFO | 0644, 0, 0, 0);
	ev_str(P1, "fifo");
	assert_string_equal(decode(), "mknodat(5, \"fifo\", S_IFIFO|0644) = 0");
	ev_syscall(__NR_open_tree, 7, AT_CWD, P1, 1 | O_CLOEXEC | 0x8000, 0, 0, 0);
	ev_str(P1, "/mnt");
	assert_string_equal(decode(), "open_tree(AT_FDCWD, \"/mnt\", "
			    "OPEN_TREE_CLONE|OPEN_TREE_CLOEXEC|AT_RECURSIVE) = 7");
	ev_syscall(__NR_move_mount, 0, 7, P1, AT_CWD, P2, 4 | 0x40, 0);
	ev_str(P1, "");
	ev_str(P2, "/mnt2");
	assert_string_equal(decode(), "move_mount(7, \"\", AT_FDCWD, \"/mnt2\", "
			    "MOVE_MOUNT_F_EMPTY_PATH|MOVE_MOUNT_T_EMPTY_PATH) = 0");
	ev_syscall(__NR_fsopen, -ENODEV, P1, 1, 0, 0, 0, 0);
	ev_str(P1, "no_such_fs");
	assert_string_equal(decode(), "fsopen(\"no_such_fs\", FSOPEN_CLOEXEC) = -1 ENODEV "
			    "(No such device)");
	ev_syscall(__NR_fspick, 3, AT_CWD, P1, 1 | 8, 0, 0, 0);
	ev_str(P1, "/");
	assert_string_equal(decode(), "fspick(AT_FDCWD, \"/\", FSPICK_CLOEXEC|FSPICK_EMPTY_PATH) = 3");
	ev_syscall(__NR_finit_module, -EBADF, (__u64)-1, P1, 3, 0, 0, 0);
	ev_str(P1, "");
	assert_string_equal(decode(), "finit_module(-1, \"\", MODULE_INIT_IGNORE_MODVERSIONS|"
			    "MODULE_INIT_IGNORE_VERMAGIC) = -1 EBADF (Bad file descriptor)");
	ev_syscall(__NR_init_module, -ENOSYS, 0, 0, P1, 0, 0, 0);
	ev_str(P1, "opt=1");
	assert_string_equal(decode(), "init_module(NULL, 0, \"opt=1\") = -1 ENOSYS "
			    "(Function not implemented)");
	ev_syscall(__NR_delete_module, -ENOENT, P1, O_NONBLOCK | O_TRUNC, 0, 0, 0, 0);
	ev_str(P1, "no_such_mod");
	assert_string_equal(decode(), "delete_module(\"no_such_mod\", O_NONBLOCK|O_TRUNC) = "
			    "-1 ENOENT (No such file or directory)");
	ev_syscall(__NR_mq_unlink, 0, P1, 0, 0, 0, 0, 0);
	ev_str(P1, "/q");
	assert_string_equal(decode(), "mq_unlink(\"/q\") = 0");
	ev_syscall(__NR_uselib, -ENOSYS, P1, 0, 0, 0, 0, 0);
	ev_str(P1, "/lib/x.so");
	assert_string_equal(decode(), "uselib(\"/lib/x.so\") = -1 ENOSYS (Function not implemented)");
}

/* The generic decoder stops before an output argument of an unfinished call. */
static void test_kind_rows_unfinished(void **state)
{
	(void)state;
	ev_syscall(__NR_readlinkat, 0, AT_CWD, P1, P2, 64, 0, 0);
	ev.flags |= RN_F_UNFINISHED;
	ev_str(P1, "/proc/self/exe");
	assert_string_equal(decode(), "readlinkat(AT_FDCWD, \"/proc/self/exe\") = ?");
	ev_syscall(__NR_readlinkat, 4, AT_CWD, P1, P2, 64, 0, 0);
	ev_str(P1, "/proc/self/exe");
	live_add(P2, "/bin", 4);
	assert_string_equal(decode(), "readlinkat(AT_FDCWD, \"/proc/self/exe\", \"/bin\", 64) = 4");
}

static void test_more_decoders(void **state)
{
	__s64 ts[4] = { 1, 2, 0, (1L << 30) - 2 };	/* UTIME_OMIT */
	__u64 ss[3] = { 0x55d79d2fb000, 0, 65536 };
	__s64 ru[18] = { 0, 1234, 0, 0 };

	(void)state;
	ev_syscall(__NR_utimensat, 0, AT_CWD, P1, P2, 0, 0, 0);
	ev_str(P1, "/tmp/f");
	ev_region(P2, ts, sizeof(ts), 0);
	assert_string_equal(decode(), "utimensat(AT_FDCWD, \"/tmp/f\", [{tv_sec=1, tv_nsec=2} "
			    "/* 1970-01-01T00:00:01.000000002+0000 */, UTIME_OMIT], 0) = 0");
	ev_syscall(__NR_inotify_add_watch, 1, 3, P1, 0x300, 0, 0, 0);
	ev_str(P1, "/tmp");
	assert_string_equal(decode(), "inotify_add_watch(3, \"/tmp\", IN_CREATE|IN_DELETE) = 1");
	ev_syscall(__NR_sigaltstack, 0, P1, 0, 0, 0, 0, 0);
	ev_region(P1, ss, sizeof(ss), 0);
	assert_string_equal(decode(), "sigaltstack({ss_sp=0x55d79d2fb000, ss_flags=0, "
			    "ss_size=65536}, NULL) = 0");
	ev_syscall(__NR_getrusage, 0, (__u64)-1, P1, 0, 0, 0, 0);
	ev_region(P1, ru, sizeof(ru), RN_REG_EXIT);
	assert_string_equal(decode(), "getrusage(RUSAGE_CHILDREN, {ru_utime={tv_sec=0, "
			    "tv_usec=1234}, ru_stime={tv_sec=0, tv_usec=0}, ...}) = 0");
	ev_syscall(__NR_timerfd_create, 4, 1, 02004000, 0, 0, 0, 0);
	assert_string_equal(decode(),
			    "timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC|TFD_NONBLOCK) = 4");
	ev_syscall(__NR_alarm, 0, 5, 0, 0, 0, 0, 0);
	assert_string_equal(decode(), "alarm(5) = 0");
}

/* ---- robustness: every syscall number, hostile memory ---- */

static __u64 rng_state = 0x9e3779b97f4a7c15ULL;

static __u64 rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

/* A task whose memory is random bytes (half of them NUL, so that strings
 * and pointer arrays end) everywhere above 64 KiB. */
static long random_read(void *ctx, __u32 tid, __u64 addr, void *buf, size_t len)
{
	size_t i;

	(void)ctx;
	(void)tid;
	if (addr < 0x10000)
		return -EFAULT;
	for (i = 0; i < len; i++)
		((__u8 *)buf)[i] = (rng() & 1) ? (__u8)rng() : 0;
	return len;
}

static long random_fdpath(void *ctx, __u32 tgid, int fd, char *buf, size_t len)
{
	(void)ctx;
	(void)tgid;
	(void)fd;
	snprintf(buf, len, "/tmp/\033[31mred\n");
	return strlen(buf);
}

static void assert_printable(const char *s)
{
	for (; *s; s++)
		if (*s < ' ' || *s > '~')
			fail_msg("raw byte %#x in decoded text", (unsigned char)*s);
}

static __u64 random_arg(void)
{
	switch (rng() % 4) {
	case 0: return 0;
	case 1: return rng() % 64;
	case 2: return P1 + rng() % 4096;
	}
	return rng();
}

static void test_every_syscall_hostile(void **state)
{
	const struct rn_memsrc hostile = { .read = random_read, .fdpath = random_fdpath };
	__u8 junk[512];
	int nr, round, i;

	(void)state;
	opts.show_paths = true;
	for (round = 0; round < 64; round++) {
		opts.verbose = round & 1;
		opts.strsize = round & 2 ? 4 : 64;
		for (nr = -1; nr < RN_NR_MAX + 2; nr++) {
			ev_syscall(nr, rng() % 3 ? (__s64)(rng() % 100) : -(__s64)(rng() % 600),
				   random_arg(), random_arg(), random_arg(), random_arg(),
				   random_arg(), random_arg());
			for (i = 0; i < (int)sizeof(junk); i++)
				junk[i] = (__u8)rng();
			ev_region(P1, junk, sizeof(junk), rng() % 2 ? RN_REG_EXIT : 0);
			ev.flags = rng() % 8 ? 0 : RN_F_UNFINISHED;
			decode_with(round & 4 ? NULL : &hostile);
			assert_true(dec.nargs >= 0 && dec.nargs <= RN_MAX_ARGS);
			assert_non_null(dec.name);
			assert_printable(line.buf);
		}
	}
}

/*
 * fcntl and prctl from captured regions alone, as the eBPF backend hands
 * them over (fcntl's cap=2:in(32), prctl's cap=1:in(16): copied at exit),
 * with the lines strace 6.1 prints (t_decode_fcntl_prctl.sh compares the
 * rest live).
 */
static void test_fcntl_prctl(void **state)
{
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_END, .l_start = -5, .l_len = 5,
			    .l_pid = 77 };
	int owner[2] = { 0, 1234 }, sig = SIGTERM;
	__u64 tidp = 0x7f0011223344ULL;

	(void)state;
	ev_syscall(__NR_fcntl, 0, 3, F_GETLK, P1, 0, 0, 0);
	ev_region(P1, &fl, sizeof(fl), RN_REG_EXIT);
	assert_string_equal(decode(), "fcntl(3, F_GETLK, {l_type=F_WRLCK, l_whence=SEEK_END, "
			    "l_start=-5, l_len=5, l_pid=77}) = 0");
	ev.flags = RN_F_UNFINISHED;
	assert_string_equal(decode(), "fcntl(3, F_GETLK) = ?");
	ev_syscall(__NR_fcntl, -EAGAIN, 3, F_SETLK, P1, 0, 0, 0);
	ev_region(P1, &fl, sizeof(fl), RN_REG_EXIT);
	assert_string_equal(decode(), "fcntl(3, F_SETLK, {l_type=F_WRLCK, l_whence=SEEK_END, "
			    "l_start=-5, l_len=5}) = -1 EAGAIN (Resource temporarily unavailable)");
	ev_syscall(__NR_fcntl, 0, 3, F_GETOWN_EX, P1, 0, 0, 0);
	ev_region(P1, owner, sizeof(owner), RN_REG_EXIT);
	assert_string_equal(decode(), "fcntl(3, F_GETOWN_EX, {type=F_OWNER_TID, pid=1234}) = 0");
	ev_syscall(__NR_fcntl, 29, 3, F_GETSIG, 0, 0, 0, 0);
	assert_string_equal(decode(), "fcntl(3, F_GETSIG) = 29 (SIGIO)");
	ev_syscall(__NR_fcntl, 0, 3, F_GETLEASE, 0, 0, 0, 0);
	assert_string_equal(decode(), "fcntl(3, F_GETLEASE) = 0 (F_RDLCK)");
	ev_syscall(__NR_fcntl, 6, 4, F_GET_SEALS, 0, 0, 0, 0);
	assert_string_equal(decode(), "fcntl(4, F_GET_SEALS) = 0x6 "
			    "(seals F_SEAL_SHRINK|F_SEAL_GROW)");
	ev_syscall(__NR_fcntl, 0, 4, F_ADD_SEALS, 0x106, 0, 0, 0);
	assert_string_equal(decode(), "fcntl(4, F_ADD_SEALS, F_SEAL_SHRINK|F_SEAL_GROW|0x100) = 0");
	ev_syscall(__NR_fcntl, 0, 3, 0x40c, P1, 0, 0, 0);
	assert_string_equal(decode(), "fcntl(3, 0x40c /* F_??? */, 0x7ffd0000) = 0");
	ev_syscall(__NR_fcntl, 0, 3, F_SETFL, O_ASYNC | O_APPEND, 0, 0, 0);
	assert_string_equal(decode(), "fcntl(3, F_SETFL, O_RDONLY|O_APPEND|FASYNC) = 0");

	/* a name longer than 15 bytes: 16 captured bytes say so */
	ev_syscall(__NR_prctl, 0, PR_SET_NAME, P1, 0, 0, 0, 0);
	ev_region(P1, "a-much-longer-na", 16, RN_REG_EXIT);
	assert_string_equal(decode(), "prctl(PR_SET_NAME, \"a-much-longer-n\"...) = 0");
	ev_syscall(__NR_prctl, 0, PR_GET_PDEATHSIG, P1, 0, 0, 0, 0);
	ev_region(P1, &sig, sizeof(sig), RN_REG_EXIT);
	assert_string_equal(decode(), "prctl(PR_GET_PDEATHSIG, [SIGTERM]) = 0");
	ev_syscall(__NR_prctl, -EFAULT, PR_GET_PDEATHSIG, 0, 0, 0, 0, 0);
	assert_string_equal(decode(), "prctl(PR_GET_PDEATHSIG, NULL) = -1 EFAULT (Bad address)");
	ev_syscall(__NR_prctl, 0, PR_GET_TID_ADDRESS, P1, 0, 0, 0, 0);
	ev_region(P1, &tidp, sizeof(tidp), RN_REG_EXIT);
	assert_string_equal(decode(), "prctl(PR_GET_TID_ADDRESS, [0x7f0011223344]) = 0");
	ev_syscall(__NR_prctl, 0, PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0, 0);
	assert_string_equal(decode(), "prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) = 0");
	ev_syscall(__NR_prctl, 0, PR_CAP_AMBIENT, 1, 13, 0, 0, 0);
	assert_string_equal(decode(), "prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_NET_RAW, "
			    "0, 0) = 0");
	ev_syscall(__NR_prctl, 2, 52, 0, 0, 0, 0, 0);
	assert_string_equal(decode(), "prctl(PR_GET_SPECULATION_CTRL, PR_SPEC_STORE_BYPASS) = "
			    "0x2 (PR_SPEC_ENABLE)");
	ev_syscall(__NR_prctl, -EINVAL, 0x53564d41, 0, 0, 0, P1, 0);
	ev_str(P1, "x");
	assert_string_equal(decode(), "prctl(PR_SET_VMA, PR_SET_VMA_ANON_NAME, NULL, 0, \"x\") = "
			    "-1 EINVAL (Invalid argument)");
	ev_syscall(__NR_prctl, 0x60010, 51, 0, 0, 0, 0, 0);
	assert_string_equal(decode(), "prctl(PR_SVE_GET_VL) = 0x60010 "
			    "(PR_SVE_SET_VL_ONEXEC|PR_SVE_VL_INHERIT|0x10)");
	ev_syscall(__NR_prctl, 0, 55, 0x100000000ULL | (5 << 3) | 1, 0, 0, 0, 0);
	assert_string_equal(decode(), "prctl(PR_SET_TAGGED_ADDR_CTRL, PR_TAGGED_ADDR_ENABLE|"
			    "PR_MTE_TCF_NONE|0x5<<PR_MTE_TAG_SHIFT|0x100000000, 0, 0, 0) = 0");
	ev_syscall(__NR_prctl, 0, 65, 0, 0, 0, 0, 0);
	assert_string_equal(decode(), "prctl(0x41 /* PR_??? */, 0, 0, 0, 0) = 0");
}

/* Every fcntl command and prctl option (and their neighbours) on hostile
 * memory: printable text, in bounds, whatever the registers hold. */
static void test_fcntl_prctl_hostile(void **state)
{
	static const __u64 odd[] = { 0x53564d41, 0x59616d61, 0x100000001ULL, ~0ULL };
	const struct rn_memsrc hostile = { .read = random_read, .fdpath = random_fdpath };
	__u8 junk[64];
	int round, op, i, call;

	(void)state;
	for (round = 0; round < 32; round++) {
		opts.verbose = round & 1;
		opts.strsize = round & 2 ? 4 : 64;
		for (op = 0; op < 88; op++) {
			for (call = 0; call < 2; call++) {
				/* fcntl: 0..47 and 1024..1063; prctl: 0..83, then odd */
				__u64 cmd = call ? (__u64)(op < 48 ? op : op + 1024 - 48) :
						   (op < 84 ? (__u64)op : odd[op - 84]);

				for (i = 0; i < (int)sizeof(junk); i++)
					junk[i] = (__u8)rng();
				ev_syscall(call ? __NR_fcntl : __NR_prctl,
					   rng() % 3 ? (__s64)(rng() % 100) : -(__s64)(rng() % 600),
					   call ? random_arg() : cmd, call ? cmd : random_arg(),
					   random_arg(), random_arg(), random_arg(), random_arg());
				ev_region(P1, junk, sizeof(junk), rng() % 2 ? RN_REG_EXIT : 0);
				ev.flags = rng() % 8 ? 0 : RN_F_UNFINISHED;
				decode_with(round & 4 ? NULL : &hostile);
				assert_true(dec.nargs >= 0 && dec.nargs <= RN_MAX_ARGS);
				assert_printable(line.buf);
			}
		}
	}
}

/* struct msghdr as the kernel lays it out on x86_64 */
struct t_msghdr {
	__u64 name;
	__u32 namelen, pad;
	__u64 iov, iovlen, control, controllen;
	__s32 flags, pad2;
};

/* a cmsg header then its data, at off in buf */
static size_t t_cmsg(__u8 *buf, size_t off, __u64 len, __s32 level, __s32 type, const void *d,
		     size_t n)
{
	__s32 lt[2] = { level, type };

	memcpy(buf + off, &len, 8);
	memcpy(buf + off + 8, lt, 8);
	memcpy(buf + off + 16, d, n);
	return off + ((16 + n + 7) & ~(size_t)7);
}

/* sendmsg/recvmsg's control messages and sendmmsg/recvmmsg's vectors from
 * captured regions, each line as strace 6.1 prints the same call (see
 * t_decode_cmsg.sh) */
static void test_cmsg(void **state)
{
	struct t_msghdr m = { .iov = P1 + 0x100, .iovlen = 1, .control = P2, .controllen = 48 };
	__u64 iov[2] = { P1 + 0x200, 2 }, ts[2] = { 1, 0 }, left[2] = { 0, 5 };
	__u8 ctl[64] = { 0 }, mm[64] = { 0 };
	int one = 1, ttl = 64;
	__u32 len = 3, namelen = 16;

	(void)state;
	t_cmsg(ctl, t_cmsg(ctl, 0, 20, SOL_SOCKET, SCM_RIGHTS, &one, 4), 20, SOL_IP, IP_TTL, &ttl, 4);
	ev_syscall(__NR_sendmsg, 2, 3, P1, 0, 0, 0, 0);
	ev_region(P1, &m, sizeof(m), 0);
	ev_region(P1 + 0x100, iov, sizeof(iov), RN_REG_EXIT);
	ev_region(P1 + 0x200, "hi", 2, RN_REG_EXIT);
	ev_region(P2, ctl, 48, RN_REG_EXIT);
	assert_string_equal(decode(), "sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="
			    "\"hi\", iov_len=2}], msg_iovlen=1, msg_control=[{cmsg_len=20, "
			    "cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[1]}, "
			    "{cmsg_len=20, cmsg_level=SOL_IP, cmsg_type=IP_TTL, cmsg_data=[64]}], "
			    "msg_controllen=48, msg_flags=0}, 0) = 2");
	/* a control buffer captured short (an eBPF bound): its address */
	ev_syscall(__NR_sendmsg, 2, 3, P1, 0, 0, 0, 0);
	ev_region(P1, &m, sizeof(m), 0);
	ev_region(P2, ctl, 24, RN_REG_EXIT);
	assert_true(strstr(decode(), "msg_control=0x7ffd1000, msg_controllen=48,") != NULL);
	/* a header shorter than itself ends the walk: where the rest is */
	memset(ctl, 0, sizeof(ctl));
	t_cmsg(ctl, 0, 0, 999, 7, "", 0);
	ev_syscall(__NR_sendmsg, -EBADF, 3, P1, 0, 0, 0, 0);
	ev_region(P1, &m, sizeof(m), 0);
	ev_region(P2, ctl, 48, 0);
	assert_true(strstr(decode(), "msg_control=[{cmsg_len=0, cmsg_level=0x3e7 /* SOL_??? */, "
				     "cmsg_type=0x7}, ... /* 0x7ffd1010 */], msg_controllen=48") != NULL);
	/* a failed recvmsg: the name length it was given */
	ev_syscall(__NR_recvmsg, -EAGAIN, 3, P1, MSG_DONTWAIT, 0, 0, 0);
	ev_region(P1 + 8, &namelen, 4, 0);
	assert_string_equal(decode(), "recvmsg(3, {msg_namelen=16}, MSG_DONTWAIT) = -1 EAGAIN "
			    "(Resource temporarily unavailable)");
	/* recvmmsg: the message received, the timeout in and left */
	memcpy(mm, &m, sizeof(m));
	memset(mm + 32, 0, 16);		/* no control */
	memcpy(mm + 56, &len, 4);
	iov[1] = 32;
	ev_syscall(__NR_recvmmsg, 1, 3, P1, 2, MSG_DONTWAIT, P2 + 0x100, 0);
	ev_region(P1, mm, sizeof(mm), RN_REG_EXIT);
	ev_region(P1 + 0x100, iov, sizeof(iov), RN_REG_EXIT);
	ev_region(P1 + 0x200, "abcdef", 6, RN_REG_EXIT);
	ev_region(P2 + 0x100, ts, sizeof(ts), 0);
	ev_region(P2 + 0x100, left, sizeof(left), RN_REG_EXIT);
	assert_string_equal(decode(), "recvmmsg(3, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov="
			    "[{iov_base=\"abc\", iov_len=32}], msg_iovlen=1, msg_controllen=0, "
			    "msg_flags=0}, msg_len=3}], 2, MSG_DONTWAIT, {tv_sec=1, tv_nsec=0}) = 1 "
			    "(left {tv_sec=0, tv_nsec=5})");
	ev.flags = RN_F_UNFINISHED;
	assert_string_equal(decode(), "recvmmsg(3) = ?");
	/* at entry (a blocked call's first part): the descriptor alone */
	ev.flags = 0;
	ev.type = RN_EV_ENTRY;
	assert_string_equal(decode(), "recvmmsg(3) = ?");
	assert_int_equal(dec.nargs, 1);
	ev.type = RN_EV_SYSCALL;
	/* sendmmsg: every message, msg_len for those sent; the rest unreadable */
	iov[1] = 6;
	ev_syscall(__NR_sendmmsg, 1, 3, P1, 2, 0, 0, 0);
	ev_region(P1, mm, sizeof(mm), 0);
	ev_region(P1 + 0x100, iov, sizeof(iov), 0);
	ev_region(P1 + 0x200, "abcdef", 6, 0);
	assert_string_equal(decode(), "sendmmsg(3, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov="
			    "[{iov_base=\"abcdef\", iov_len=6}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=3}, "
			    "... /* 0x7ffd0040 */], 2, 0) = 1");
}

/* Hostile control buffers and message vectors: whatever the bytes, lengths
 * and counts, the decoders stay inside what was captured and print text */
static void test_cmsg_hostile(void **state)
{
	static const long nrs[] = { __NR_sendmsg, __NR_recvmsg, __NR_sendmmsg, __NR_recvmmsg };
	const struct rn_memsrc hostile = { .read = random_read, .fdpath = random_fdpath };
	struct t_msghdr m;
	__u8 junk[256];
	int round, k, i;

	(void)state;
	for (round = 0; round < 600; round++) {
		opts.verbose = round & 1;
		opts.strsize = round & 2 ? 4 : 64;
		for (i = 0; i < (int)sizeof(junk); i++)
			junk[i] = (__u8)rng();
		/* mostly well-formed headers of random lengths, levels and types */
		for (k = 0; k + 16 <= (int)sizeof(junk) && rng() % 4; k += 16 + (int)(rng() % 24)) {
			__u64 l = rng() % 5 ? rng() % 64 : rng();
			__s32 lt[2] = { (__s32)(rng() % 3), (__s32)(rng() % 70) };

			memcpy(junk + k, &l, 8);
			memcpy(junk + k + 8, lt, 8);
		}
		memset(&m, 0, sizeof(m));
		m.control = rng() % 8 ? P2 : random_arg();
		/* a huge one is read up to optmem_max: now and then */
		m.controllen = rng() % 32 ? rng() % (sizeof(junk) + 32) : rng();
		m.iov = rng() % 2 ? P1 + 0x100 : random_arg();
		m.iovlen = rng() % 6;
		m.name = rng() % 4 ? 0 : P2 + rng() % 64;
		m.namelen = (__u32)(rng() % 140);
		ev_syscall(nrs[round % 4], rng() % 3 ? (__s64)(rng() % 10) : -(__s64)(rng() % 200),
			   rng() % 8, rng() % 8 ? P1 : random_arg(), rng() % 12, random_arg(),
			   rng() % 2 ? P2 + 0x100 : random_arg(), 0);
		ev_region(P1, &m, sizeof(m), rng() % 2 ? RN_REG_EXIT : 0);
		ev_region(P1 + 0x100, junk, 64, rng() % 2 ? RN_REG_EXIT : 0);
		ev_region(P2, junk, (__u32)(rng() % sizeof(junk)), rng() % 2 ? RN_REG_EXIT : 0);
		ev.flags = rng() % 8 ? 0 : RN_F_UNFINISHED;
		decode_with(round & 4 ? NULL : &hostile);
		assert_true(dec.nargs >= 0 && dec.nargs <= RN_MAX_ARGS);
		assert_printable(line.buf);
	}
}

/* keyctl, ptrace and io_uring_register sub-commands, each line as strace 6.1
 * prints the same call (see t_decode_tail3.sh, t_decode_tail4.sh) */
static void test_subcmds_keyctl(void **state)
{
	__u32 pkey[10] = { 1234, 4, 16 }, dh[3] = { (__u32)-3, 5, 6 };
	__u64 kdf[7] = { 0, P3, 3 };
	__u8 query[56] = { 0 };

	(void)state;
	ev_syscall(__NR_keyctl, 16, 25, P1, P2, P2 + 64, P3, 0);	/* PKEY_ENCRYPT */
	ev_region(P1, pkey, sizeof(pkey), 0);
	ev_str(P2, "enc=pkcs1");
	ev_region(P2 + 64, "data", 4, 0);
	ev_region(P3, "0123456789abcdef", 16, RN_REG_EXIT);
	assert_string_equal(decode(), "keyctl(KEYCTL_PKEY_ENCRYPT, {key_id=1234, in_len=4, "
			    "out_len=16}, \"enc=pkcs1\", \"data\", \"0123456789abcdef\") = 16");
	pkey[5] = 7;	/* __spare, and VERIFY's in2 */
	ev_syscall(__NR_keyctl, -ENOKEY, 28, P1, 0, P2 + 64, P3, 0);
	ev_region(P1, pkey, sizeof(pkey), 0);
	ev_region(P2 + 64, "data", 4, 0);
	ev_region(P3, "sig\0abcdefghijkl", 16, 0);
	assert_string_equal(decode(), "keyctl(KEYCTL_PKEY_VERIFY, {key_id=1234, in_len=4, "
			    "in2_len=16, __spare=[0, 0, 0x7, 0, 0, 0, 0]}, NULL, \"data\", "
			    "\"sig\\0abcdefghijkl\") = -1 ENOKEY (Required key not available)");
	ev_syscall(__NR_keyctl, -EOPNOTSUPP, 23, P1, P2, 256, P2 + 64, 0);	/* DH_COMPUTE */
	ev_region(P1, dh, sizeof(dh), 0);
	ev_region(P2 + 64, kdf, 52, 0);
	ev_region(P3, "abc", 3, 0);
	assert_string_equal(decode(), "keyctl(KEYCTL_DH_COMPUTE, "
			    "{private=KEY_SPEC_SESSION_KEYRING, prime=5, base=6}, 0x7ffd1000, 256, "
			    "{hashname=NULL, otherinfo=\"abc\", otherinfolen=3}) = "
			    "-1 EOPNOTSUPP (Operation not supported)");
	/* DESCRIBE: the bytes the call used, a last NUL left out */
	ev_syscall(__NR_keyctl, 20, 6, 99, P1, 4, 0, 0);
	ev_region(P1, "ab\0\0", 4, RN_REG_EXIT);
	assert_string_equal(decode(), "keyctl(KEYCTL_DESCRIBE, 99, \"ab\\0\", 4) = 20");
	ev_syscall(__NR_keyctl, 2, 31, P1, 0, 0, 0, 0);	/* CAPABILITIES, no room */
	assert_string_equal(decode(), "keyctl(KEYCTL_CAPABILITIES, [], 0) = 2");
	ev_syscall(__NR_keyctl, 0, 24, 99, 0, P1, P2, 0);	/* PKEY_QUERY */
	ev_str(P1, "");
	memcpy(query, "\x09\0\0\0\0\x04\0\0\x80\0\x80\0\x80\0\x80\0", 16);
	ev_region(P2, query, sizeof(query), RN_REG_EXIT);
	assert_string_equal(decode(), "keyctl(KEYCTL_PKEY_QUERY, 99, 0, \"\", {supported_ops="
			    "KEYCTL_SUPPORTS_ENCRYPT|KEYCTL_SUPPORTS_VERIFY, key_size=1024, "
			    "max_data_size=128, max_sig_size=128, max_enc_size=128, "
			    "max_dec_size=128}) = 0");
}

static void test_subcmds_ptrace(void **state)
{
	__u8 sci[88] = { 2, 0, 0, 0, 0x3e, 0, 0, 0xc0 }, si[128] = { 0 };
	__u64 peek[2] = { 0, 1ull << 32 | 1 }, iov[2] = { P2, 16 }, md[2] = { 0, 2 };
	__u16 fp[8] = { 0x37f };
	__s64 rval = -ENOENT;

	(void)state;
	sci[8] = 0x10;
	sci[17] = 0x20;
	memcpy(sci + 24, &rval, sizeof(rval));
	sci[32] = 1;
	ev_syscall(__NR_ptrace, 33, 0x420e, 7, 40, P1, 0, 0);	/* GET_SYSCALL_INFO */
	ev_region(P1, sci, sizeof(sci), RN_REG_EXIT);
	assert_string_equal(decode(), "ptrace(PTRACE_GET_SYSCALL_INFO, 7, 40, {op=PTRACE_SYSCALL_"
			    "INFO_EXIT, arch=AUDIT_ARCH_X86_64, instruction_pointer=0x10, "
			    "stack_pointer=0x2000, exit={rval=-ENOENT, is_error=1}}) = 33");
	ev_syscall(__NR_ptrace, 33, 0x420e, 7, 32, P1, 0, 0);	/* is_error cut off */
	ev_region(P1, sci, sizeof(sci), RN_REG_EXIT);
	assert_string_equal(decode(), "ptrace(PTRACE_GET_SYSCALL_INFO, 7, 32, {op=PTRACE_SYSCALL_"
			    "INFO_EXIT, arch=AUDIT_ARCH_X86_64, instruction_pointer=0x10, "
			    "stack_pointer=0x2000, exit={rval=-2}}) = 33");
	si[0] = SIGUSR1;
	ev_syscall(__NR_ptrace, 1, 0x4209, 7, P1, P2, 0, 0);	/* PEEKSIGINFO */
	ev_region(P1, peek, sizeof(peek), 0);
	ev_region(P2, si, sizeof(si), RN_REG_EXIT);
	assert_string_equal(decode(), "ptrace(PTRACE_PEEKSIGINFO, 7, {off=0, flags=PTRACE_"
			    "PEEKSIGINFO_SHARED, nr=1}, [{si_signo=SIGUSR1, si_code=SI_USER, "
			    "si_pid=0, si_uid=0}]) = 1");
	ev_syscall(__NR_ptrace, 12, 0x420d, 7, 12, P1, 0, 0);	/* SECCOMP_GET_METADATA */
	ev_region(P1, md, sizeof(md), 0);
	assert_string_equal(decode(), "ptrace(PTRACE_SECCOMP_GET_METADATA, 7, 12, "
			    "{filter_off=0, ???}) = 12");
	ev_syscall(__NR_ptrace, 16, 0x420d, 7, 16, P1, 0, 0);
	ev_region(P1, md, sizeof(md), 0);
	assert_string_equal(decode(), "ptrace(PTRACE_SECCOMP_GET_METADATA, 7, 16, "
			    "{filter_off=0, flags=SECCOMP_FILTER_FLAG_LOG}) = 16");
	ev_syscall(__NR_ptrace, 0, 0x4204, 7, 2, P1, 0, 0);	/* GETREGSET, 16 bytes */
	ev_region(P1, iov, sizeof(iov), 0);
	ev_region(P2, fp, sizeof(fp), RN_REG_EXIT);
	assert_string_equal(decode(), "ptrace(PTRACE_GETREGSET, 7, NT_FPREGSET, "
			    "{iov_base={cwd=0x37f, swd=0, ftw=0, fop=0, rip=0}, iov_len=16}) = 0");
	iov[1] = 12;	/* not a multiple of 8: the address */
	ev_syscall(__NR_ptrace, -EINVAL, 0x4205, 7, 1, P1, 0, 0);
	ev_region(P1, iov, sizeof(iov), 0);
	assert_string_equal(decode(), "ptrace(PTRACE_SETREGSET, 7, NT_PRSTATUS, "
			    "{iov_base=0x7ffd1000, iov_len=12}) = -1 EINVAL (Invalid argument)");
	ev_syscall(__NR_ptrace, -ESRCH, 33, -1, 0, SIGTRAP, 0, 0);
	assert_string_equal(decode(), "ptrace(PTRACE_SINGLEBLOCK, -1, NULL, SIGTRAP) = "
			    "-1 ESRCH (No such process)");
}

static void test_subcmds_uring(void **state)
{
	__u8 res[32] = { 99, 0, 0, 5, 0, 0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0xc8 };
	__u32 upd[10] = { 1, 0, (__u32)P2, (__u32)(P2 >> 32), 0, 0, 2, 0, 3 };
	__s32 fds[2] = { 4, -1 };
	__u32 w[2] = { 1, 2 };
	__u8 mask[8] = { 3 };

	(void)state;
	ev_syscall(__NR_io_uring_register, -EINVAL, 3, 11, P1, 2, 0, 0);	/* RESTRICTIONS */
	ev_region(P1, res, sizeof(res), 0);
	assert_string_equal(decode(), "io_uring_register(3, IORING_REGISTER_RESTRICTIONS, "
			    "[{opcode=0x63 /* IORING_RESTRICTION_??? */ /* op: 0 */, resv=0x5, "
			    "resv2=[0, 0x7, 0]}, {opcode=IORING_RESTRICTION_SQE_OP, sqe_op=0xc8 "
			    "/* IORING_OP_??? */}], 2) = -1 EINVAL (Invalid argument)");
	ev_syscall(__NR_io_uring_register, -EINVAL, 3, 14, P1, 40, 0, 0);	/* FILES_UPDATE2 */
	ev_region(P1, upd, sizeof(upd), 0);
	ev_region(P2, fds, sizeof(fds), 0);
	assert_string_equal(decode(), "io_uring_register(3, IORING_REGISTER_FILES_UPDATE2, "
			    "{offset=1, data=[4, -1], tags=NULL, nr=2, /* bytes 32..39 */ "
			    "\"\\x03\\x00\\x00\\x00\\x00\\x00\\x00\\x00\"}, 40) = "
			    "-1 EINVAL (Invalid argument)");
	ev_syscall(__NR_io_uring_register, -EINVAL, 3, 19, P1, 2, 0, 0);	/* MAX_WORKERS */
	ev_region(P1, w, sizeof(w), 0);
	assert_string_equal(decode(), "io_uring_register(3, IORING_REGISTER_IOWQ_MAX_WORKERS, "
			    "[[IO_WQ_BOUND]=1, [IO_WQ_UNBOUND]=2] => 0x7ffd0000, 2) = "
			    "-1 EINVAL (Invalid argument)");
	ev_syscall(__NR_io_uring_register, 0, 3, 17, P1, 3, 0, 0);	/* IOWQ_AFF */
	ev_region(P1, mask, sizeof(mask), 0);
	assert_string_equal(decode(),
			    "io_uring_register(3, IORING_REGISTER_IOWQ_AFF, [0 1], 3) = 0");
	ev_syscall(__NR_io_uring_register, 1, 3, 20, P1, 1, 0, 0);	/* RING_FDS */
	ev_region(P1, "\xff\xff\xff\xff\0\0\0\0\3\0\0\0\0\0\0\0", 16, 0);
	assert_string_equal(decode(), "io_uring_register(3, IORING_REGISTER_RING_FDS, "
			    "[{offset=-1, data=3}], 1) = 1");
	ev_syscall(__NR_io_uring_register, -EINVAL, 3, 21, P1, 1, 0, 0);
	ev_region(P1, "\xff\xff\xff\xff\0\0\0\0\0\0\0\0\0\0\0\0", 16, 0);
	assert_string_equal(decode(), "io_uring_register(3, IORING_UNREGISTER_RING_FDS, "
			    "[{offset=4294967295}], 1) = -1 EINVAL (Invalid argument)");
}

/* The same sub-commands, every one of them, over hostile memory: whatever
 * the structures hold, the text stays printable and bounded. */
static void test_subcmds_hostile(void **state)
{
	static const struct { int nr; unsigned lo, hi; } calls[] = {
		{ __NR_keyctl, 0, 40 }, { __NR_ptrace, 0, 40 }, { __NR_ptrace, 0x4200, 0x4212 },
		{ __NR_io_uring_register, 0, 32 },
	};
	const struct rn_memsrc hostile = { .read = random_read, .fdpath = random_fdpath };
	__u8 junk[512];

	(void)state;
	opts.show_paths = true;
	for (int round = 0; round < 48; round++) {
		opts.verbose = round & 1;
		opts.strsize = round & 2 ? 4 : (round & 8 ? 0 : 64);
		for (size_t k = 0; k < sizeof(calls) / sizeof(calls[0]); k++) {
			for (unsigned cmd = calls[k].lo; cmd <= calls[k].hi; cmd++) {
				__s64 ret = rng() % 3 ? (__s64)(rng() % 100) :
					    rng() % 2 ? -(__s64)(rng() % 600) : (__s64)rng();
				__u64 a1 = random_arg(), a2 = random_arg();

				if (calls[k].nr == __NR_io_uring_register)
					ev_syscall(calls[k].nr, ret, random_arg(), cmd, a1, a2,
						   random_arg(), random_arg());
				else
					ev_syscall(calls[k].nr, ret, cmd, a1, a2, random_arg(),
						   random_arg(), random_arg());
				for (size_t i = 0; i < sizeof(junk); i++)
					junk[i] = (__u8)rng();
				ev_region(P1, junk, sizeof(junk), rng() % 2 ? RN_REG_EXIT : 0);
				ev.flags = rng() % 8 ? 0 : RN_F_UNFINISHED;
				if (rng() % 8 == 0)
					ev.type = RN_EV_ENTRY;
				decode_with(round & 4 ? NULL : &hostile);
				assert_true(dec.nargs >= 0 && dec.nargs <= RN_MAX_ARGS);
				assert_printable(line.buf);
				if (line.len >= 1u << 20)
					fail_msg("%zu bytes: %.200s", line.len, line.buf);
			}
		}
	}
}

/* Every named ioctl request, with random arguments and random memory:
 * whatever the group decoders read, the line stays printable. */
static void test_ioctl_hostile(void **state)
{
	const struct rn_memsrc hostile = { .read = random_read, .fdpath = random_fdpath };
	const struct rn_xlat *x;
	__u8 junk[512];
	int round, i;

	(void)state;
	opts.show_paths = true;
	for (round = 0; round < 48; round++) {
		opts.verbose = round & 1;
		opts.strsize = round & 2 ? 4 : 64;
		opts.terse = (round & 24) == 24;
		for (x = rn_xl_ioctls; x->str; x++) {
			__s64 ret = rng() % 3 ? (__s64)(rng() % 100) : -(__s64)(rng() % 600);

			ev_syscall(__NR_ioctl, ret, random_arg(), x->val,
				   round & 8 ? P1 + rng() % 64 : random_arg(), 0, 0, 0);
			for (i = 0; i < (int)sizeof(junk); i++)
				junk[i] = (__u8)rng();
			ev_region(P1, junk, sizeof(junk), rng() % 2 ? RN_REG_EXIT : 0);
			ev.flags = rng() % 6 ? 0 : RN_F_UNFINISHED;
			ev.type = rng() % 7 ? RN_EV_SYSCALL : RN_EV_ENTRY;
			decode_with(round & 4 ? NULL : &hostile);
			assert_true(dec.nargs >= 2 && dec.nargs <= 3);
			assert_string_equal(dec.name, "ioctl");
			assert_printable(line.buf);
		}
	}
	opts.terse = false;
}

/* bpf(2) on junk: every command, sizes around and past union bpf_attr,
 * the attr as found and as left, descriptors that are programs and maps
 * (so the infos decode) in a task of random memory */
static long random_bpf_fdpath(void *ctx, __u32 tgid, int fd, char *buf, size_t len)
{
	static const char *const paths[] = { "anon_inode:bpf-prog", "anon_inode:bpf-map",
					     "anon_inode:bpf_link" };

	(void)ctx;
	(void)tgid;
	(void)fd;
	snprintf(buf, len, "%s", paths[rng() % 3]);
	return strlen(buf);
}

static void test_bpf_hostile(void **state)
{
	const struct rn_memsrc hostile = { .read = random_read, .fdpath = random_bpf_fdpath };
	static const __u64 sizes[] = { 0, 1, 4, 8, 12, 16, 20, 48, 72, 120, 128, 144, 200, 5000 };
	__u8 junk[2][144];
	int cmd, round, i, k;

	(void)state;
	for (round = 0; round < 48; round++) {
		opts.verbose = round & 1;
		opts.show_paths = round & 2;
		opts.strsize = round & 4 ? 4 : 64;
		for (cmd = 0; cmd < 40; cmd++) {
			ev_syscall(__NR_bpf, rng() % 3 ? (__s64)(rng() % 100) : -(__s64)(rng() % 600),
				   cmd, P1, sizes[rng() % 14], 0, 0, 0);
			for (k = 0; k < 2; k++)
				for (i = 0; i < 144; i++)
					junk[k][i] = rng() % 3 ? (__u8)rng() : 0;
			/* pointers into the random task, small counts, half the time */
			for (k = 0; k < 2 && rng() % 2; k++)
				for (i = 0; i + 8 <= 144; i += 8) {
					__u64 v = rng() % 2 ? P2 + rng() % 4096 : rng() % 8;

					memcpy(&junk[k][i], &v, sizeof(v));
				}
			if (rng() % 4)
				ev_region(P1, junk[0], rng() % 145, 0);
			if (rng() % 4)
				ev_region(P1, junk[1], rng() % 145, RN_REG_EXIT);
			ev.flags = rng() % 8 ? 0 : RN_F_UNFINISHED;
			decode_with(round & 8 ? NULL : &hostile);
			assert_non_null(dec.name);
			assert_printable(line.buf);
		}
	}
}

/* rn_mem_read* themselves: region lookup, fallbacks, truncation. */
static void test_mem(void **state)
{
	struct rn_mem m = { .ev = &ev, .live = &live };
	char buf[64];
	bool cut;

	(void)state;
	ev_syscall(__NR_openat, 0, 0, 0, 0, 0, 0, 0);
	ev_region(P1, "abcdef", 6, 0);
	assert_int_equal(rn_mem_read(&m, P1 + 2, buf, 3), 0);
	assert_memory_equal(buf, "cde", 3);
	assert_int_equal(rn_mem_read(&m, P1 + 4, buf, 3), -EFAULT);	/* past the region */
	assert_int_equal(rn_mem_read(&m, 0, buf, 1), -EFAULT);
	assert_int_equal(live_reads, 1);	/* NULL is not even asked for */
	/* a string whose capture was cut continues from the live task */
	ev_syscall(__NR_openat, 0, 0, 0, 0, 0, 0, 0);
	ev_region(P1, "/very/lo", 8, RN_REG_STR | RN_REG_TRUNC);
	live_add(P1, "/very/long/path", 16);
	assert_int_equal(rn_mem_read_str(&m, P1, buf, 60, &cut), 15);
	assert_string_equal(buf, "/very/long/path");
	assert_false(cut);
	/* without a live task: what was captured, marked as cut */
	m.live = NULL;
	assert_int_equal(rn_mem_read_str(&m, P1, buf, 60, &cut), 8);
	assert_string_equal(buf, "/very/lo");
	assert_true(cut);
	/* max smaller than the string */
	m.live = &live;
	assert_int_equal(rn_mem_read_str(&m, P1, buf, 4, &cut), 4);
	assert_string_equal(buf, "/ver");
	assert_true(cut);
	/* outputs: an exit copy, else the live task, else any captured copy */
	ev_syscall(__NR_read, 0, 0, 0, 0, 0, 0, 0);
	ev_region(P3, "old", 3, 0);
	live_add(P3, "new", 3);
	assert_int_equal(rn_mem_read_out(&m, P3, buf, 3), 0);
	assert_memory_equal(buf, "new", 3);
	assert_int_equal(rn_mem_read(&m, P3, buf, 3), 0);
	assert_memory_equal(buf, "old", 3);
	ev_region(P3, "out", 3, RN_REG_EXIT);
	assert_int_equal(rn_mem_read_out(&m, P3, buf, 3), 0);
	assert_memory_equal(buf, "out", 3);
	m.live = NULL;
	ev_syscall(__NR_read, 0, 0, 0, 0, 0, 0, 0);
	ev_region(P3, "old", 3, 0);
	assert_int_equal(rn_mem_read_out(&m, P3, buf, 3), 0);
	assert_memory_equal(buf, "old", 3);
	m.live = &live;
	/* a corrupt region length never reads past the payload */
	ev_syscall(__NR_openat, 0, 0, 0, 0, 0, 0, 0);
	ev_region(P2, "xy", 2, 0);
	((struct rn_region *)ev.payload)->len = 60000;
	assert_int_equal(rn_mem_read(&m, P2, buf, 2), -EFAULT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_openat, setup, teardown),
		cmocka_unit_test_setup_teardown(test_paths_unreadable_null_escaped, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_read_write, setup, teardown),
		cmocka_unit_test_setup_teardown(test_readv_writev, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unfinished, setup, teardown),
		cmocka_unit_test_setup_teardown(test_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_generic, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tail4, setup, teardown),
		cmocka_unit_test_setup_teardown(test_argwidth, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bpf, setup, teardown),
		cmocka_unit_test_setup_teardown(test_terse, setup, teardown),
		cmocka_unit_test_setup_teardown(test_show_paths, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stat, setup, teardown),
		cmocka_unit_test_setup_teardown(test_statx, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fds_fcntl_pipe, setup, teardown),
		cmocka_unit_test_setup_teardown(test_memory, setup, teardown),
		cmocka_unit_test_setup_teardown(test_exec_clone_wait, setup, teardown),
		cmocka_unit_test_setup_teardown(test_signals, setup, teardown),
		cmocka_unit_test_setup_teardown(test_siginfo, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sockets, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sockopts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_poll_epoll_futex, setup, teardown),
		cmocka_unit_test_setup_teardown(test_misc_process, setup, teardown),
		cmocka_unit_test_setup_teardown(test_getdents, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ioctl_tty, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ioctl_groups, setup, teardown),
		cmocka_unit_test_setup_teardown(test_more_decoders, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kind_rows, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kind_rows_unfinished, setup, teardown),
		cmocka_unit_test_setup_teardown(test_every_syscall_hostile, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fcntl_prctl, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fcntl_prctl_hostile, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cmsg, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cmsg_hostile, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ioctl_hostile, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bpf_hostile, setup, teardown),
		cmocka_unit_test_setup_teardown(test_subcmds_keyctl, setup, teardown),
		cmocka_unit_test_setup_teardown(test_subcmds_ptrace, setup, teardown),
		cmocka_unit_test_setup_teardown(test_subcmds_uring, setup, teardown),
		cmocka_unit_test_setup_teardown(test_subcmds_hostile, setup, teardown),
		cmocka_unit_test_setup_teardown(test_mem, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dump, setup, teardown),
	};

	/* stat times print in local time: pin it */
	setenv("TZ", "UTC", 1);
	tzset();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
