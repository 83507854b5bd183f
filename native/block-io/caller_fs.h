/* caller_fs.c: filesystem calls made with the rights of the person who started the helper. */
#ifndef BOOTSTICK_CALLER_FS_H
#define BOOTSTICK_CALLER_FS_H

#include <node_api.h>

/* Adds openAs, mkdirAs and unlinkAs to `exports`; NULL (with an exception pending) on failure. */
napi_value register_caller_fs(napi_env env, napi_value exports);

#endif
