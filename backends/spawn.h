/* SPDX-License-Identifier: MIT */
/* What both backends do to start a command: find it, and become -u USER. */
#ifndef RN_SPAWN_H
#define RN_SPAWN_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/*
 * Find cmd as execvp() would (PATH, or the default path when PATH is unset or
 * empty), so the traced execve shows the full path, as strace's does, and a
 * missing command is reported before forking. A name with a '/' is taken as
 * is but must exist. 0 with the path in path, or -ENOENT, -EACCES,
 * -ENAMETOOLONG.
 */
int rn_spawn_resolve(const char *cmd, char *path, size_t len);

/* In the child, before exec: become uid/gid (each -1 to keep), with the
 * user's supplementary groups. 0 or -errno. */
int rn_spawn_become(long uid, long gid);

/*
 * The signal dispositions and mask renacer was started with, saved once by
 * main() before it installs any handler: the command gets them back (an
 * ignored SIGHUP under nohup stays ignored for it, as under strace), and
 * renacer keeps ignoring what it was told to ignore.
 */
void rn_spawn_save_signals(void);

/* Was sig ignored (SIG_IGN) when rn_spawn_save_signals() ran? */
bool rn_spawn_signal_ignored(int sig);

/* In the child, before exec: the saved mask, and SIG_IGN for every signal
 * that was ignored (exec resets handled ones to SIG_DFL by itself). */
void rn_spawn_restore_signals(void);

#endif /* RN_SPAWN_H */
