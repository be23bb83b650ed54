/* SPDX-License-Identifier: MIT */
/*
 * The .rnb trace file: raw event records as the backends deliver them,
 * written by `renacer record` and decoded later by `renacer report`
 * (docs/rnb-format.md describes the layout byte by byte).
 *
 *   header (struct rnb_header, 256 bytes)
 *   chunk*  (struct rnb_chunk + len bytes of frames, checksummed)
 *   the last chunk is RNB_CHUNK_TRAILER: a file without one was cut short
 *
 * A frame is struct rnb_frame + its body, 8-byte aligned: an event (the
 * struct rn_event header and payload_len bytes of payload exactly as the
 * backend made it, then the RN_REG_LIVE regions read from the live task at
 * record time), a process name or a cgroup path.
 *
 * All integers little-endian (the machine's: the file is read where it can
 * be decoded, an x86_64 Linux with the same event layout).
 */
#ifndef RN_RNB_H
#define RN_RNB_H

#include <linux/types.h>
#include <stdbool.h>
#include <stddef.h>

#include "../event.h"

#define RNB_MAGIC "\x89RNB\r\n\x1a\n"
#define RNB_VERSION 1
#define RNB_HEADER_SIZE 256

/* rn_region.flags: bytes read from the live task while it was stopped at
 * record time (ptrace), not captured by the backend. They follow the
 * event's payload in its frame; a reader strips them before decoding and
 * serves them through the memory source. With RN_REG_FDPATH: addr is a
 * descriptor of the event's process, the bytes its path. */
#define RN_REG_LIVE (1u << 15)
/* With RN_REG_STACK too (ptrace -k & co): the addresses of the call's
 * frames, innermost first, 8 bytes each, at this address, one no pointer
 * argument can hold (non-canonical), so that a reader that does not know
 * the flag never serves them as memory. */
#define RNB_STACK_ADDR (1ull << 63)

/* rnb_header.flags */
#define RNB_H_ENTRIES	(1u << 0) /* RN_EV_ENTRY notices were recorded */
#define RNB_H_LIVE	(1u << 1) /* the backend could read live memory (ptrace) */
#define RNB_H_STACKS	(1u << 2) /* user stacks were taken (-k, --source, ...):
				   * RN_REG_STACK regions and RNB_FR_MAP frames */

struct rnb_header {
	char magic[8];		/* RNB_MAGIC */
	__u32 version;		/* RNB_VERSION; a reader refuses a newer one */
	__u32 header_size;	/* RNB_HEADER_SIZE */
	__u32 event_hdr_size;	/* RN_EVENT_HDR_SIZE of the writer */
	__u32 payload_max;	/* RN_PAYLOAD_MAX of the writer */
	__u32 nr_max;		/* RN_NR_MAX */
	__u32 flags;		/* RNB_H_* */
	__u64 sctable_hash;	/* rnb_sctable_hash() of the writer's syscall table */
	__s64 realtime_off_ns;	/* CLOCK_REALTIME - CLOCK_MONOTONIC at record start */
	__s64 boottime_off_ns;	/* CLOCK_BOOTTIME - CLOCK_MONOTONIC at record start */
	__u64 start_mono_ns;	/* CLOCK_MONOTONIC at record start */
	char backend[16];	/* "ebpf", "ptrace" */
	char kernel[64];	/* uname -r of the recording machine */
	char arch[16];		/* uname -m */
	__u32 sctable_count;	/* syscalls with a name in the writer's table */
	__u32 _rsv0;
	__u8 _rsv[88];
};

enum rnb_chunk_type {
	RNB_CHUNK_FRAMES = 1,	/* frames */
	RNB_CHUNK_TRAILER = 2,	/* struct rnb_trailer; the end of the file */
};

#define RNB_CHUNK_MAGIC 0x4b4e4843u	/* "CHNK" */

struct rnb_chunk {
	__u32 magic;		/* RNB_CHUNK_MAGIC */
	__u32 type;		/* enum rnb_chunk_type */
	__u32 len;		/* bytes that follow (a multiple of 8) */
	__u32 nframes;
	__u64 sum;		/* rnb_checksum() of those bytes */
};

enum rnb_frame_kind {
	RNB_FR_EVENT = 1,	/* struct rn_event header + payload + live regions */
	RNB_FR_PROC = 2,	/* struct rnb_proc */
	RNB_FR_CGROUP = 3,	/* struct rnb_cgroup + path bytes */
	RNB_FR_MAP = 4,		/* struct rnb_map + path bytes */
};

struct rnb_frame {
	__u32 len;		/* bytes of the frame, this header included, 8-aligned */
	__u16 kind;		/* enum rnb_frame_kind */
	__u16 _rsv;
};

/* A task's name as renacer saw it when the task first appeared (and again
 * after an execve). */
struct rnb_proc {
	__u32 tid;
	__u32 tgid;
	__u64 cgroup_id;	/* 0 when unknown */
	char comm[16];
};

/* A cgroup v2 id and its path under the cgroup2 mount. */
struct rnb_cgroup {
	__u64 id;
	__u32 path_len;		/* bytes of path that follow (no NUL) */
	__u32 _rsv;
};

/* An executable file mapping of a process, written when renacer first
 * learns it (the process's first stack, again after an execve; a mapping
 * the kernel describes with a record): what report symbolizes the recorded
 * stacks' addresses against. */
#define RNB_BUILD_ID_MAX 32
struct rnb_map {
	__u32 tgid;
	__u32 path_len;		/* bytes of path that follow (no NUL) */
	__u64 start, end;
	__u64 off;		/* file offset of start */
	__u64 ino;
	__u32 dev_major, dev_minor;
	__u8 build_id[RNB_BUILD_ID_MAX];	/* the file's GNU build id */
	__u8 build_id_len;	/* 0: none could be read */
	__u8 _rsv[7];
};

struct rnb_trailer {
	__u64 events;		/* event frames written */
	__u64 lost;		/* records the backend reported lost (RN_EV_LOST sum) */
	__s32 exit_status;	/* wait status of the command, or -1 */
	__u32 _rsv;
	__u64 end_mono_ns;
	__u64 _rsv2[4];
};

_Static_assert(sizeof(struct rnb_header) == RNB_HEADER_SIZE, "rnb_header size");
_Static_assert(sizeof(struct rnb_chunk) == 24, "rnb_chunk size");
_Static_assert(sizeof(struct rnb_frame) == 8, "rnb_frame size");
_Static_assert(sizeof(struct rnb_trailer) == 64, "rnb_trailer size");
_Static_assert(sizeof(struct rnb_map) == 88, "rnb_map size");

/* A fast 64-bit checksum of len bytes (len a multiple of 8). */
__u64 rnb_checksum(const void *p, size_t len);
/* A hash of the syscall table (number and name of every row) and the count
 * of named rows: a file from a machine with another table is flagged. */
__u64 rnb_sctable_hash(__u32 *count);

/* --- writing (rnb_write.c) --- */

struct rnb_writer;

struct rnb_write_info {
	const char *backend;
	unsigned flags;		/* RNB_H_* */
};

/*
 * Write the header to fd (opened for writing, empty; the writer owns it from
 * now on, even on failure; path names it in messages). A writer thread does
 * the writes: appends only copy into a buffer. Returns NULL + errno, with a
 * message in err.
 */
struct rnb_writer *rnb_writer_open(int fd, const char *path, const struct rnb_write_info *info,
				   char *err, size_t errlen);
/* Append one event exactly as delivered, followed by nlive live regions
 * (already encoded: struct rn_region + bytes padded to 8, live_len bytes).
 * Returns 0 or -errno (a write error; said once by rnb_writer_close). */
int rnb_writer_event(struct rnb_writer *w, const struct rn_event *ev, const void *live,
		     size_t live_len);
int rnb_writer_proc(struct rnb_writer *w, const struct rnb_proc *p);
int rnb_writer_cgroup(struct rnb_writer *w, __u64 id, const char *path, size_t len);
/* m and its path (path_len bytes, "[vdso]" or an absolute path). */
int rnb_writer_map(struct rnb_writer *w, const struct rnb_map *m, const char *path);
/* Write what is buffered, the trailer (the command's wait status or -1, the
 * records the backend lost), and close. Returns 0 or -errno of the first
 * failed write. */
int rnb_writer_close(struct rnb_writer *w, __s32 exit_status, __u64 lost);
/* Events appended and bytes written or buffered so far. */
__u64 rnb_writer_events(const struct rnb_writer *w);
__u64 rnb_writer_bytes(const struct rnb_writer *w);

/* --- reading (rnb_read.c) --- */

struct rnb_reader {
	const __u8 *map;	/* the whole file, mapped */
	size_t size;
	struct rnb_header hdr;
	size_t off;		/* next chunk */
	size_t chunk_end;	/* end of the current chunk's frames, or 0 */
	__u32 chunk_left;	/* frames left in the current chunk */
	bool done;		/* the trailer was read */
	bool partial;		/* the current chunk is cut short: unchecked */
	struct rnb_trailer trailer;
	char err[256];		/* why rnb_reader_next() failed, with the offset */
};

struct rnb_item {
	unsigned kind;		/* enum rnb_frame_kind */
	size_t off;		/* of the frame in the file */
	const void *body;	/* after the struct rnb_frame */
	size_t len;		/* bytes of body */
};

/* Map path and check its header. Returns 0, or -errno with a one-line
 * reason in r->err (not a .rnb file, a newer version, another event
 * layout). */
int rnb_reader_open(struct rnb_reader *r, const char *path);
/* Check a header in memory (the same checks as rnb_reader_open). */
int rnb_header_check(const struct rnb_header *h, size_t size, char *err, size_t errlen);
/* The next frame: 1 with it in *it, 0 at the trailer, -EBADMSG (a corrupt
 * or truncated file; r->err says where) or -errno. */
int rnb_reader_next(struct rnb_reader *r, struct rnb_item *it);
void rnb_reader_close(struct rnb_reader *r);

/* The event of an RNB_FR_EVENT frame copied into ev (header and payload),
 * with its live regions at *live, *live_len bytes. Returns 0 or -EBADMSG
 * (payload_len or the frame length inconsistent). */
int rnb_item_event(const struct rnb_item *it, struct rn_event *ev, const void **live,
		   size_t *live_len);

/* --- the file backend (file.c) --- */

struct rn_backend;

/* Open a .rnb file as a backend whose poll() replays its records. Returns
 * NULL + errno with a one-line message in err (no such file, not a .rnb
 * file, a newer format version). A file that goes bad later says so through
 * poll()'s -EBADMSG and rn_backend_error(), after the records before the
 * bad byte. */
struct rn_backend *rn_file_open(const char *path, char *err, size_t errlen);
/* The header of the file b replays. */
const struct rnb_header *rn_file_header(const struct rn_backend *b);
/* Hand each cgroup path the file records to fn (the frontend's cgroup
 * cache), as it comes by: ids then name the recording machine's cgroups. */
void rn_file_on_cgroup(struct rn_backend *b, void (*fn)(__u64 id, const char *path));
/* The last name recorded for tid so far, or NULL. */
const char *rn_file_comm(const struct rn_backend *b, __u32 tid);
/* Serve the recorded stacks (rn_memsrc.stack_rec) from now on: 0, -ENODATA
 * (the file has none: recorded without -k) or -ENOTSUP (this renacer
 * cannot unwind them), with a message in err. */
int rn_file_stacks(struct rn_backend *b, int verbose, char *err, size_t errlen);

/* The GNU build id of the ELF file at path into id (RNB_BUILD_ID_MAX bytes
 * at most): its length, or 0 when it has none or cannot be read
 * (buildid.c). */
unsigned rnb_build_id(const char *path, __u8 *id);

#endif /* RN_RNB_H */
