/* SPDX-License-Identifier: MIT */
/*
 * Constant tables ("xlat"): value/name pairs printed as enums or flag sets.
 * A table ends with a NULL name. Flag tables list composite values (O_SYNC,
 * STATX_BASIC_STATS) before their parts, so the first match takes the bits.
 */
#ifndef RN_XLAT_H
#define RN_XLAT_H

#include <linux/types.h>

#include "strbuf.h"

struct rn_xlat {
	__u64 val;
	const char *str;
};

#define XLAT(v)		{ .val = (v), .str = #v }
#define XLAT_PAIR(v, s)	{ .val = (v), .str = (s) }
#define XLAT_END	{ .str = NULL }

/* Name of val in x, or NULL. */
const char *rn_xlat_name(const struct rn_xlat *x, __u64 val);
/* Name of val, or val printed with fmt (a printf format taking a long long). */
void rn_xlat_enum(struct rn_strbuf *sb, const struct rn_xlat *x, __u64 val, const char *fmt);
/* As above, unknown values print as "0x1234 /\* PFX??? *\/" (strace's style). */
void rn_xlat_enum_unk(struct rn_strbuf *sb, const struct rn_xlat *x, __u64 val,
		      const char *pfx);
/*
 * val as NAME|NAME|0x..., leftover bits in hex. 0 prints as the table's
 * zero entry (if any) else "0". Returns the number of names printed.
 */
int rn_xlat_flags(struct rn_strbuf *sb, const struct rn_xlat *x, __u64 val);

/*
 * Tables (syscalls/xlat_tables.c) the decoders use by name; the ones only
 * syscalls.def names are declared by the generated table.
 */
extern const struct rn_xlat rn_xl_open_access[], rn_xl_open_flags[], rn_xl_at_flags[],
	rn_xl_access_modes[], rn_xl_fcntl_cmds[], rn_xl_fd_flags[], rn_xl_seek[],
	rn_xl_mmap_prot[], rn_xl_mmap_type[], rn_xl_mmap_flags[], rn_xl_madvise[],
	rn_xl_mremap_flags[], rn_xl_clone_flags[], rn_xl_wait_options[], rn_xl_idtypes[],
	rn_xl_sigprocmask_how[], rn_xl_sa_flags[], rn_xl_address_families[],
	rn_xl_socket_types[], rn_xl_socket_flags[], rn_xl_ip_protocols[],
	rn_xl_msg_flags[], rn_xl_shutdown_how[], rn_xl_poll_events[], rn_xl_epoll_events[],
	rn_xl_epoll_ctl_ops[], rn_xl_epoll_flags[], rn_xl_futex_ops[], rn_xl_prctl_opts[],
	rn_xl_arch_prctl_codes[], rn_xl_rlimits[], rn_xl_grnd_flags[], rn_xl_rename_flags[],
	rn_xl_clocks[], rn_xl_timer_flags[], rn_xl_ioctls[], rn_xl_statx_masks[],
	rn_xl_statx_attrs[], rn_xl_statx_sync[], rn_xl_resolve_flags[], rn_xl_dirent_types[],
	rn_xl_file_types[], rn_xl_lock_types[], rn_xl_dumpable[], rn_xl_netlink_protocols[],
	rn_xl_shmctl_cmds[], rn_xl_msgctl_cmds[], rn_xl_semctl_cmds[],
	rn_xl_inotify_flags[], rn_xl_pipe_flags[], rn_xl_sfd_flags[], rn_xl_efd_flags[],
	rn_xl_tfd_flags[], rn_xl_memfd_flags[], rn_xl_close_range_flags[], rn_xl_mlockall[],
	rn_xl_msync_flags[], rn_xl_unshare_flags[], rn_xl_fs_magic[], rn_xl_statfs_flags[],
	rn_xl_itimer_which[], rn_xl_lock_ops[], rn_xl_fadvise[], rn_xl_falloc_flags[],
	rn_xl_at_flags_statx[], rn_xl_priority_which[], rn_xl_access_at_flags[],
	rn_xl_capabilities[], rn_xl_inotify_mask[], rn_xl_sched_policies[], rn_xl_splice_flags[],
	rn_xl_eth_protocols[], rn_xl_packet_types[];

#endif /* RN_XLAT_H */
