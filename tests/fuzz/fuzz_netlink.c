// SPDX-License-Identifier: MIT
/*
 * libFuzzer target for the netlink message decoders (syscalls/decode_netlink.c,
 * decode_rtnl.c, decode_nl_diag.c). The first byte picks the protocol
 * (ROUTE, SOCK_DIAG, another, none known) and -v, the second -s; the rest is
 * the buffer, whose lengths claim anything. The text must be one line of
 * printable bytes; ASan catches any read past the buffer.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netlink.h>

#include "syscalls/decode.h"

static void check(int cond, const char *what)
{
	if (!cond) {
		fprintf(stderr, "fuzz_netlink: check failed: %s\n", what);
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int protos[] = { NETLINK_ROUTE, NETLINK_SOCK_DIAG, NETLINK_USERSOCK, -1 };
	struct rn_decode_opts o = { 0 };
	struct rn_strbuf sb;
	uint8_t *copy;

	if (size < 2)
		return 0;
	o.verbose = data[0] & 4;
	o.strsize = data[1] % 64;
	/* an exact-size copy, so that ASan sees any read past the end */
	copy = malloc(size - 2 ? size - 2 : 1);
	memcpy(copy, data + 2, size - 2);
	rn_sb_init(&sb);
	rn_netlink_text(&sb, copy, size - 2, protos[data[0] & 3], &o);
	check(strlen(sb.buf) == sb.len, "no NUL in the text");
	for (size_t i = 0; i < sb.len; i++)
		check((unsigned char)sb.buf[i] >= 0x20 && (unsigned char)sb.buf[i] < 0x7f,
		      "printable text");
	rn_sb_release(&sb);
	free(copy);
	return 0;
}
