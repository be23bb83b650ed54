// SPDX-License-Identifier: MIT
/*
 * Argument printers shared by every decoder: numbers, descriptors, paths,
 * strings and buffers, signals and sets, times. Memory is read only through
 * rn_mem_read()/rn_mem_read_str(); what cannot be read prints as its address.
 */
#include "decode_int.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

int dc_read(struct dctx *c, __u64 addr, void *buf, size_t len, bool out)
{
	if (c->o->terse)
		return -EPERM;	/* -e verbose= excludes the call: the address only */
	return dc_read_data(c, addr, buf, len, out);
}

int dc_read_data(struct dctx *c, __u64 addr, void *buf, size_t len, bool out)
{
	if (out)
		return rn_mem_read_out(&c->mem, addr, buf, len);
	return rn_mem_read(&c->mem, addr, buf, len);
}

void pr_ptr(struct rn_strbuf *sb, __u64 addr)
{
	if (addr)
		rn_sb_put_hex(sb, addr);
	else
		rn_sb_puts(sb, "NULL");
}

void dc_int(struct dctx *c, int i)
{
	rn_sb_put_dec(ARG(c, i), (int)RAW(c, i));
}

void dc_uint(struct dctx *c, int i)
{
	rn_sb_put_udec(ARG(c, i), (unsigned)RAW(c, i));
}

void dc_long(struct dctx *c, int i)
{
	rn_sb_put_dec(ARG(c, i), (long long)RAW(c, i));
}

void dc_ulong(struct dctx *c, int i)
{
	rn_sb_put_udec(ARG(c, i), (unsigned long long)RAW(c, i));
}

void dc_hex(struct dctx *c, int i)
{
	rn_sb_put_hex(ARG(c, i), (unsigned long long)RAW(c, i));
}

void dc_ptr(struct dctx *c, int i)
{
	pr_ptr(ARG(c, i), RAW(c, i));
}

void dc_outbuf(struct dctx *c, int i, bool null_ptr)
{
	if (c->ok && (RAW(c, i) || !null_ptr))
		pr_buf_at(c, ARG(c, i), RAW(c, i), c->sc->ret, true);
	else
		dc_ptr(c, i);
}

void pr_mode(struct rn_strbuf *sb, unsigned mode)
{
	rn_sb_printf(sb, "%#03o", mode);
}

/* A mode argument is a umode_t in the kernel: 16 bits (strace: 0177777 for -1). */
void dc_mode(struct dctx *c, int i)
{
	pr_mode(ARG(c, i), (__u16)RAW(c, i));
}

/* "S_IFREG|S_ISUID|0755" */
void pr_symbolic_mode(struct rn_strbuf *sb, unsigned mode)
{
	const char *type = rn_xlat_name(rn_xl_file_types, mode & S_IFMT);

	if ((mode & S_IFMT) && !type) {	/* no file type: strace's plain octal */
		pr_mode(sb, mode);
		return;
	}
	if (type) {
		rn_sb_puts(sb, type);
		rn_sb_putc(sb, '|');
		mode &= ~S_IFMT;
	}
	if (mode & S_ISUID)
		rn_sb_puts(sb, "S_ISUID|");
	if (mode & S_ISGID)
		rn_sb_puts(sb, "S_ISGID|");
	if (mode & S_ISVTX)
		rn_sb_puts(sb, "S_ISVTX|");
	pr_mode(sb, mode & ~(unsigned)(S_ISUID | S_ISGID | S_ISVTX));
}

/* Under -yy: "<UNIX-STREAM:[38199->38200]>", "</dev/null<char 1:3>>". */
static bool pr_fd_detail(struct dctx *c, struct rn_strbuf *sb, int fd, const char *path)
{
	const struct rn_memsrc *live = c->mem.live;
	char desc[PATH_MAX + 64];

	if (!c->o->sock_details || !live || !live->fddetail ||
	    live->fddetail(live->ctx, c->mem.ev->tgid, fd, path, desc, sizeof(desc)) <= 0)
		return false;
	rn_sb_putc(sb, '<');
	rn_sb_puts(sb, desc);	/* escaped by the memsrc */
	rn_sb_putc(sb, '>');
	return true;
}

/* "<path>"; a file unlinked while open, which the kernel names
 * "path (deleted)", as strace shows it: "<path>(deleted)". Traced live, a
 * file that exists under the whole name is one named so (not for AT_FDCWD:
 * strace shows the cwd as the kernel names it). */
static void pr_fd_name(struct dctx *c, struct rn_strbuf *sb, int fd, const char *path,
		       size_t len)
{
	static const char del[] = " (deleted)";
	size_t dl = sizeof(del) - 1;
	bool gone = fd >= 0 && len > dl && len < PATH_MAX && path[0] == '/' &&
		    !memcmp(path + len - dl, del, dl);
	char whole[PATH_MAX];
	struct stat st;

	if (gone && c->mem.live) {
		memcpy(whole, path, len);
		whole[len] = '\0';
		gone = stat(whole, &st) != 0;
	}

	rn_sb_putc(sb, '<');
	rn_escape_c(sb, path, gone ? len - dl : len);
	rn_sb_putc(sb, '>');
	if (gone)
		rn_sb_puts(sb, "(deleted)");
}

/* Under -y: "<path>" of fd; AT_FDCWD asks the memsrc for the cwd. */
static void pr_fd_path(struct dctx *c, struct rn_strbuf *sb, int fd)
{
	const struct rn_memsrc *live = c->mem.live;
	char path[PATH_MAX];
	const char *saved;
	size_t len;
	long n;

	if (!c->o->show_paths || (fd < 0 && fd != -100))
		return;
	saved = rn_mem_fdpath(c->mem.ev, fd, &len);
	/* a socket or device the call closes: its details while it is open */
	if (saved && len < PATH_MAX && (!strncmp(saved, "socket:[", 8) ||
					!strncmp(saved, "/dev/", 5))) {
		memcpy(path, saved, len);
		path[len] = '\0';
		if (pr_fd_detail(c, sb, fd, path))
			return;
	}
	if (saved) {
		pr_fd_name(c, sb, fd, saved, len);
		return;
	}
	if (!live || !live->fdpath)
		return;
	n = live->fdpath(live->ctx, c->mem.ev->tgid, fd, path, sizeof(path));
	if (n <= 0)
		return;
	if (pr_fd_detail(c, sb, fd, path))
		return;
	pr_fd_name(c, sb, fd, path, strnlen(path, sizeof(path)));
}

/* "3" or, under -y, "3</etc/passwd>" */
void pr_pid(struct dctx *c, struct rn_strbuf *sb, long long pid)
{
	const char *comm;

	rn_sb_put_dec(sb, pid);
	if (!c->o->pid_comm || pid <= 0 || pid > 0x7fffffff)
		return;
	comm = c->o->pid_comm(c->o->pid_comm_ctx, (int)pid);
	if (comm)
		rn_sb_printf(sb, "<%s>", comm);
}

void pr_fd(struct dctx *c, struct rn_strbuf *sb, int fd)
{
	rn_sb_put_dec(sb, fd);
	pr_fd_path(c, sb, fd);
}

void dc_fd(struct dctx *c, int i)
{
	pr_fd(c, ARG(c, i), (int)RAW(c, i));
}

void dc_dirfd(struct dctx *c, int i)
{
	if ((int)RAW(c, i) == -100) {
		rn_sb_puts(ARG(c, i), "AT_FDCWD");
		pr_fd_path(c, ARG(c, i), -100);
	} else
		dc_fd(c, i);
}

void pr_quoted(struct rn_strbuf *sb, const void *p, size_t n, bool cut)
{
	rn_sb_putc(sb, '"');
	rn_escape_c(sb, p, n);
	rn_sb_putc(sb, '"');
	if (cut)
		rn_sb_puts(sb, "...");
}

/* A NUL-terminated string of at most limit bytes; out: the call wrote it. */
static void str_at(struct dctx *c, struct rn_strbuf *sb, __u64 addr, unsigned limit, bool out)
{
	char *buf = dc_scratch((size_t)limit + 1);
	bool cut;
	long n;

	if (!addr) {
		rn_sb_puts(sb, "NULL");
		return;
	}
	if (out)
		n = rn_mem_read_str_out(&c->mem, addr, buf, limit, &cut);
	else
		n = rn_mem_read_str(&c->mem, addr, buf, limit, &cut);
	if (n < 0)
		pr_ptr(sb, addr);
	else
		pr_quoted(sb, buf, n, cut);
}

void pr_str_at(struct dctx *c, struct rn_strbuf *sb, __u64 addr, unsigned limit)
{
	str_at(c, sb, addr, limit, false);
}

void pr_str_out_at(struct dctx *c, struct rn_strbuf *sb, __u64 addr, unsigned limit)
{
	str_at(c, sb, addr, limit, true);
}

/* Paths are not cut at -s, only at PATH_MAX, as strace does. */
void pr_path_at(struct dctx *c, struct rn_strbuf *sb, __u64 addr)
{
	pr_str_at(c, sb, addr, PATH_MAX - 1);
}

void dc_path(struct dctx *c, int i)
{
	pr_path_at(c, ARG(c, i), RAW(c, i));
}

void dc_str(struct dctx *c, int i)
{
	pr_str_at(c, ARG(c, i), RAW(c, i), c->o->strsize);
}

static void buf_at(struct dctx *c, struct rn_strbuf *sb, __u64 addr, __u64 len, bool out,
		   bool hex)
{
	size_t n = len < c->o->strsize ? len : c->o->strsize;
	char *buf = dc_scratch(n + 1);

	if (!addr) {
		rn_sb_puts(sb, "NULL");
		return;
	}
	if (dc_read_data(c, addr, buf, n, out) < 0) {
		pr_ptr(sb, addr);
		return;
	}
	rn_sb_putc(sb, '"');
	if (hex)
		rn_escape_hex(sb, buf, n);
	else
		rn_escape_c(sb, buf, n);
	rn_sb_putc(sb, '"');
	if (len > n)
		rn_sb_puts(sb, "...");
}

void pr_buf_at(struct dctx *c, struct rn_strbuf *sb, __u64 addr, __u64 len, bool out)
{
	buf_at(c, sb, addr, len, out, false);
}

void pr_buf_hex_at(struct dctx *c, struct rn_strbuf *sb, __u64 addr, __u64 len, bool out)
{
	buf_at(c, sb, addr, len, out, true);
}

void dc_flags(struct dctx *c, int i, const struct rn_xlat *x)
{
	rn_xlat_flags(ARG(c, i), x, (__u32)RAW(c, i));
}

void dc_lflags(struct dctx *c, int i, const struct rn_xlat *x)
{
	rn_xlat_flags(ARG(c, i), x, RAW(c, i));
}

void dc_enum(struct dctx *c, int i, const struct rn_xlat *x, const char *fmt)
{
	rn_xlat_enum(ARG(c, i), x, (__u32)RAW(c, i), fmt);
}

void dc_lenum(struct dctx *c, int i, const struct rn_xlat *x, const char *fmt)
{
	rn_xlat_enum(ARG(c, i), x, RAW(c, i), fmt);
}

void pr_signal(struct rn_strbuf *sb, int signo)
{
	rn_sb_puts(sb, rn_signal_name(signo));
}

void dc_signal(struct dctx *c, int i)
{
	pr_signal(ARG(c, i), (int)RAW(c, i));
}

static void sigset_list(struct rn_strbuf *sb, const __u64 *set, unsigned nsig, bool want)
{
	bool first = true;
	unsigned s;

	for (s = 1; s <= nsig; s++) {
		bool in = (set[(s - 1) / 64] >> ((s - 1) % 64)) & 1;

		if (in != want)
			continue;
		if (!first)
			rn_sb_putc(sb, ' ');
		first = false;
		rn_sb_puts(sb, rn_signal_name(s) + 3);	/* without "SIG" */
	}
}

/* "[INT TERM]", or "~[KILL STOP]" when most signals are in the set. */
void pr_sigset(struct rn_strbuf *sb, const __u64 *set, unsigned bytes)
{
	unsigned nsig = bytes * 8, count = 0, i;

	if (nsig > 64)
		nsig = 64;
	for (i = 0; i < nsig; i++)
		count += (set[i / 64] >> (i % 64)) & 1;
	if (count * 2 > nsig) {
		rn_sb_puts(sb, "~[");
		sigset_list(sb, set, nsig, false);
	} else {
		rn_sb_putc(sb, '[');
		sigset_list(sb, set, nsig, true);
	}
	rn_sb_putc(sb, ']');
}

bool pr_sigset_at(struct dctx *c, struct rn_strbuf *sb, __u64 addr, unsigned bytes, bool out)
{
	__u64 set = 0;

	if (!addr) {
		rn_sb_puts(sb, "NULL");
		return false;
	}
	if (bytes > sizeof(set) || !bytes || dc_read(c, addr, &set, bytes, out) < 0) {
		pr_ptr(sb, addr);
		return false;
	}
	pr_sigset(sb, &set, bytes);
	return true;
}

void pr_timespec_at(struct dctx *c, struct rn_strbuf *sb, __u64 addr, bool out)
{
	__s64 ts[2];

	if (!addr)
		rn_sb_puts(sb, "NULL");
	else if (dc_read(c, addr, ts, sizeof(ts), out) < 0)
		pr_ptr(sb, addr);
	else
		rn_sb_printf(sb, "{tv_sec=%lld, tv_nsec=%lld}", (long long)ts[0], (long long)ts[1]);
}

void pr_timeval_at(struct dctx *c, struct rn_strbuf *sb, __u64 addr, bool out)
{
	__s64 tv[2];

	if (!addr)
		rn_sb_puts(sb, "NULL");
	else if (dc_read(c, addr, tv, sizeof(tv), out) < 0)
		pr_ptr(sb, addr);
	else
		rn_sb_printf(sb, "{tv_sec=%lld, tv_usec=%lld}", (long long)tv[0], (long long)tv[1]);
}

/* " /\* 2026-11-26T09:48:42.979853523+0000 *\/" in local time, as strace -v. */
void pr_time_comment(struct rn_strbuf *sb, long long sec, unsigned long nsec)
{
	time_t t = sec;
	struct tm tm;
	char date[64], zone[16];

	if (!localtime_r(&t, &tm))
		return;
	strftime(date, sizeof(date), "%FT%T", &tm);
	strftime(zone, sizeof(zone), "%z", &tm);
	if (nsec)
		rn_sb_printf(sb, " /* %s.%09lu%s */", date, nsec, zone);
	else
		rn_sb_printf(sb, " /* %s%s */", date, zone);
}

void pr_int_at(struct dctx *c, struct rn_strbuf *sb, __u64 addr, bool out)
{
	int v;

	if (!addr)
		rn_sb_puts(sb, "NULL");
	else if (dc_read(c, addr, &v, sizeof(v), out) < 0)
		pr_ptr(sb, addr);
	else
		rn_sb_printf(sb, "[%d]", v);
}
