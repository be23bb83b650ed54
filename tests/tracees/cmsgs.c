// SPDX-License-Identifier: MIT
/*
 * Tracee for t_decode_cmsg.sh: sendmsg and recvmsg with control messages
 * (SOL_SOCKET's rights, credentials, security context and timestamps,
 * SOL_IP's packet info, TTL, TOS, options, errors, original destination and
 * checksum, unknown levels and types, malformed and cut cmsg_len, buffers
 * longer than what is shown, MSG_CTRUNC), then sendmmsg and recvmmsg (many
 * messages, vlen above what was moved, timeouts, failures, a call that
 * blocks while another process runs). Crafted control buffers go to
 * sendmsg on a closed socket's peer or a bad descriptor: the call fails
 * but its msghdr is decoded all the same. Values that vary run to run
 * (pids, timestamps, ports, the timeout left) are masked by the test.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <linux/errqueue.h>
#include <linux/net_tstamp.h>

/* a bad address: the calls fail with EFAULT, strace prints it as is */
#define BAD ((void *)8)

/* the control buffers, at a fixed address (so that the addresses strace
 * prints of their parts compare), an unreadable page after them */
#define CTL_ADDR 0x4000000ul
#define CTL_SIZE 8192ul
static unsigned char *ctl;
static unsigned char pat[4096];
static char data[] = "hello, control";

/* one cmsg at off in ctl: its header and dlen bytes of the pattern */
static size_t put(size_t off, unsigned len, int level, int type, const void *d, size_t dlen)
{
	struct cmsghdr h = { .cmsg_len = len, .cmsg_level = level, .cmsg_type = type };

	memcpy(ctl + off, &h, sizeof(h));
	memcpy(ctl + off + sizeof(h), d ? d : pat, dlen);
	return off + CMSG_ALIGN(sizeof(h) + dlen);
}

/* sendmsg of data with clen bytes of ctl as control */
static void send_ctl(int fd, const void *control, size_t clen)
{
	struct iovec iov = { .iov_base = data, .iov_len = 5 };
	struct msghdr m = {
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = (void *)control, .msg_controllen = clen,
	};

	sendmsg(fd, &m, 0);
}

/* one cmsg of level/type with dlen bytes of d (the pattern when NULL) */
static void send_one(int fd, int level, int type, const void *d, size_t dlen)
{
	size_t n = put(0, (unsigned)CMSG_LEN(dlen), level, type, d, dlen);

	send_ctl(fd, ctl, n);
}

/* each SOL_SOCKET and SOL_IP type strace names, and unknown ones, with
 * data lengths around each structure's size */
static void types(int fd)
{
	static const size_t lens[] = {
		0, 1, 2, 3, 4, 5, 7, 8, 12, 13, 14, 15, 16, 20, 24, 31, 32, 40, 47, 48, 64, 128, 200,
	};
	static const int levels[] = { SOL_SOCKET, SOL_IP, 41, 6, 999, -1 };
	unsigned i, j;
	int t;

	for (i = 0; i < sizeof(levels) / sizeof(levels[0]); i++)
		for (t = 0; t <= 70; t++)
			for (j = 0; j < sizeof(lens) / sizeof(lens[0]); j++)
				send_one(fd, levels[i], t, NULL, lens[j]);
}

/* SCM_RIGHTS of real descriptors (-y shows their paths), of -1 and big ones */
static void rights(int fd, int s)
{
	int fds[4] = { 0, 1, s, -1 };
	int big[3] = { 99999, 0x7fffffff, 5 };
	int nul = open("/dev/null", O_RDONLY);

	fds[0] = nul;
	send_one(fd, SOL_SOCKET, SCM_RIGHTS, fds, sizeof(fds));
	send_one(fd, SOL_SOCKET, SCM_RIGHTS, big, sizeof(big));
	send_one(fd, SOL_SOCKET, SCM_RIGHTS, fds, 6);
	send_one(fd, SOL_SOCKET, SCM_RIGHTS, fds, 2);
	close(nul);
}

/* all bits set and negative values: how each field is signed */
static void signs(int fd)
{
	static const long long ts[6] = { -1, -2, -3, -4, -5, -6 };
	static const int ints[12] = { -1, -2, -3, -4, -5, -6, -7, -8, -9, -10, -11, -12 };
	/* (a cmsg_len above ~0 - 8 sends strace 6.1 into an endless loop:
	 * the alignment wraps to 0; renacer stops there instead) */
	struct cmsghdr h = {
		.cmsg_len = ~0ul - 8, .cmsg_level = SOL_SOCKET, .cmsg_type = SCM_RIGHTS,
	};
	static const int types[] = { 29, 35, 37, 63, 64, 65 };
	unsigned i;

	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		send_one(fd, SOL_SOCKET, types[i], ts, sizeof(ts));
	send_one(fd, SOL_SOCKET, SCM_CREDENTIALS, ints, 12);
	send_one(fd, SOL_SOCKET, SCM_RIGHTS, ints, 12);
	send_one(fd, SOL_IP, IP_TTL, ints, 12);
	send_one(fd, SOL_IP, IP_CHECKSUM, ints, 12);
	send_one(fd, SOL_IP, IP_PKTINFO, ints, 12);
	send_one(fd, SOL_IP, IP_RECVERR, ints, 32);
	send_one(fd, SOL_IP, IP_TOS, "\0\xff\x80", 3);
	memcpy(ctl, &h, sizeof(h));
	send_ctl(fd, ctl, 40);
}

/* cmsg_len below the header, above the buffer, the buffer below a header,
 * several cmsgs, padding, NULL and bad control pointers */
static void malformed(int fd)
{
	static const unsigned lens[] = { 0, 1, 8, 15, 16, 17, 20, 24, 28, 40, 1000, 0xffffffff };
	int one = 1;
	unsigned i;
	size_t n;

	for (i = 0; i < sizeof(lens) / sizeof(lens[0]); i++) {
		put(0, lens[i], SOL_SOCKET, SCM_RIGHTS, &one, 4);
		send_ctl(fd, ctl, 24);
		put(0, lens[i], SOL_IP, IP_TTL, &one, 4);
		send_ctl(fd, ctl, 40);
	}
	for (i = 0; i <= 24; i++) {
		put(0, 20, SOL_SOCKET, SCM_RIGHTS, &one, 4);
		send_ctl(fd, ctl, i);
	}
	n = put(0, 20, SOL_SOCKET, SCM_RIGHTS, &one, 4);
	n = put(n, 20, SOL_IP, IP_TTL, &one, 4);
	n = put(n, 17, SOL_IP, IP_TOS, &one, 1);
	n = put(n, 28, SOL_SOCKET, SCM_CREDENTIALS, NULL, 12);
	send_ctl(fd, ctl, n);
	send_ctl(fd, ctl, n - 4);
	send_ctl(fd, ctl, n + 4);
	send_ctl(fd, ctl, n + 20);
	/* many: strace shows only so many of them */
	for (n = 0, i = 0; i < 300; i++)
		n = put(n, 20, SOL_SOCKET, SCM_RIGHTS, &i, 4);
	send_ctl(fd, ctl, n);
	send_ctl(fd, ctl, 1024);
	send_ctl(fd, ctl, 1025);
	send_ctl(fd, ctl, 4096);
	n = put(0, 4000, SOL_SOCKET, 0x3 /* SCM_SECURITY */, NULL, 3990);
	send_ctl(fd, ctl, 4000);
	send_ctl(fd, NULL, 0);
	send_ctl(fd, NULL, 20);
	send_ctl(fd, BAD, 20);
	send_ctl(fd, ctl + CTL_SIZE - 8, 20);
}

/* a UNIX datagram pair, the receiver passing credentials */
static void unix_recv(void)
{
	int sv[2], on = 1, fds[2], r;
	char buf[64];
	struct iovec iov = { .iov_base = buf, .iov_len = sizeof(buf) };
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1 };
	size_t n;

	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv))
		return;
	setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &on, sizeof(on));
	fds[0] = open("/dev/null", O_RDONLY);
	fds[1] = sv[0];
	n = put(0, CMSG_LEN(8), SOL_SOCKET, SCM_RIGHTS, fds, 8);
	send_ctl(sv[0], ctl, n);
	m.msg_control = ctl;
	m.msg_controllen = 256;
	r = (int)recvmsg(sv[1], &m, 0);
	if (r > 0) {
		/* close what came in: the next run sees the same numbers */
		struct cmsghdr *h;

		for (h = CMSG_FIRSTHDR(&m); h; h = CMSG_NXTHDR(&m, h))
			if (h->cmsg_type == SCM_RIGHTS)
				for (unsigned i = 0; i < (h->cmsg_len - CMSG_LEN(0)) / 4; i++)
					close(((int *)CMSG_DATA(h))[i]);
	}
	/* a control buffer too short for the rights: MSG_CTRUNC */
	send_ctl(sv[0], ctl, put(0, CMSG_LEN(8), SOL_SOCKET, SCM_RIGHTS, fds, 8));
	m.msg_controllen = 40;
	recvmsg(sv[1], &m, 0);
	send_ctl(sv[0], ctl, put(0, CMSG_LEN(8), SOL_SOCKET, SCM_RIGHTS, fds, 8));
	m.msg_controllen = 0;
	recvmsg(sv[1], &m, 0);
	send_ctl(sv[0], ctl, put(0, CMSG_LEN(8), SOL_SOCKET, SCM_RIGHTS, fds, 8));
	m.msg_controllen = 12;
	recvmsg(sv[1], &m, 0);
	/* nothing there: fails, the msghdr as an address */
	m.msg_controllen = 256;
	recvmsg(sv[1], &m, MSG_DONTWAIT);
	send_ctl(sv[0], NULL, 0);
	m.msg_control = BAD;
	recvmsg(sv[1], &m, 0);
	close(fds[0]);
	close(sv[0]);
	close(sv[1]);
}

/* UDP on loopback with every IP_RECV* option on */
static void udp_recv(void)
{
	static const int opts[] = {
		IP_PKTINFO, IP_RECVTTL, IP_RECVTOS, IP_RECVORIGDSTADDR, IP_CHECKSUM,
		IP_RECVOPTS, IP_RETOPTS,
	};
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t al = sizeof(a);
	unsigned char ipopt[4] = { IPOPT_NOP, IPOPT_NOP, IPOPT_NOP, IPOPT_END };
	char buf[64];
	struct iovec iov = { .iov_base = buf, .iov_len = sizeof(buf) };
	struct msghdr m = {
		.msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl, .msg_controllen = 512,
	};
	int s, r, on = 1;
	unsigned i;

	s = socket(AF_INET, SOCK_DGRAM, 0);
	r = socket(AF_INET, SOCK_DGRAM, 0);
	if (s < 0 || r < 0)
		return;
	bind(r, (struct sockaddr *)&a, sizeof(a));
	getsockname(r, (struct sockaddr *)&a, &al);
	for (i = 0; i < sizeof(opts) / sizeof(opts[0]); i++)
		setsockopt(r, SOL_IP, opts[i], &on, sizeof(on));
	setsockopt(s, SOL_IP, IP_OPTIONS, ipopt, sizeof(ipopt));
	sendto(s, "udp", 3, 0, (struct sockaddr *)&a, sizeof(a));
	recvmsg(r, &m, 0);
	/* timestamps: their values are masked */
	setsockopt(r, SOL_SOCKET, SO_TIMESTAMP_OLD, &on, sizeof(on));
	sendto(s, "ts", 2, 0, (struct sockaddr *)&a, sizeof(a));
	m.msg_controllen = 512;
	recvmsg(r, &m, 0);
	setsockopt(r, SOL_SOCKET, SO_TIMESTAMPNS_OLD, &on, sizeof(on));
	sendto(s, "ns", 2, 0, (struct sockaddr *)&a, sizeof(a));
	m.msg_controllen = 512;
	recvmsg(r, &m, 0);
	on = SOF_TIMESTAMPING_SOFTWARE | SOF_TIMESTAMPING_RX_SOFTWARE;
	setsockopt(r, SOL_SOCKET, SO_TIMESTAMPING_OLD, &on, sizeof(on));
	sendto(s, "ing", 3, 0, (struct sockaddr *)&a, sizeof(a));
	m.msg_controllen = 512;
	recvmsg(r, &m, 0);
	/* cut short: MSG_CTRUNC */
	sendto(s, "cut", 3, 0, (struct sockaddr *)&a, sizeof(a));
	m.msg_controllen = 60;
	recvmsg(r, &m, 0);
	close(r);
	/* an error queued on the sender: ICMP port unreachable */
	on = 1;
	setsockopt(s, SOL_IP, IP_RECVERR, &on, sizeof(on));
	sendto(s, "err", 3, 0, (struct sockaddr *)&a, sizeof(a));
	usleep(50000);
	m.msg_controllen = 512;
	m.msg_name = &a;
	m.msg_namelen = sizeof(a);
	recvmsg(s, &m, MSG_ERRQUEUE);
	close(s);
}

/* n messages of two iovecs each ("m0", "-data-..."); msg k carries
 * SCM_RIGHTS of fd when k == rights */
static void fill_mmsg(struct mmsghdr *v, struct iovec *iov, unsigned n, int rights, int fd)
{
	static char names[64][4];
	unsigned k;

	memset(v, 0, n * sizeof(*v));
	for (k = 0; k < n; k++) {
		names[k][0] = 'm';
		names[k][1] = (char)('0' + k % 10);
		iov[2 * k].iov_base = names[k];
		iov[2 * k].iov_len = 2;
		iov[2 * k + 1].iov_base = data;
		iov[2 * k + 1].iov_len = k % 3 ? sizeof(data) - 1 : 3;
		v[k].msg_hdr.msg_iov = &iov[2 * k];
		v[k].msg_hdr.msg_iovlen = 2;
		if ((int)k == rights) {
			v[k].msg_hdr.msg_control = ctl;
			v[k].msg_hdr.msg_controllen =
				put(0, CMSG_LEN(4), SOL_SOCKET, SCM_RIGHTS, &fd, 4);
		}
	}
}

/* sendmmsg and recvmmsg: whole, partial, failed, with timeouts */
static void mmsg(void)
{
	static struct mmsghdr v[64], w[64];
	static struct iovec iov[128], wiov[128];
	static char rbuf[64][32];
	struct timespec ts = { .tv_sec = 1, .tv_nsec = 0 }, zero = { 0, 0 };
	int sv[2], on = 1;
	unsigned k;
	pid_t pid;

	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv))
		return;
	setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &on, sizeof(on));
	for (k = 0; k < 64; k++) {
		wiov[k].iov_base = rbuf[k];
		wiov[k].iov_len = k % 2 ? 4 : sizeof(rbuf[k]);
		w[k].msg_hdr.msg_iov = &wiov[k];
		w[k].msg_hdr.msg_iovlen = 1;
		w[k].msg_hdr.msg_control = k == 1 ? ctl + 1024 : NULL;
		w[k].msg_hdr.msg_controllen = k == 1 ? 64 : 0;
	}
	fill_mmsg(v, iov, 3, 1, sv[0]);
	sendmmsg(sv[0], v, 3, 0);
	recvmmsg(sv[1], w, 5, MSG_DONTWAIT, NULL);
	for (k = 0; k < 5; k++)
		if (w[1].msg_hdr.msg_controllen > 24)
			close(*(int *)CMSG_DATA((struct cmsghdr *)(ctl + 1024 + 32)));
	/* more messages than -s: an array cut */
	fill_mmsg(v, iov, 40, -1, -1);
	sendmmsg(sv[0], v, 40, 0);
	recvmmsg(sv[1], w, 40, MSG_WAITFORONE, &ts);
	/* vlen above what is there; a timeout; nothing at all */
	fill_mmsg(v, iov, 2, -1, -1);
	sendmmsg(sv[0], v, 2, MSG_DONTWAIT);
	recvmmsg(sv[1], w, 4, MSG_DONTWAIT, &zero);
	recvmmsg(sv[1], w, 4, MSG_DONTWAIT, &ts);
	recvmmsg(sv[1], w, 4, 0, BAD);
	recvmmsg(sv[1], BAD, 4, MSG_DONTWAIT, NULL);
	recvmmsg(-1, w, 4, 0, &ts);
	/* failures: bad descriptor, bad array, a bad message after good ones */
	sendmmsg(-1, v, 2, 0);
	sendmmsg(sv[0], BAD, 2, 0);
	sendmmsg(sv[0], NULL, 0, 0);
	fill_mmsg(v, iov, 3, -1, -1);
	v[2].msg_hdr.msg_iov = BAD;
	sendmmsg(sv[0], v, 3, 0);
	recvmmsg(sv[1], w, 8, MSG_DONTWAIT, NULL);
	sendmmsg(sv[0], v, 0, 0);
	/* the second element unreadable */
	memcpy(ctl + CTL_SIZE - sizeof(v[0]), v, sizeof(v[0]));
	sendmmsg(-1, (void *)(ctl + CTL_SIZE - sizeof(v[0])), 2, 0);
	/* a call that blocks while the other process runs */
	pid = fork();
	if (pid == 0) {
		recvmmsg(sv[1], w, 2, MSG_WAITFORONE, NULL);
		_exit(0);
	}
	usleep(200000);
	fill_mmsg(v, iov, 1, -1, -1);
	sendmmsg(sv[0], v, 1, 0);
	waitpid(pid, NULL, 0);
	close(sv[0]);
	close(sv[1]);
}

int main(void)
{
	int sv[2];

	memset(pat, 0, sizeof(pat));
	for (unsigned i = 0; i < sizeof(pat); i++)
		pat[i] = (unsigned char)(i * 7 + 1);
	ctl = mmap((void *)CTL_ADDR, CTL_SIZE + 4096, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	if (ctl != (void *)CTL_ADDR)
		return 1;
	mprotect(ctl + CTL_SIZE, 4096, PROT_NONE);
	syscall(SYS_getpid);
	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv))
		return 1;
	types(-1);
	rights(-1, sv[0]);
	malformed(-1);
	signs(-1);
	unix_recv();
	udp_recv();
	mmsg();
	return 0;
}
