/* zero_range.c: BLKZEROOUT on a range of an open block device. */
#ifndef BOOTSTICK_ZERO_RANGE_H
#define BOOTSTICK_ZERO_RANGE_H

#include <node_api.h>

/* Adds zeroOut to `exports`; NULL (with an exception pending) on failure. */
napi_value register_zero_range(napi_env env, napi_value exports);

#endif
