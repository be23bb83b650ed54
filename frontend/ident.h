/* SPDX-License-Identifier: MIT */
/*
 * Who made each record, as the sinks print it: the record's identity fields
 * (backends/event.h, RN_F_IDENT) in JSON and CSV, the path arguments of a
 * call as plain strings, the --comm filter on the user-space side.
 */
#ifndef RN_IDENT_H
#define RN_IDENT_H

#include <stdbool.h>
#include <stddef.h>

#include "../backends/event.h"
#include "../syscalls/decode.h"
#include "../syscalls/strbuf.h"
#include "options.h"

/* The version of the JSON record layout (docs/json-schema.md): bumped on
 * an incompatible change, not when a field is added. */
#define RN_JSON_SCHEMA 1
#define RN_STR_(x) #x
#define RN_STR(x) RN_STR_(x)

/* ev's comm as text (printable ASCII; other bytes, '\\', '<' and '>' as
 * \xHH) into buf (at least 64 bytes); "" without RN_F_IDENT. */
void rn_ident_comm(const struct rn_event *ev, char *buf, size_t len);

/* JSON members for ev: ,"comm":..,"ppid":..,"uid":..,"gid":..,"cgroup":..
 * and ,"container":.. when the cgroup names one. Nothing without RN_F_IDENT. */
void rn_ident_json(const struct rn_event *ev, struct rn_strbuf *out);

/* ,"paths":["/etc/hostname",...]: the call's path arguments (syscall
 * table role 'p') as plain JSON strings, unquoted from their C-escaped
 * text; nothing when it has none. */
void rn_ident_json_paths(const struct rn_event *ev, const struct rn_decoded *d,
			 struct rn_strbuf *out);

/* Undo strace's C escaping of a quoted string s[0..n) ("\"/a\\nb\"") into
 * out (raw bytes). False when s is not one whole quoted string (an
 * address, NULL, a string cut short: "..."...). */
bool rn_ident_unquote(const char *s, size_t n, struct rn_strbuf *out);

/* --comm on the user-space side: does ev's task have one of the names?
 * (true without --comm or without identity). */
bool rn_ident_comm_wanted(const struct rn_opts *o, const struct rn_event *ev);

struct rn_stats;
/* Name the tables of s by cgroup path and container (frontend/cgroup.c). */
void rn_ident_stats_namer(struct rn_stats *s);

/* --summary-by=cgroup|container metrics: the group's labels
 * (cgroup="/a/b", or container="ID") into buf; false for the other keys. */
bool rn_metrics_ident_labels(int key, const struct rn_event *ev, char *buf, size_t len);
/* container="ID", after a process's or thread's labels, when its cgroup
 * names one. */
void rn_metrics_container_label(const struct rn_event *ev, struct rn_strbuf *sb);

#endif /* RN_IDENT_H */
