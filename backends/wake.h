/* SPDX-License-Identifier: MIT */
/*
 * The session's wake-up timer (--summary-interval, --metrics): a periodic
 * SIGALRM that interrupts the backend's blocking wait, and only that wait.
 *
 * Once armed, SIGALRM stays blocked in the tracing thread except inside the
 * backends' waits (epoll_pwait's mask on eBPF; unblocked around waitpid on
 * ptrace), so it never interrupts a write of the trace to a pipe or a
 * terminal (which stdio would take as a write error). A tick that lands just
 * before a ptrace wait is taken at the next one: periodic output may be one
 * period late, never lost.
 */
#ifndef RN_WAKE_H
#define RN_WAKE_H

#include <signal.h>
#include <stdbool.h>

/* Wake the tracing thread at least every seconds (several callers: the
 * shortest period wins). Call from the tracing thread. */
void rn_wake_every(double seconds);
/* Stop the timer and unblock SIGALRM (after the trace loop). */
void rn_wake_stop(void);
/* The mask for a blocking wait (epoll_pwait), or NULL when no timer runs. */
const sigset_t *rn_wake_wait_mask(void);
/* Around a blocking wait without a mask argument (waitpid). */
void rn_wake_wait_begin(void);
void rn_wake_wait_end(void);

#endif /* RN_WAKE_H */
