// SPDX-License-Identifier: MIT
/*
 * Moves known bytes through every call that -e read= / -e write= dump:
 * write/read on a pipe, pwrite64/pread64 on a file, writev/readv (one empty
 * buffer, one shorter read than the buffers), sendto/recvfrom and
 * sendmsg/recvmsg on a socketpair. Data: all 256 byte values, so the hex
 * and the ASCII columns are both exercised. Argument: a scratch file path.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

static unsigned char data[300];
static unsigned char in[300];

static void stream_calls(void)
{
	int p[2];

	if (pipe(p))
		return;
	write(p[1], data, 40);
	read(p[0], in, sizeof(in));
	write(p[1], "hello\n", 6);
	read(p[0], in, 3);		/* a short read: 3 of the 6 bytes */
	read(p[0], in, 3);
	close(p[0]);
	close(p[1]);
}

static void vector_calls(void)
{
	struct iovec wv[3] = {
		{ .iov_base = data, .iov_len = 5 },
		{ .iov_base = data + 5, .iov_len = 20 },
		{ .iov_base = data + 25, .iov_len = 0 },
	};
	struct iovec rv[2] = {
		{ .iov_base = in, .iov_len = 7 },
		{ .iov_base = in + 7, .iov_len = 100 },
	};
	int p[2];

	if (pipe(p))
		return;
	writev(p[1], wv, 3);
	readv(p[0], rv, 2);		/* 25 bytes: 7 then 18 of the 100 */
	close(p[0]);
	close(p[1]);
}

static void socket_calls(void)
{
	struct iovec iov[2] = {
		{ .iov_base = data + 100, .iov_len = 9 },
		{ .iov_base = data + 109, .iov_len = 16 },
	};
	struct iovec riov = { .iov_base = in, .iov_len = sizeof(in) };
	struct msghdr mh = { .msg_iov = iov, .msg_iovlen = 2 };
	struct msghdr rmh = { .msg_iov = &riov, .msg_iovlen = 1 };
	int sv[2];

	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv))
		return;
	sendto(sv[0], data + 200, 17, 0, NULL, 0);
	recvfrom(sv[1], in, sizeof(in), 0, NULL, NULL);
	sendmsg(sv[0], &mh, 0);
	recvmsg(sv[1], &rmh, 0);
	close(sv[0]);
	close(sv[1]);
}

static void file_calls(const char *path)
{
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);

	if (fd < 0)
		return;
	pwrite64(fd, data + 30, 33, 10);
	pread64(fd, in, 64, 8);		/* 35 bytes: 2 zeros, then the 33 */
	read(fd, in, 16);		/* 0 bytes: nothing to dump */
	write(-1, data, 4);		/* fails: nothing to dump */
	close(fd);
	unlink(path);
}

int main(int argc, char **argv)
{
	for (size_t i = 0; i < sizeof(data); i++)
		data[i] = (unsigned char)i;
	stream_calls();
	vector_calls();
	socket_calls();
	file_calls(argc > 1 ? argv[1] : "/tmp/renacer-dumps.tmp");
	return 0;
}
