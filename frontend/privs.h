/* SPDX-License-Identifier: MIT */
/* Privileges: a setuid install gives nobody more than they had, and -u. */
#ifndef RN_PRIVS_H
#define RN_PRIVS_H

#include <stddef.h>
#include <sys/types.h>

/*
 * Installed setuid or setgid (real and effective ids differ): become the real
 * user and group for good, before anything else is read or opened. The
 * command then runs with the real user's credentials, -o files are opened as
 * that user, -p attaches only where that user could (the kernel checks), and
 * eBPF needs that user's own capabilities, which it does not have.
 * Returns 1 when privileges were dropped, 0 when there were none to drop, or
 * -errno (the caller must then refuse to run).
 */
int rn_privs_drop(void);

/*
 * -u USER: a user name, a numeric uid (its group from the password database,
 * or the same number when it has no entry) or UID:GID. 0 with the ids set,
 * or -EINVAL with a message in err. Refused (-EPERM) when renacer is not root
 * and USER is not its own user.
 */
int rn_privs_user(const char *spec, long *uid, long *gid, char *err, size_t errlen);

#endif /* RN_PRIVS_H */
