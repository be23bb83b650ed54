// SPDX-License-Identifier: MIT
/*
 * keyctl, printed as strace 6.1 prints it: each command shows the arguments
 * it reads, key serials by their KEY_SPEC_* names, buffers the call fills at
 * exit. Checked against strace (tests/tracees/tail3.c, t_decode_tail3.sh).
 */
#include <string.h>

#include "decode_int.h"
#include "gen/decoders.h"

/* --- keyctl(cmd, ...): the arguments each command reads */

static const struct rn_xlat t3_keyctl_cmds[] = {
	XLAT_PAIR(0, "KEYCTL_GET_KEYRING_ID"), XLAT_PAIR(1, "KEYCTL_JOIN_SESSION_KEYRING"),
	XLAT_PAIR(2, "KEYCTL_UPDATE"), XLAT_PAIR(3, "KEYCTL_REVOKE"), XLAT_PAIR(4, "KEYCTL_CHOWN"),
	XLAT_PAIR(5, "KEYCTL_SETPERM"), XLAT_PAIR(6, "KEYCTL_DESCRIBE"),
	XLAT_PAIR(7, "KEYCTL_CLEAR"), XLAT_PAIR(8, "KEYCTL_LINK"), XLAT_PAIR(9, "KEYCTL_UNLINK"),
	XLAT_PAIR(10, "KEYCTL_SEARCH"), XLAT_PAIR(11, "KEYCTL_READ"),
	XLAT_PAIR(12, "KEYCTL_INSTANTIATE"), XLAT_PAIR(13, "KEYCTL_NEGATE"),
	XLAT_PAIR(14, "KEYCTL_SET_REQKEY_KEYRING"), XLAT_PAIR(15, "KEYCTL_SET_TIMEOUT"),
	XLAT_PAIR(16, "KEYCTL_ASSUME_AUTHORITY"), XLAT_PAIR(17, "KEYCTL_GET_SECURITY"),
	XLAT_PAIR(18, "KEYCTL_SESSION_TO_PARENT"), XLAT_PAIR(19, "KEYCTL_REJECT"),
	XLAT_PAIR(20, "KEYCTL_INSTANTIATE_IOV"), XLAT_PAIR(21, "KEYCTL_INVALIDATE"),
	XLAT_PAIR(22, "KEYCTL_GET_PERSISTENT"), XLAT_PAIR(23, "KEYCTL_DH_COMPUTE"),
	XLAT_PAIR(24, "KEYCTL_PKEY_QUERY"), XLAT_PAIR(25, "KEYCTL_PKEY_ENCRYPT"),
	XLAT_PAIR(26, "KEYCTL_PKEY_DECRYPT"), XLAT_PAIR(27, "KEYCTL_PKEY_SIGN"),
	XLAT_PAIR(28, "KEYCTL_PKEY_VERIFY"), XLAT_PAIR(29, "KEYCTL_RESTRICT_KEYRING"),
	XLAT_PAIR(30, "KEYCTL_MOVE"), XLAT_PAIR(31, "KEYCTL_CAPABILITIES"),
	XLAT_PAIR(32, "KEYCTL_WATCH_KEY"), XLAT_END,
};

/* key permissions: possessor, user, group, other; six bits each */
static const struct rn_xlat t3_key_perms[] = {
	XLAT_PAIR(0x01000000, "KEY_POS_VIEW"), XLAT_PAIR(0x02000000, "KEY_POS_READ"),
	XLAT_PAIR(0x04000000, "KEY_POS_WRITE"), XLAT_PAIR(0x08000000, "KEY_POS_SEARCH"),
	XLAT_PAIR(0x10000000, "KEY_POS_LINK"), XLAT_PAIR(0x20000000, "KEY_POS_SETATTR"),
	XLAT_PAIR(0x00010000, "KEY_USR_VIEW"), XLAT_PAIR(0x00020000, "KEY_USR_READ"),
	XLAT_PAIR(0x00040000, "KEY_USR_WRITE"), XLAT_PAIR(0x00080000, "KEY_USR_SEARCH"),
	XLAT_PAIR(0x00100000, "KEY_USR_LINK"), XLAT_PAIR(0x00200000, "KEY_USR_SETATTR"),
	XLAT_PAIR(0x00000100, "KEY_GRP_VIEW"), XLAT_PAIR(0x00000200, "KEY_GRP_READ"),
	XLAT_PAIR(0x00000400, "KEY_GRP_WRITE"), XLAT_PAIR(0x00000800, "KEY_GRP_SEARCH"),
	XLAT_PAIR(0x00001000, "KEY_GRP_LINK"), XLAT_PAIR(0x00002000, "KEY_GRP_SETATTR"),
	XLAT_PAIR(0x00000001, "KEY_OTH_VIEW"), XLAT_PAIR(0x00000002, "KEY_OTH_READ"),
	XLAT_PAIR(0x00000004, "KEY_OTH_WRITE"), XLAT_PAIR(0x00000008, "KEY_OTH_SEARCH"),
	XLAT_PAIR(0x00000010, "KEY_OTH_LINK"), XLAT_PAIR(0x00000020, "KEY_OTH_SETATTR"),
	XLAT_END,
};

static void dc_key(struct dctx *c, int i)
{
	pr_key_serial(ARG(c, i), (__u32)RAW(c, i));
}

/* DESCRIBE, GET_SECURITY (text), READ (bytes): key, the buffer at exit, its size */
static void keyctl_read(struct dctx *c, bool text)
{
	dc_key(c, 1);
	if (dc_stop_unfinished(c, 2))
		return;
	if (!c->ok || !RAW(c, 2))
		dc_ptr(c, 2);
	else if (text)
		pr_out_text_at(c, ARG(c, 2), RAW(c, 2), RAW(c, 3));
	else
		pr_buf_at(c, ARG(c, 2), RAW(c, 2),
			  (__u64)c->sc->ret < RAW(c, 3) ? (__u64)c->sc->ret : RAW(c, 3), true);
	dc_ulong(c, 3);
	c->d->nargs = 4;
}

/* The commands that read keys and numbers only; false for the others */
static bool keyctl_plain(struct dctx *c, __u32 cmd)
{
	switch (cmd) {
	case 0:		/* GET_KEYRING_ID(key, create) */
		dc_key(c, 1);
		dc_int(c, 2);
		c->d->nargs = 3;
		return true;
	case 3: case 7: case 16: case 21:	/* REVOKE, CLEAR, ASSUME_AUTHORITY, INVALIDATE */
		dc_key(c, 1);
		c->d->nargs = 2;
		return true;
	case 4:		/* CHOWN(key, uid, gid) */
		dc_key(c, 1);
		dc_int(c, 2);
		dc_int(c, 3);
		c->d->nargs = 4;
		return true;
	case 8: case 9:	/* LINK, UNLINK(key, keyring) */
		dc_key(c, 1);
		dc_key(c, 2);
		c->d->nargs = 3;
		return true;
	case 15:	/* SET_TIMEOUT(key, seconds) */
		dc_key(c, 1);
		dc_uint(c, 2);
		c->d->nargs = 3;
		return true;
	}
	return false;
}

static const struct rn_xlat t3_reqkey_defl[] = {
	XLAT_PAIR(-1u, "KEY_REQKEY_DEFL_NO_CHANGE"), XLAT_PAIR(0, "KEY_REQKEY_DEFL_DEFAULT"),
	XLAT_PAIR(1, "KEY_REQKEY_DEFL_THREAD_KEYRING"),
	XLAT_PAIR(2, "KEY_REQKEY_DEFL_PROCESS_KEYRING"),
	XLAT_PAIR(3, "KEY_REQKEY_DEFL_SESSION_KEYRING"), XLAT_PAIR(4, "KEY_REQKEY_DEFL_USER_KEYRING"),
	XLAT_PAIR(5, "KEY_REQKEY_DEFL_USER_SESSION_KEYRING"),
	XLAT_PAIR(6, "KEY_REQKEY_DEFL_GROUP_KEYRING"),
	XLAT_PAIR(7, "KEY_REQKEY_DEFL_REQUESTOR_KEYRING"), XLAT_END,
};

static const struct rn_xlat t3_keyctl_move_flags[] = {
	XLAT_PAIR(1, "KEYCTL_MOVE_EXCL"), XLAT_END,
};

static const struct rn_xlat t3_key_caps[2][9] = {
	{ XLAT_PAIR(0x01, "KEYCTL_CAPS0_CAPABILITIES"),
	  XLAT_PAIR(0x02, "KEYCTL_CAPS0_PERSISTENT_KEYRINGS"),
	  XLAT_PAIR(0x04, "KEYCTL_CAPS0_DIFFIE_HELLMAN"), XLAT_PAIR(0x08, "KEYCTL_CAPS0_PUBLIC_KEY"),
	  XLAT_PAIR(0x10, "KEYCTL_CAPS0_BIG_KEY"), XLAT_PAIR(0x20, "KEYCTL_CAPS0_INVALIDATE"),
	  XLAT_PAIR(0x40, "KEYCTL_CAPS0_RESTRICT_KEYRING"), XLAT_PAIR(0x80, "KEYCTL_CAPS0_MOVE"),
	  XLAT_END },
	{ XLAT_PAIR(0x01, "KEYCTL_CAPS1_NS_KEYRING_NAME"), XLAT_PAIR(0x02, "KEYCTL_CAPS1_NS_KEY_TAG"),
	  XLAT_PAIR(0x04, "KEYCTL_CAPS1_NOTIFICATIONS"), XLAT_END },
};

/* CAPABILITIES(buf, len): the bytes the call filled, each a flag set */
static void keyctl_caps(struct dctx *c)
{
	__u64 n = RAW(c, 2) < (__u64)c->sc->ret ? RAW(c, 2) : (__u64)c->sc->ret;
	__u8 b[2];

	if (dc_stop_unfinished(c, 1))
		return;
	if (n > 2)
		n = 2;
	if (!c->ok || !RAW(c, 1) || dc_read(c, RAW(c, 1), b, n, true) < 0) {
		dc_ptr(c, 1);
	} else {
		rn_sb_putc(ARG(c, 1), '[');
		for (__u64 k = 0; k < n; k++) {
			rn_sb_puts(ARG(c, 1), k ? ", " : "");
			pr_flags_unk(ARG(c, 1), t3_key_caps[k], b[k], k ? "KEYCTL_CAPS1_" : "KEYCTL_CAPS0_");
		}
		rn_sb_putc(ARG(c, 1), ']');
	}
	dc_ulong(c, 2);
	c->d->nargs = 3;
}

/* --- DH_COMPUTE and the PKEY_ commands: structures of key serials and sizes */

static const struct rn_xlat t3_pkey_supports[] = {
	XLAT_PAIR(0x01, "KEYCTL_SUPPORTS_ENCRYPT"), XLAT_PAIR(0x02, "KEYCTL_SUPPORTS_DECRYPT"),
	XLAT_PAIR(0x04, "KEYCTL_SUPPORTS_SIGN"), XLAT_PAIR(0x08, "KEYCTL_SUPPORTS_VERIFY"),
	XLAT_END,
};

/* ", __spare=[0x1, 0, ...]": reserved words, shown only when one is set */
static void pr_spare(struct rn_strbuf *sb, const __u32 *w, unsigned n)
{
	unsigned k;

	for (k = 0; k < n && !w[k]; k++)
		;
	if (k == n)
		return;
	rn_sb_puts(sb, ", __spare=[");
	for (k = 0; k < n; k++) {
		rn_sb_puts(sb, k ? ", " : "");
		rn_sb_put_hex(sb, w[k]);
	}
	rn_sb_putc(sb, ']');
}

/* struct keyctl_dh_params: three key serials */
static void pr_dh_params(struct dctx *c, int i)
{
	struct rn_strbuf *sb = ARG(c, i);
	__s32 k[3];

	if (!RAW(c, i) || dc_read(c, RAW(c, i), k, sizeof(k), false) < 0) {
		dc_ptr(c, i);
		return;
	}
	rn_sb_puts(sb, "{private=");
	pr_key_serial(sb, (__u32)k[0]);
	rn_sb_puts(sb, ", prime=");
	pr_key_serial(sb, (__u32)k[1]);
	rn_sb_puts(sb, ", base=");
	pr_key_serial(sb, (__u32)k[2]);
	rn_sb_putc(sb, '}');
}

/* struct keyctl_kdf_params: hashname, otherinfo (otherinfolen bytes),
 * otherinfolen, __spare[8]; 52 bytes before the tail padding */
static void pr_kdf_params(struct dctx *c, int i)
{
	struct rn_strbuf *sb = ARG(c, i);
	__u8 raw[52];
	__u64 name, info;
	__u32 w[9];

	if (!RAW(c, i) || dc_read(c, RAW(c, i), raw, sizeof(raw), false) < 0) {
		dc_ptr(c, i);
		return;
	}
	memcpy(&name, raw, sizeof(name));
	memcpy(&info, raw + 8, sizeof(info));
	memcpy(w, raw + 16, sizeof(w));
	rn_sb_puts(sb, "{hashname=");
	pr_str_at(c, sb, name, c->o->strsize);
	rn_sb_puts(sb, ", otherinfo=");
	pr_buf_at(c, sb, info, w[0], false);
	rn_sb_printf(sb, ", otherinfolen=%u", w[0]);
	pr_spare(sb, w + 1, 8);
	rn_sb_putc(sb, '}');
}

/* DH_COMPUTE(params, buf, buflen, kdf): buf is filled, kdf read, at exit */
static void keyctl_dh(struct dctx *c)
{
	__u64 n = (__u64)c->sc->ret < RAW(c, 3) ? (__u64)c->sc->ret : RAW(c, 3);

	pr_dh_params(c, 1);
	c->d->nargs = 5;
	if (dc_stop_unfinished(c, 2))
		return;
	if (c->ok)
		pr_buf_at(c, ARG(c, 2), RAW(c, 2), n, true);
	else
		dc_ptr(c, 2);
	dc_ulong(c, 3);
	pr_kdf_params(c, 4);
}

/*
 * struct keyctl_pkey_params: key_id, in_len, out_len (in2_len for VERIFY),
 * __spare[7]. Returns false (and prints the address) when unreadable; the
 * lengths go to *in_len and *len2.
 */
static bool pr_pkey_params(struct dctx *c, int i, bool verify, __u32 *in_len, __u32 *len2)
{
	struct rn_strbuf *sb = ARG(c, i);
	__u32 p[10];

	if (!RAW(c, i) || dc_read(c, RAW(c, i), p, sizeof(p), false) < 0) {
		dc_ptr(c, i);
		return false;
	}
	rn_sb_puts(sb, "{key_id=");
	pr_key_serial(sb, p[0]);
	rn_sb_printf(sb, ", in_len=%u, %s=%u", p[1], verify ? "in2_len" : "out_len", p[2]);
	pr_spare(sb, p + 3, 7);
	rn_sb_putc(sb, '}');
	*in_len = p[1];
	*len2 = p[2];
	return true;
}

/* PKEY_ENCRYPT/DECRYPT/SIGN(params, info, in, out), PKEY_VERIFY(params,
 * info, in, in2): the buffers as long as params says, out at exit */
static void keyctl_pkey_op(struct dctx *c, __u32 cmd)
{
	bool verify = cmd == 28, known;
	__u32 in_len = 0, len2 = 0;
	__u64 n;

	known = pr_pkey_params(c, 1, verify, &in_len, &len2);
	dc_str(c, 2);
	c->d->nargs = 5;
	if (known)
		pr_buf_at(c, ARG(c, 3), RAW(c, 3), in_len, false);
	else
		dc_ptr(c, 3);
	if (verify) {
		if (known)
			pr_buf_at(c, ARG(c, 4), RAW(c, 4), len2, false);
		else
			dc_ptr(c, 4);
		return;
	}
	if (dc_stop_unfinished(c, 4))
		return;
	n = (__u64)c->sc->ret < len2 ? (__u64)c->sc->ret : len2;
	if (known && c->ok)
		pr_buf_at(c, ARG(c, 4), RAW(c, 4), n, true);
	else
		dc_ptr(c, 4);
}

/* PKEY_QUERY(key, reserved, info, query): the query the call filled */
static void keyctl_pkey_query(struct dctx *c)
{
	struct rn_strbuf *sb = ARG(c, 4);
	__u8 q[56];	/* struct keyctl_pkey_query */
	__u32 w[12];
	__u16 h[4];

	dc_key(c, 1);
	dc_hex(c, 2);
	dc_str(c, 3);
	c->d->nargs = 5;
	if (dc_stop_unfinished(c, 4))
		return;
	if (!c->ok || !RAW(c, 4) || dc_read(c, RAW(c, 4), q, sizeof(q), true) < 0) {
		dc_ptr(c, 4);
		return;
	}
	memcpy(w, q, 8);
	memcpy(h, q + 8, sizeof(h));
	memcpy(w + 2, q + 16, 40);
	rn_sb_puts(sb, "{supported_ops=");
	pr_flags_unk(sb, t3_pkey_supports, w[0], "KEYCTL_SUPPORTS_");
	rn_sb_printf(sb, ", key_size=%u, max_data_size=%u, max_sig_size=%u, max_enc_size=%u, "
		     "max_dec_size=%u", w[1], h[0], h[1], h[2], h[3]);
	pr_spare(sb, w + 2, 10);
	rn_sb_putc(sb, '}');
}

/* The less common commands; false for those shown raw */
static bool keyctl_more(struct dctx *c, __u32 cmd)
{
	const char *e;
	int n = 5;

	switch (cmd) {
	case 12: case 20:	/* INSTANTIATE(key, payload, plen, keyring), _IOV */
		dc_key(c, 1);
		if (cmd == 12)
			pr_buf_at(c, ARG(c, 2), RAW(c, 2), RAW(c, 3), false);
		else
			pr_iov(c, ARG(c, 2), RAW(c, 2), RAW(c, 3), false, 0);
		dc_ulong(c, 3);
		dc_key(c, 4);
		break;
	case 13: case 19:	/* NEGATE(key, timeout, keyring), REJECT(..., error, ...) */
		dc_key(c, 1);
		dc_uint(c, 2);
		e = cmd == 19 ? rn_errno_name((int)RAW(c, 3)) : NULL;
		if (e)
			rn_sb_puts(ARG(c, 3), e);
		else if (cmd == 19)
			dc_uint(c, 3);
		n = cmd == 13 ? 4 : 5;
		dc_key(c, n - 1);
		break;
	case 14:		/* SET_REQKEY_KEYRING(which) */
		if (rn_xlat_name(t3_reqkey_defl, (__u32)RAW(c, 1)))
			rn_sb_puts(ARG(c, 1), rn_xlat_name(t3_reqkey_defl, (__u32)RAW(c, 1)));
		else
			rn_sb_printf(ARG(c, 1), "%d /* KEY_REQKEY_DEFL_??? */", (int)RAW(c, 1));
		n = 2;
		break;
	case 18:		/* SESSION_TO_PARENT() */
		n = 1;
		break;
	case 22:		/* GET_PERSISTENT(uid, keyring) */
		dc_int(c, 1);
		dc_key(c, 2);
		n = 3;
		break;
	case 29:		/* RESTRICT_KEYRING(keyring, type, restriction) */
		dc_key(c, 1);
		dc_str(c, 2);
		dc_str(c, 3);
		n = 4;
		break;
	case 30:		/* MOVE(key, from, to, flags) */
		dc_key(c, 1);
		dc_key(c, 2);
		dc_key(c, 3);
		/* the flags are an int: strace shows the low 32 bits */
		pr_flags_unk(ARG(c, 4), t3_keyctl_move_flags, (__u32)RAW(c, 4), "KEYCTL_MOVE_");
		break;
	case 31:
		keyctl_caps(c);
		return true;
	case 23:
		keyctl_dh(c);
		return true;
	case 24:
		keyctl_pkey_query(c);
		return true;
	case 25: case 26: case 27: case 28:
		keyctl_pkey_op(c, cmd);
		return true;
	default:
		return false;
	}
	c->d->nargs = n;
	return true;
}

void dec_keyctl(struct dctx *c)
{
	__u32 cmd = (__u32)RAW(c, 0);

	rn_xlat_enum_unk(ARG(c, 0), t3_keyctl_cmds, cmd, "KEYCTL_");
	if (keyctl_plain(c, cmd))
		return;
	switch (cmd) {
	case 1:		/* JOIN_SESSION_KEYRING(name) */
		dc_str(c, 1);
		c->d->nargs = 2;
		break;
	case 2:		/* UPDATE(key, payload, plen) */
		dc_key(c, 1);
		pr_buf_at(c, ARG(c, 2), RAW(c, 2), RAW(c, 3), false);
		dc_ulong(c, 3);
		c->d->nargs = 4;
		break;
	case 5:		/* SETPERM(key, perm) */
		dc_key(c, 1);
		dc_lflags_unk(c, 2, t3_key_perms, "KEY_");
		c->d->nargs = 3;
		break;
	case 6: case 17:
		keyctl_read(c, true);
		break;
	case 11:
		keyctl_read(c, false);
		break;
	case 10:	/* SEARCH(keyring, type, description, dest_keyring) */
		dc_key(c, 1);
		dc_str(c, 2);
		dc_str(c, 3);
		dc_key(c, 4);
		c->d->nargs = 5;
		break;
	default:
		if (!keyctl_more(c, cmd))
			dc_generic(c, 1);
	}
}
