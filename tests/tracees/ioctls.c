// SPDX-License-Identifier: MIT
/*
 * Tracee for t_decode_ioctl.sh: the ioctl requests ordinary programs make,
 * each once with ordinary arguments and once with odd ones (a bad
 * descriptor, NULL, an unknown value), so their lines can be compared with
 * strace's: a pty (posix_openpt), a regular file, a pipe, sockets,
 * /dev/null, /dev/urandom, a namespace file, a perf event, and a loop
 * device where /dev/loop-control exists. Then every named request once
 * more on a bad descriptor with a patterned buffer and with NULL (what
 * each prints before the call fails).
 *
 * Nothing outside the tracee's own objects changes: no interface is
 * configured (the SIOCSIF* and bridge requests name ones that do not
 * exist, or get a bad descriptor), no filesystem is frozen, and the loop
 * device is bound to a scratch file with LO_FLAGS_AUTOCLEAR, so it is let
 * go when the tracee closes it or dies.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <linux/blkpg.h>
#include <linux/blktrace_api.h>
#include <linux/fiemap.h>
#include <linux/fs.h>
#include <linux/loop.h>
#include <linux/nsfs.h>
#include <linux/perf_event.h>
#include <linux/random.h>
#include <linux/sockios.h>

#define BAD ((void *)8)		/* an address no call can read or write */
#define TCGETS2_ 0x802c542aUL	/* <asm/termbits.h>'s termios2 clashes with glibc's */
#define TCSETS2_ 0x402c542bUL

static long io(int fd, unsigned long req, void *arg)
{
	return syscall(SYS_ioctl, fd, req, arg);
}

static long ion(int fd, unsigned long req, unsigned long arg)
{
	return syscall(SYS_ioctl, fd, req, arg);
}

static void tty_attrs(int m, int s)
{
	struct termios t;
	struct termio ta;
	unsigned char t2[44];
	struct winsize ws = { .ws_row = 24, .ws_col = 80, .ws_xpixel = 1, .ws_ypixel = 2 };

	io(s, TCGETS, &t);
	io(s, TCSETS, &t);
	io(s, TCSETSW, &t);
	io(s, TCSETSF, &t);
	t.c_lflag &= ~(unsigned)(ICANON | ECHO);
	t.c_cc[VMIN] = 1;
	io(s, TCSETS, &t);
	io(s, TCGETS, &t);
	io(s, TCGETS, NULL);
	io(s, TCSETS, NULL);
	io(-1, TCGETS, &t);
	io(s, TCGETA, &ta);
	io(s, TCSETA, &ta);
	io(s, TCSETAW, &ta);
	io(s, TCSETAF, &ta);
	io(s, TCGETA, NULL);
	if (io(s, TCGETS2_, t2) == 0) {
		t2[8] |= 0x0f;	/* c_cflag: B38400 in, BOTHER out, B2400 in */
		t2[9] |= 0x10;
		t2[10] = 0x0b;
		io(s, TCSETS2_, t2);
		io(s, TCGETS2_, t2);
	}
	io(s, TIOCGLCKTRMIOS, &t);
	io(s, TIOCSLCKTRMIOS, &t);
	io(m, TIOCSWINSZ, &ws);
	io(s, TIOCGWINSZ, &ws);
	io(s, TIOCGWINSZ, NULL);
	io(s, TIOCSWINSZ, BAD);
}

static void tty_lines(int m, int s)
{
	int v = 0;

	ion(s, TCXONC, TCOOFF);
	ion(s, TCXONC, TCOON);
	ion(s, TCXONC, TCIOFF);
	ion(s, TCXONC, TCION);
	ion(s, TCXONC, 99);
	ion(s, TCFLSH, TCIFLUSH);
	ion(s, TCFLSH, TCOFLUSH);
	ion(s, TCFLSH, TCIOFLUSH);
	ion(s, TCFLSH, 99);
	ion(s, TCSBRK, 1);
	ion(s, TCSBRKP, 0);
	ion(s, TIOCSBRK, 0);
	ion(s, TIOCCBRK, 0);
	io(m, TIOCMGET, &v);
	v = TIOCM_DTR | TIOCM_RTS;
	io(m, TIOCMSET, &v);
	io(m, TIOCMBIS, &v);
	v = 0x10000;
	io(m, TIOCMBIC, &v);
	v = 1;
	io(m, TIOCPKT, &v);
	io(m, TIOCGPKT, &v);
	v = 0;
	io(m, TIOCPKT, &v);
	io(m, TIOCGPTLCK, &v);
	io(m, TIOCSIG, (void *)(long)SIGWINCH);
}

static void tty_ctl(int s)
{
	int v = 0;
	pid_t pg;

	io(s, TIOCGPGRP, &pg);
	io(s, TIOCSPGRP, &pg);
	io(s, TIOCGSID, &pg);
	ion(s, TIOCSCTTY, 0);
	ion(s, TIOCNOTTY, 0);
	ion(s, TIOCEXCL, 0);
	io(s, TIOCGEXCL, &v);
	ion(s, TIOCNXCL, 0);
	io(s, TIOCSTI, "x");
	io(s, TIOCSTI, "\033");
	io(s, TIOCSTI, NULL);
	io(s, TIOCGDEV, &v);
	io(s, TIOCGETD, &v);
	io(s, TIOCSETD, &v);
	io(s, TIOCGSOFTCAR, &v);
	io(s, TIOCGSERIAL, &v);
	io(s, TIOCSSERIAL, &v);
	io(s, TIOCGICOUNT, &v);
	io(-1, TIOCVHANGUP, NULL);
}

static void tty(void)
{
	int m = posix_openpt(O_RDWR | O_NOCTTY), s, p, n, lock = 0;

	if (m < 0)
		return;
	io(m, TIOCSPTLCK, &lock);
	io(m, TIOCGPTN, &n);
	io(m, TIOCGPTN, NULL);
	s = open(ptsname(m), O_RDWR | O_NOCTTY);
	p = (int)ion(m, TIOCGPTPEER, O_RDWR | O_NOCTTY);
	ion(m, TIOCGPTPEER, O_RDWR | 0x1000000);
	/* first: later requests leave bytes in flight (packet mode, echo) */
	io(m, TIOCOUTQ, &n);
	io(m, TIOCINQ, &n);
	io(m, TIOCINQ, NULL);
	if (s >= 0) {
		tty_attrs(m, s);
		tty_lines(m, s);
		tty_ctl(s);
		close(s);
	}
	close(p);
	close(m);
}

static void file_flags(int fd)
{
	int v = 1;
	long bsz = 0;

	io(fd, FIONBIO, &v);
	io(fd, FIOASYNC, &v);
	v = 0;
	io(fd, FIONBIO, &v);
	io(fd, FIONBIO, NULL);
	io(fd, FIOCLEX, NULL);
	io(fd, FIONCLEX, NULL);
	io(-1, FIOCLEX, NULL);
	io(fd, FIGETBSZ, &bsz);
	io(fd, FIGETBSZ, NULL);
	io(fd, FIBMAP, &v);
	io(fd, FIOQSIZE, &bsz);
	io(fd, FS_IOC_GETFLAGS, &v);
	io(fd, FS_IOC_SETFLAGS, &v);
	v = FS_NOATIME_FL | 0x40000000;
	io(-1, FS_IOC_SETFLAGS, &v);
	v = 0x4000000;
	io(-1, FS_IOC_SETFLAGS, &v);
	io(fd, FS_IOC_GETFLAGS, NULL);
	io(fd, FS_IOC32_GETFLAGS, &v);
	io(fd, FS_IOC_GETVERSION, &v);
}

static void file_maps(int fd)
{
	struct fiemap *fm = calloc(1, sizeof(*fm) + 2 * sizeof(struct fiemap_extent));
	struct fsxattr fx;
	char label[FSLABEL_MAX] = "";
	struct fstrim_range tr = { .start = 0, .len = 4096, .minlen = 512 };

	if (!fm)
		return;
	io(fd, FS_IOC_FSGETXATTR, &fx);
	io(fd, FS_IOC_FSSETXATTR, &fx);
	io(fd, FS_IOC_FSGETXATTR, NULL);
	fm->fm_length = ~0ULL;
	fm->fm_flags = FIEMAP_FLAG_SYNC;
	fm->fm_extent_count = 2;
	io(fd, FS_IOC_FIEMAP, fm);
	fm->fm_extent_count = 0;
	io(fd, FS_IOC_FIEMAP, fm);
	fm->fm_flags = 0x100;
	io(-1, FS_IOC_FIEMAP, fm);
	io(fd, FS_IOC_FIEMAP, NULL);
	io(fd, FS_IOC_GETFSLABEL, label);
	io(-1, FS_IOC_SETFSLABEL, "renacer");
	io(-1, FIFREEZE, NULL);
	io(-1, FITHAW, NULL);
	io(-1, FITRIM, &tr);
	free(fm);
}

static void file_clones(int fd)
{
	struct file_clone_range fcr = { .src_fd = fd, .src_length = 4096 };
	struct file_dedupe_range *fdr;
	int null = open("/dev/null", O_RDWR), i;

	fdr = calloc(1, sizeof(*fdr) + 3 * sizeof(struct file_dedupe_range_info));
	if (!fdr)
		return;
	ion(null, FICLONE, (unsigned long)fd);
	ion(null, FICLONE, (unsigned long)-1);
	io(null, FICLONERANGE, &fcr);
	io(null, FICLONERANGE, NULL);
	fdr->src_length = 15;
	for (i = 0; i < 3; i++) {
		fdr->info[i].dest_fd = null;
		fdr->info[i].dest_offset = 10 * i;
	}
	fdr->dest_count = 1;
	io(fd, FIDEDUPERANGE, fdr);
	fdr->dest_count = 3;
	io(fd, FIDEDUPERANGE, fdr);
	io(fd, FIDEDUPERANGE, NULL);
	io(null, TCGETS, fdr);
	io(null, FIONREAD, &i);
	close(null);
	free(fdr);
}

static void files(void)
{
	char path[] = "/tmp/renacer-ioctls.XXXXXX";
	int fd = mkstemp(path), pfd[2], v;

	if (fd < 0)
		return;
	if (write(fd, "renacer ioctls\n", 15) != 15 || fsync(fd))
		return;
	file_flags(fd);
	file_maps(fd);
	file_clones(fd);
	if (pipe(pfd) == 0) {
		if (write(pfd[1], "abc", 3) == 3)
			io(pfd[0], FIONREAD, &v);
		io(pfd[0], FIONREAD, BAD);
		close(pfd[0]);
		close(pfd[1]);
	}
	close(fd);
	unlink(path);
}

static void set_name(struct ifreq *r, const char *name)
{
	memset(r, 0, sizeof(*r));
	strncpy(r->ifr_name, name, sizeof(r->ifr_name) - 1);
}

static void net_get(int s)
{
	static const unsigned long reqs[] = {
		SIOCGIFFLAGS, SIOCGIFMTU, SIOCGIFADDR, SIOCGIFNETMASK, SIOCGIFBRDADDR,
		SIOCGIFDSTADDR, SIOCGIFHWADDR, SIOCGIFTXQLEN, SIOCGIFMETRIC, SIOCGIFMAP,
	};
	struct ifreq r;
	unsigned i;

	set_name(&r, "lo");
	io(s, SIOCGIFINDEX, &r);
	io(s, SIOCGIFNAME, &r);
	r.ifr_ifindex = 0x7fff;
	io(s, SIOCGIFNAME, &r);
	for (i = 0; i < sizeof(reqs) / sizeof(reqs[0]); i++) {
		set_name(&r, "lo");
		io(s, reqs[i], &r);
		set_name(&r, "nosuch0");
		io(s, reqs[i], &r);
	}
	set_name(&r, "a\nlong\"interface");
	memcpy(r.ifr_name, "a\nlong\"interface", sizeof(r.ifr_name));
	io(s, SIOCGIFINDEX, &r);
	io(s, SIOCGIFINDEX, NULL);
	io(s, SIOCGIFFLAGS, BAD);
	io(-1, SIOCGIFINDEX, &r);
}

static void net_hwaddr(int s)
{
	static const unsigned short types[] = { 1, 772, 768, 7, 801, 0x5251, 0xfffe };
	struct ifreq r;
	unsigned i;

	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		set_name(&r, "nosuch0");
		r.ifr_hwaddr.sa_family = types[i];
		memcpy(r.ifr_hwaddr.sa_data, "\x02\0\0\0\0\x01\x07\x08\x09\x0a\x0b\x0c\x0d", 14);
		io(s, SIOCSIFHWADDR, &r);
	}
}

static void net_set(int s)
{
	static const unsigned short fams[] = { AF_INET, AF_INET6, AF_UNSPEC, AF_UNIX, AF_NETLINK };
	struct ifreq r;
	unsigned i;

	set_name(&r, "nosuch0");
	r.ifr_flags = IFF_UP | IFF_RUNNING;
	io(s, SIOCSIFFLAGS, &r);
	r.ifr_flags = 0;
	io(s, SIOCSIFFLAGS, &r);
	r.ifr_mtu = 1280;
	io(s, SIOCSIFMTU, &r);
	for (i = 0; i < sizeof(fams) / sizeof(fams[0]); i++) {
		set_name(&r, "nosuch0");
		r.ifr_addr.sa_family = fams[i];
		memcpy(r.ifr_addr.sa_data, "\0\0\x0a\0\0\x01\x07\x08\x09\x0a\x0b\x0c\x0d", 14);
		io(s, i ? SIOCSIFADDR : SIOCSIFNETMASK, &r);
	}
	io(s, SIOCSIFBRDADDR, &r);
	io(s, SIOCSIFDSTADDR, &r);
	set_name(&r, "nosuch0");
	r.ifr_qlen = 100;
	io(s, SIOCSIFTXQLEN, &r);
	set_name(&r, "nosuch0");
	strcpy(r.ifr_newname, "other0");
	io(s, SIOCSIFNAME, &r);
	io(s, SIOCSIFFLAGS, NULL);
	net_hwaddr(s);
	io(s, SIOCBRDELBR, "renacer-nobr0");
	io(-1, SIOCBRADDBR, "renacer-bridge-name-too-long");
	r.ifr_ifindex = 1;
	io(-1, SIOCBRADDIF, &r);
}

static void net_conf(int s)
{
	struct ifreq reqs[16];
	struct ifconf ic = { .ifc_len = sizeof(reqs), .ifc_req = reqs };

	io(s, SIOCGIFCONF, &ic);
	ic.ifc_len = 0;
	ic.ifc_req = NULL;
	io(s, SIOCGIFCONF, &ic);
	ic.ifc_len = sizeof(reqs[0]);
	ic.ifc_req = reqs;
	io(s, SIOCGIFCONF, &ic);
	ic.ifc_len = sizeof(reqs[0]) + 1;
	io(s, SIOCGIFCONF, &ic);
	ic.ifc_len = sizeof(reqs);
	ic.ifc_req = BAD;
	io(s, SIOCGIFCONF, &ic);
	io(s, SIOCGIFCONF, NULL);
}

static void net(void)
{
	int s = socket(AF_INET, SOCK_DGRAM, 0), t = socket(AF_INET, SOCK_STREAM, 0), v = 0;
	pid_t pg = getpid();
	struct timeval tv;
	struct timespec ts;

	if (s < 0 || t < 0)
		return;
	net_get(s);
	net_set(s);
	net_conf(s);
	io(t, SIOCATMARK, &v);
	io(t, SIOCATMARK, NULL);
	io(s, SIOCGSTAMP, &tv);
	io(s, SIOCGSTAMPNS, &ts);
	io(s, SIOCINQ, &v);
	io(s, SIOCOUTQ, &v);
	io(t, SIOCOUTQNSD, &v);
	io(s, FIOSETOWN, &pg);
	io(s, FIOGETOWN, &pg);
	io(s, SIOCSPGRP, &pg);
	io(s, SIOCGPGRP, &pg);
	io(s, SIOCGIFCOUNT, &v);
	io(s, SIOCETHTOOL, NULL);
	io(s, SIOCDEVPRIVATE, NULL);
	close(t);
	close(s);
}

static void blk_gets(int fd)
{
	unsigned long long size;
	unsigned short us;
	long lsize;
	int v;

	io(fd, BLKGETSIZE64, &size);
	io(fd, BLKGETSIZE, &lsize);
	io(fd, BLKSSZGET, &v);
	io(fd, BLKPBSZGET, &v);
	io(fd, BLKBSZGET, &v);
	io(fd, BLKROGET, &v);
	io(fd, BLKRAGET, &lsize);
	io(fd, BLKFRAGET, &lsize);
	io(fd, BLKSECTGET, &us);
	io(fd, BLKIOMIN, &v);
	io(fd, BLKIOOPT, &v);
	io(fd, BLKALIGNOFF, &v);
	io(fd, BLKDISCARDZEROES, &v);
	io(fd, BLKROTATIONAL, &us);
	io(fd, BLKGETSIZE64, NULL);
}

static void blk_sets(int fd, int back)
{
	unsigned long long range[2] = { 0, 4096 };
	struct blkpg_partition part = { .length = 4096, .pno = 1, .devname = "p", .volname = "v" };
	struct blkpg_ioctl_arg pa = { .op = 99, .datalen = sizeof(part), .data = &part };
	struct blk_user_trace_setup bt = { .act_mask = 0xffff, .buf_size = 4096, .buf_nr = 2 };
	int v = 0;

	io(fd, BLKROSET, &v);
	io(fd, BLKDISCARD, range);
	io(fd, BLKZEROOUT, range);
	io(fd, BLKPG, &pa);	/* an unknown op: EINVAL, no partition made */
	pa.op = BLKPG_ADD_PARTITION;
	io(-1, BLKPG, &pa);
	io(-1, BLKTRACESETUP, &bt);
	ion(fd, BLKRASET, 256);
	ion(fd, BLKFLSBUF, 0);
	ion(fd, LOOP_SET_CAPACITY, 0);
	ion(fd, LOOP_SET_BLOCK_SIZE, 512);
	ion(fd, LOOP_SET_DIRECT_IO, 0);
	ion(fd, LOOP_CHANGE_FD, (unsigned long)back);
	ion(fd, BLKRRPART, 0);
}

/* a free loop device, bound to back: LO_FLAGS_AUTOCLEAR lets it go */
static void loop_bound(int ctl, int back)
{
	struct loop_info64 li;
	struct loop_info lo;
	struct loop_config lc;
	char name[32];
	int n = (int)ion(ctl, LOOP_CTL_GET_FREE, 0), fd;

	snprintf(name, sizeof(name), "/dev/loop%d", n);
	fd = n < 0 ? -1 : open(name, O_RDWR);
	if (fd < 0 || ion(fd, LOOP_SET_FD, (unsigned long)back) < 0)
		return;
	memset(&li, 0, sizeof(li));
	li.lo_flags = LO_FLAGS_AUTOCLEAR;
	strcpy((char *)li.lo_file_name, "renacer-ioctls");
	io(fd, LOOP_SET_STATUS64, &li);
	io(fd, LOOP_GET_STATUS64, &li);
	io(fd, LOOP_GET_STATUS, &lo);
	blk_gets(fd);
	blk_sets(fd, back);
	memset(&lc, 0, sizeof(lc));
	lc.fd = back;
	lc.block_size = 512;
	lc.info.lo_flags = LO_FLAGS_AUTOCLEAR;
	io(fd, LOOP_CONFIGURE, &lc);
	ion(fd, LOOP_CLR_FD, 0);
	close(fd);
}

static void loop(void)
{
	char path[] = "/tmp/renacer-ioctls.XXXXXX";
	struct loop_info64 li;
	struct loop_info lo;
	int ctl, back;

	memset(&li, 0, sizeof(li));
	memset(&lo, 0, sizeof(lo));
	li.lo_encrypt_type = LO_CRYPT_XOR;
	li.lo_encrypt_key_size = 3;
	strcpy((char *)li.lo_encrypt_key, "key\1");
	lo.lo_encrypt_type = 99;
	blk_gets(-1);
	io(-1, LOOP_SET_STATUS64, &li);
	io(-1, LOOP_SET_STATUS, &lo);
	io(-1, LOOP_GET_STATUS64, &li);
	ion(-1, LOOP_SET_FD, 0);
	ion(-1, LOOP_CLR_FD, 0);
	ctl = open("/dev/loop-control", O_RDWR);
	if (ctl < 0)
		return;	/* no loop devices here: the comparison has what ran */
	ion(ctl, 0x4c8f, 0);	/* no such loop-control request */
	back = mkstemp(path);
	if (back >= 0 && ftruncate(back, 1 << 20) == 0)
		loop_bound(ctl, back);
	close(ctl);
	if (back >= 0) {
		close(back);
		unlink(path);
	}
}

static void perf(void)
{
	struct perf_event_attr pa = {
		.type = PERF_TYPE_SOFTWARE, .size = sizeof(pa),
		.config = PERF_COUNT_SW_CPU_CLOCK, .disabled = 1, .exclude_kernel = 1,
	};
	struct { __u32 ids_len, prog_cnt, ids[2]; } q = { 2, 0, { 0, 0 } };
	unsigned long long id = 1000;
	int fd = (int)syscall(SYS_perf_event_open, &pa, 0, -1, -1, PERF_FLAG_FD_CLOEXEC);

	io(fd, PERF_EVENT_IOC_ID, &id);
	ion(fd, PERF_EVENT_IOC_ENABLE, PERF_IOC_FLAG_GROUP);
	ion(fd, PERF_EVENT_IOC_DISABLE, 0);
	ion(fd, PERF_EVENT_IOC_RESET, 3);
	ion(fd, PERF_EVENT_IOC_RESET, 2);
	ion(fd, PERF_EVENT_IOC_REFRESH, 1);
	ion(fd, PERF_EVENT_IOC_PAUSE_OUTPUT, 1);
	id = 1000;
	io(fd, PERF_EVENT_IOC_PERIOD, &id);
	io(fd, PERF_EVENT_IOC_SET_FILTER, "abc");
	ion(fd, PERF_EVENT_IOC_SET_OUTPUT, (unsigned long)-1);
	ion(fd, PERF_EVENT_IOC_SET_BPF, (unsigned long)-1);
	io(fd, PERF_EVENT_IOC_QUERY_BPF, &q);
	io(fd, PERF_EVENT_IOC_ID, NULL);
	/* the attributes again, as perf_event_open takes them */
	pa.sample_period = 1000;
	io(fd, PERF_EVENT_IOC_MODIFY_ATTRIBUTES, &pa);
	io(-1, PERF_EVENT_IOC_MODIFY_ATTRIBUTES, &pa);
	io(-1, PERF_EVENT_IOC_MODIFY_ATTRIBUTES, NULL);
	if (fd >= 0)
		close(fd);
}

static void misc(void)
{
	int fd = open("/dev/urandom", O_RDONLY), ns, r, v = 0;
	struct { int count, size; char buf[4]; } ent = { 0, 4, "abcd" };
	unsigned uid;

	io(fd, RNDGETENTCNT, &v);
	io(fd, RNDGETENTCNT, NULL);
	io(fd, RNDADDENTROPY, &ent);
	io(-1, RNDADDTOENTCNT, &v);
	io(-1, RNDZAPENTCNT, NULL);
	io(-1, RNDCLEARPOOL, NULL);
	io(fd, RNDGETPOOL, &v);
	close(fd);
	ns = open("/proc/self/ns/user", O_RDONLY);
	io(ns, NS_GET_OWNER_UID, &uid);
	io(ns, NS_GET_NSTYPE, NULL);
	r = (int)io(ns, NS_GET_USERNS, NULL);
	if (r >= 0)
		close(r);
	close(ns);
	perf();
	/* requests no table names: _IOC(...) and the raw argument */
	io(-1, _IOC(_IOC_READ | _IOC_WRITE, 0xfe, 0x12, 0x40), NULL);
	io(-1, _IOC(_IOC_NONE, 0xfe, 0x12, 0), NULL);
	io(-1, _IOC(_IOC_WRITE, 'T', 0xf0, 4), NULL);
	io(-1, _IOC(_IOC_READ, 0x89, 0xf0, 40), NULL);
	io(-1, 0x8999, BAD);
	io(-1, 0xdeadbeef, BAD);
}

/* Every request the decoders know, on a bad descriptor: what each shows
 * of a patterned buffer, then of NULL. */
static const unsigned long sweep_reqs[] = {
	TCGETS, TCSETS, TCSETSW, TCSETSF, TCGETA, TCSETA, TCSETAW, TCSETAF, TCSBRK, TCXONC,
	TCFLSH, TIOCEXCL, TIOCNXCL, TIOCSCTTY, TIOCGPGRP, TIOCSPGRP, TIOCOUTQ, TIOCSTI,
	TIOCGWINSZ, TIOCSWINSZ, TIOCMGET, TIOCMBIS, TIOCMBIC, TIOCMSET, TIOCGSOFTCAR,
	TIOCSSOFTCAR, FIONREAD, TIOCLINUX, TIOCCONS, TIOCGSERIAL, TIOCSSERIAL, TIOCPKT, FIONBIO,
	TIOCNOTTY, TIOCSETD, TIOCGETD, TCSBRKP, TIOCSBRK, TIOCCBRK, TIOCGSID, TCGETS2_, TCSETS2_,
	TIOCGPTN, TIOCSPTLCK, TIOCGDEV, TIOCSIG, TIOCVHANGUP, TIOCGPKT, TIOCGPTLCK, TIOCGEXCL,
	TIOCGPTPEER, FIONCLEX, FIOCLEX, FIOASYNC, TIOCGLCKTRMIOS, TIOCSLCKTRMIOS, TIOCMIWAIT,
	TIOCGICOUNT, FIOQSIZE, FIBMAP, FIGETBSZ, FS_IOC_GETFLAGS, FS_IOC_SETFLAGS,
	FS_IOC_GETVERSION, FS_IOC32_SETFLAGS, FS_IOC_FIEMAP, FS_IOC_FSGETXATTR,
	FS_IOC_FSSETXATTR, FIFREEZE, FITHAW, FITRIM, FICLONE, FICLONERANGE, FS_IOC_GETFSLABEL,
	FS_IOC_SETFSLABEL, BLKROSET, BLKROGET, BLKRRPART, BLKGETSIZE, BLKFLSBUF, BLKRASET,
	BLKRAGET, BLKFRASET, BLKSECTSET, BLKSECTGET, BLKSSZGET, BLKPG, BLKBSZGET, BLKBSZSET,
	BLKGETSIZE64, BLKTRACESETUP, BLKTRACESTART, BLKDISCARD, BLKIOMIN, BLKALIGNOFF,
	BLKROTATIONAL, BLKZEROOUT, LOOP_SET_FD, LOOP_CLR_FD, LOOP_SET_STATUS, LOOP_GET_STATUS,
	LOOP_SET_STATUS64, LOOP_CHANGE_FD, LOOP_SET_DIRECT_IO, LOOP_CONFIGURE, LOOP_CTL_ADD,
	LOOP_CTL_GET_FREE, RNDGETENTCNT, RNDADDTOENTCNT, RNDADDENTROPY, RNDZAPENTCNT,
	RNDRESEEDCRNG, PERF_EVENT_IOC_ENABLE, PERF_EVENT_IOC_REFRESH, PERF_EVENT_IOC_PERIOD,
	PERF_EVENT_IOC_SET_OUTPUT, PERF_EVENT_IOC_SET_FILTER, PERF_EVENT_IOC_ID,
	PERF_EVENT_IOC_PAUSE_OUTPUT, PERF_EVENT_IOC_QUERY_BPF, NS_GET_USERNS, NS_GET_OWNER_UID,
	FIOSETOWN, SIOCSPGRP, FIOGETOWN, SIOCATMARK, SIOCGSTAMP, SIOCADDRT, SIOCGIFNAME,
	SIOCGIFCONF, SIOCGIFFLAGS, SIOCSIFFLAGS, SIOCGIFADDR, SIOCSIFADDR, SIOCSIFDSTADDR,
	SIOCSIFBRDADDR, SIOCSIFNETMASK, SIOCSIFMETRIC, SIOCGIFMTU, SIOCSIFMTU, SIOCSIFNAME,
	SIOCSIFHWADDR, SIOCGIFENCAP, SIOCSIFENCAP, SIOCGIFHWADDR, SIOCSIFSLAVE, SIOCADDMULTI,
	SIOCGIFINDEX, SIOCSIFHWBROADCAST, SIOCGIFTXQLEN, SIOCSIFTXQLEN, SIOCSIFMAP, SIOCBRADDBR,
	SIOCBRADDIF, SIOCOUTQNSD, SIOCGSKNS, SIOCPROTOPRIVATE,
};

static void sweep(void)
{
	/* at a fixed address: the requests that take a number print it, and
	 * it must read the same under both tracers */
	unsigned char *buf = mmap((void *)0x10000000, 4096, PROT_READ | PROT_WRITE,
				  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	unsigned i;

	if (buf == MAP_FAILED)
		return;
	for (i = 0; i < 4096; i++)
		buf[i] = 'A' + i % 26;
	for (i = 0; i < sizeof(sweep_reqs) / sizeof(sweep_reqs[0]); i++) {
		io(-1, sweep_reqs[i], buf);
		io(-1, sweep_reqs[i], NULL);
	}
}

int main(void)
{
	getpid();	/* the comparison starts here */
	tty();
	files();
	net();
	loop();
	misc();
	sweep();
	return 0;
}
