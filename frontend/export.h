/* SPDX-License-Identifier: MIT */
/* renacer export: a recorded JSON Lines trace to another format. */
#ifndef RN_EXPORT_H
#define RN_EXPORT_H

#include <stddef.h>

/*
 * renacer export [--format=perfetto] [-o OUT] TRACE.jsonl, with argv[0] the
 * word "export". Prints the help on stdout for -h. Returns 0, or -errno with
 * a one-line message (no "renacer: ") in err.
 */
int rn_export_main(int argc, char **argv, char *err, size_t errlen);

#endif /* RN_EXPORT_H */
