/* SPDX-License-Identifier: MIT */
/* Opening -o files safely: no symlink planted in /tmp, no file for others. */
#ifndef RN_OUTFILE_H
#define RN_OUTFILE_H

#include <stdio.h>

enum rn_outfile_mode {
	RN_OUT_TRUNCATE,	/* -o FILE: create or empty it */
	RN_OUT_FRESH,		/* -ff's FILE.PID: create it, or empty our own */
	RN_OUT_APPEND,		/* -ff's FILE.PID of a reused thread id */
};

/*
 * Open name for writing, close-on-exec. A new file is created 0600 (less the
 * umask); an existing one keeps its mode, so a user who wants other
 * permissions creates the file first. The last component is never followed
 * when it is a symbolic link in a world-writable sticky directory (/tmp: a
 * link planted there by another user); elsewhere a link (/dev/stdout) is
 * followed. RN_OUT_FRESH creates with O_EXCL, and empties an existing file
 * only if it is a regular file owned by renacer's user (a link is refused).
 * Returns the stream, or
 * NULL with errno set and a one-line message (no "renacer: ") in err.
 */
FILE *rn_outfile_open(const char *name, enum rn_outfile_mode mode, char *err, size_t errlen);

#endif /* RN_OUTFILE_H */
