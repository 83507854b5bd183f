/*
 * zero_range: zeroOut(fd, offset, length) -> undefined
 *
 * Makes [offset, offset + length) of the block device open as `fd` read back as zeros, with the
 * BLKZEROOUT ioctl: the kernel uses the device's write-zeroes offload where it has one (a loop
 * device punches or zeroes the range in its backing file; an NVMe drive has WRITE ZEROES) and
 * writes zero pages itself otherwise. Bootstick calls it only where sysfs says the device offloads
 * (queue/write_zeroes_max_bytes > 0), so zeroing a sparse image's holes costs next to nothing.
 * Offset and length must be multiples of 512 (the ioctl's own rule). Errors are thrown with the
 * errno name as `code`.
 */

#define _FILE_OFFSET_BITS 64
#define _GNU_SOURCE

#include <errno.h>
#include <linux/fs.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>

#include <node_api.h>

#include "zero_range.h"

#define MAX_SAFE_INTEGER 9007199254740991.0

static napi_value throw_code(napi_env env, int err) {
  char message[160];
  const char *code = err == EINVAL ? "EINVAL"
                     : err == EBADF ? "EBADF"
                     : err == EIO ? "EIO"
                     : err == EOPNOTSUPP ? "EOPNOTSUPP"
                     : err == ENOTTY ? "ENOTTY"
                     : err == EPERM ? "EPERM"
                     : err == EACCES ? "EACCES"
                     : err == ENOSPC ? "ENOSPC"
                     : "EUNKNOWN";
  snprintf(message, sizeof message, "BLKZEROOUT: %s (%s)", strerror(err), code);
  napi_throw_error(env, code, message);
  return NULL;
}

static napi_value zero_out(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok) return NULL;
  int32_t fd;
  double offset, length;
  if (argc < 3 || napi_get_value_int32(env, argv[0], &fd) != napi_ok ||
      napi_get_value_double(env, argv[1], &offset) != napi_ok ||
      napi_get_value_double(env, argv[2], &length) != napi_ok || fd < 0 || offset < 0 || length <= 0 ||
      offset > MAX_SAFE_INTEGER || length > MAX_SAFE_INTEGER) {
    napi_throw_type_error(env, NULL, "zeroOut(fd, offset, length): a descriptor and a non-empty range");
    return NULL;
  }
  uint64_t range[2] = {(uint64_t)offset, (uint64_t)length};
  if ((range[0] % 512) != 0 || (range[1] % 512) != 0) return throw_code(env, EINVAL);
  int r;
  do {
    r = ioctl(fd, BLKZEROOUT, range);
  } while (r != 0 && errno == EINTR);
  if (r != 0) return throw_code(env, errno);
  return NULL;
}

napi_value register_zero_range(napi_env env, napi_value exports) {
  napi_value fn;
  if (napi_create_function(env, "zeroOut", NAPI_AUTO_LENGTH, zero_out, NULL, &fn) != napi_ok ||
      napi_set_named_property(env, exports, "zeroOut", fn) != napi_ok)
    return NULL;
  return exports;
}
