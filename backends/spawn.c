// SPDX-License-Identifier: MIT
#include "spawn.h"

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int rn_spawn_resolve(const char *cmd, char *path, size_t len)
{
	const char *p, *dirs = getenv("PATH");
	int err = -ENOENT;
	struct stat st;

	if (strchr(cmd, '/')) {
		if (snprintf(path, len, "%s", cmd) >= (int)len)
			return -ENAMETOOLONG;
		return stat(path, &st) < 0 ? -errno : 0;
	}
	if (!dirs || !*dirs)
		dirs = "/usr/local/bin:/usr/bin:/bin";
	for (p = dirs;; p += strcspn(p, ":") + 1) {
		size_t n = strcspn(p, ":");

		/* An empty PATH element means the current directory. */
		if (snprintf(path, len, "%.*s%s%s", (int)n, p, n ? "/" : "", cmd) < (int)len &&
		    stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
			if (access(path, X_OK) == 0)
				return 0;
			err = -EACCES;
		}
		if (!p[n])
			break;
	}
	return err;
}

int rn_spawn_become(long uid, long gid)
{
	struct passwd *pw;

	/* -u naming renacer's own user, not as root: nothing to change (and
	 * setgroups would need root) */
	if (geteuid() != 0 && (uid < 0 || (uid_t)uid == geteuid()) &&
	    (gid < 0 || (gid_t)gid == getegid()))
		return 0;
	pw = uid >= 0 ? getpwuid((uid_t)uid) : NULL;
	if (gid >= 0) {
		gid_t g = (gid_t)gid;

		if ((!pw || initgroups(pw->pw_name, g) < 0) && setgroups(1, &g) < 0)
			return -errno;
		if (setgid(g) < 0)
			return -errno;
	}
	if (uid >= 0 && setuid((uid_t)uid) < 0)
		return -errno;
	return 0;
}

static sigset_t saved_mask, saved_ignored;
static bool signals_saved;

void rn_spawn_save_signals(void)
{
	struct sigaction sa;

	sigemptyset(&saved_ignored);
	sigprocmask(SIG_SETMASK, NULL, &saved_mask);
	for (int sig = 1; sig < NSIG; sig++)
		if (sigaction(sig, NULL, &sa) == 0 && sa.sa_handler == SIG_IGN)
			sigaddset(&saved_ignored, sig);
	signals_saved = true;
}

bool rn_spawn_signal_ignored(int sig)
{
	return signals_saved && sigismember(&saved_ignored, sig) == 1;
}

void rn_spawn_restore_signals(void)
{
	struct sigaction ign = { .sa_handler = SIG_IGN };

	if (!signals_saved)
		return;
	sigemptyset(&ign.sa_mask);
	for (int sig = 1; sig < NSIG; sig++)
		if (sigismember(&saved_ignored, sig) == 1)
			sigaction(sig, &ign, NULL);
	sigprocmask(SIG_SETMASK, &saved_mask, NULL);
}
