/* SPDX-License-Identifier: MIT */
/*
 * Internals of the bpf(2) decoder (decode_bpf.c for union bpf_attr,
 * decode_bpf_obj.c for what its pointers lead to): a structure printed from
 * a table of its fields, each shown once the size the caller gave reaches
 * it, the way strace 6.1 prints them. Its tables stop where strace 6.1's
 * did: a newer constant prints as an unknown value, a newer field as ", ...".
 */
#ifndef RN_BPF_INT_H
#define RN_BPF_INT_H

#include "decode_int.h"
#include "syscalls.h"

/* union bpf_attr as strace 6.1 reads it: at most 144 bytes, zero past size */
#define BPF_ATTR_LEN	144

enum bpf_kind {
	BK_U,		/* unsigned decimal */
	BK_X,		/* hex, 0 as "0" */
	BK_PTR,		/* an address, NULL for 0 */
	BK_FD,		/* a descriptor, "<path>" under -y */
	BK_ENUM,	/* a name from x, else "0x2a /\* PFX??? *\/" */
	BK_FLAGS,	/* names from x joined by |, unknown bits in hex */
	BK_NAME,	/* char[16], a NUL-less name cut with "..." */
	BK_STR,		/* the string at the address, cut at -s */
	BK_PATH,	/* the string at the address, whole */
	BK_KVER,	/* KERNEL_VERSION(5, 10, 3) */
	BK_LOG,		/* the string at the address, at most the u32 at aux bytes */
	BK_BUF,		/* the bytes at the address, as many as the u32 at aux */
	BK_INSNS,	/* eBPF instructions, as many as the u32 at aux (-v) */
	BK_INOUT,	/* a u32 the call may change: "4 => 2" */
	BK_IDS,		/* u32 ids the call wrote, as many as the u32 at aux says at exit */
	BK_OUTSTR,	/* a string the call wrote, the u32 at aux its length at exit */
	BK_INFO,	/* BPF_OBJ_GET_INFO_BY_FD's bpf_prog_info / bpf_map_info */
	BK_TAG,		/* u8[8] in hex */
	BK_HEXBUF,	/* bytes the call wrote, in hex, the u32 at aux their count */
	BK_XLATED,	/* instructions the call wrote, the u32 at aux their bytes */
	BK_TIME,	/* ns since boot, with the date it was */
	BK_GPL,		/* bit 0 of the u32 */
	BK_DEV,		/* makedev(major, minor) */
};

struct bpf_field {
	const char *name;
	__u8 off;	/* byte offset in the structure */
	__u8 len;	/* 4 or 8 */
	__u8 kind;	/* enum bpf_kind */
	__u8 after;	/* shown when the size given is past this offset */
	__u8 aux;	/* offset of the u32 length or count the field goes with */
	__u8 if_off;	/* with if_mask: shown only when the u32 there has one of */
	__u32 if_mask;	/* these bits (numa_node, old_prog_fd) */
	const struct rn_xlat *x;
	const char *pfx;
};

/* One structure being printed, as the call found it and as it left it. */
struct bpf_view {
	struct dctx *c;
	struct rn_strbuf *sb;
	const __u8 *in;		/* at entry, zero past the size given */
	const __u8 *out;	/* at exit; in when there is no exit copy */
	__u64 size;		/* the size given */
	bool late;		/* plain fields from out (all printed at exit) */
	bool whole_names;	/* names not cut at size (filled-in info structs) */
};

#define BPF_FIELDS(v, f)	bpf_fields(v, f, sizeof(f) / sizeof((f)[0]))

/* The fields of f the size reaches, ", "-separated. */
void bpf_fields(struct bpf_view *v, const struct bpf_field *f, size_t n);
/* The 1, 2, 4 or 8 byte little-endian value at off. */
__u64 bpf_get(const __u8 *a, size_t off, size_t len);
/* ", ..." (under -v the bytes as extra_data) when a byte of a is set in
 * [end, n); the bytes shown go on to size, read at addr. */
void pr_bpf_tail(struct dctx *c, struct rn_strbuf *sb, const __u8 *a, size_t end, size_t n,
		 __u64 addr, __u64 size, bool out);

typedef void (*bpf_elem_fn)(struct dctx *c, struct rn_strbuf *sb, const __u8 *e);
/* decode_bpf_obj.c: [a, b, ...], n elements of size (at most 8) bytes at
 * addr; out: the call wrote them (the address when it failed) */
void pr_bpf_array(struct dctx *c, struct rn_strbuf *sb, __u64 addr, __u64 n, size_t size,
		  bpf_elem_fn fn, bool out);
/* n eBPF instructions at addr under -v, else the address */
void pr_bpf_insns(struct dctx *c, struct rn_strbuf *sb, __u64 addr, __u64 n, bool out);
/* a value of the info structures' own kinds (BK_TAG and on) */
void pr_bpf_obj_value(struct bpf_view *v, const struct bpf_field *f, const __u8 *a);
/* BPF_OBJ_GET_INFO_BY_FD's info, at exit; v holds the attr */
void pr_bpf_info(struct bpf_view *v);
/* BPF_LINK_CREATE past flags, as its attach type reads the union; returns
 * where the fields shown end */
size_t pr_bpf_link_target(struct bpf_view *v);

extern const struct rn_xlat bpf_prog_types[], bpf_map_types[], bpf_map_flags[];

#endif /* RN_BPF_INT_H */
