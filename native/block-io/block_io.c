/*
 * block_io: the two things the helper's block I/O needs that Node cannot do by itself (and, in
 * caller_fs.c, opening files with the rights of the person who started the helper).
 *
 *   dataExtents(fd: number) -> Array<[offset: number, length: number]>
 *   alignedBuffer(size: number, alignment: number) -> Buffer   (see below)
 *
 * dataExtents lists the data extents of a (possibly sparse) file: Node's `fs` has no lseek(), so
 * SEEK_DATA / SEEK_HOLE need native code.
 *
 * Each pair is a byte range [offset, offset + length) that may hold data; everything outside the
 * returned ranges is a hole (reads as zeros, no blocks allocated). Pairs are sorted, do not
 * overlap and cover up to the file size as seen while walking. Granularity is whatever the
 * filesystem reports (usually its block size), so an extent may be larger than what was written,
 * never smaller. If the filesystem cannot report holes, the whole file is one extent.
 *
 * Errors other than "no more data" / "not supported" are thrown as a JS Error whose `code` is the
 * errno name (e.g. 'EBADF') and whose `errno` is the number, like Node's own fs errors.
 *
 * Written in plain C against node_api.h (N-API): ABI-stable, so the same .node file works in
 * Node and Electron without a rebuild per runtime.
 */

/* 64-bit off_t on every platform (a no-op on x86-64, needed on 32-bit) and SEEK_DATA/SEEK_HOLE,
 * which glibc only declares with _GNU_SOURCE. Both must come before any system header. */
#define _FILE_OFFSET_BITS 64
#define _GNU_SOURCE

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <node_api.h>

#include "caller_fs.h"
#include "zero_range.h"

/* Largest integer a JS number represents exactly (2^53 - 1). Offsets beyond it cannot be handed
 * to JS without silently losing precision, so we refuse them instead. */
#define MAX_SAFE_INTEGER 9007199254740991LL

/* Bail out of the current function with NULL if an N-API call failed; N-API has then usually
 * set a pending JS exception already, and if not we raise a generic one so the failure is never
 * silent. */
#define NAPI_CALL(env, call)                                                   \
  do {                                                                         \
    if ((call) != napi_ok) {                                                   \
      bool pending = false;                                                    \
      napi_is_exception_pending((env), &pending);                              \
      if (!pending) napi_throw_error((env), NULL, "N-API call failed: " #call); \
      return NULL;                                                             \
    }                                                                          \
  } while (0)

/* Map the errno values we can meet here to their names, so JS callers can test `err.code` the
 * same way as for Node's fs errors. Anything unexpected still gets a (generic) code. */
static const char *errno_name(int err) {
  switch (err) {
  case EBADF: return "EBADF";
  case EINVAL: return "EINVAL";
  case ENXIO: return "ENXIO";
  case EOVERFLOW: return "EOVERFLOW";
  case ESPIPE: return "ESPIPE";
  case EIO: return "EIO";
  case EISDIR: return "EISDIR";
  case ENOENT: return "ENOENT";
  case EACCES: return "EACCES";
  case EPERM: return "EPERM";
  case EINTR: return "EINTR";
#if defined(EOPNOTSUPP)
  case EOPNOTSUPP: return "EOPNOTSUPP";
#endif
#if defined(ENOTSUP) && (!defined(EOPNOTSUPP) || ENOTSUP != EOPNOTSUPP)
  case ENOTSUP: return "ENOTSUP";
#endif
  default: return "EUNKNOWN";
  }
}

/* Throw `new Error("<syscall>: <strerror> (<CODE>)")` with err.code = CODE and err.errno = -err
 * (negative, as libuv/Node report it). Always returns NULL so callers can `return throw_errno()`.
 */
static napi_value throw_errno(napi_env env, int err, const char *syscall) {
  const char *code = errno_name(err);
  char message[256];
  snprintf(message, sizeof message, "%s: %s (%s)", syscall, strerror(err), code);

  napi_value js_code, js_message, js_error, js_errno, js_syscall;
  if (napi_create_string_utf8(env, code, NAPI_AUTO_LENGTH, &js_code) != napi_ok ||
      napi_create_string_utf8(env, message, NAPI_AUTO_LENGTH, &js_message) != napi_ok ||
      napi_create_error(env, js_code, js_message, &js_error) != napi_ok) {
    /* Could not even build the error object: fall back to the simplest throw. */
    napi_throw_error(env, code, message);
    return NULL;
  }
  /* Best effort: the error is still useful without these two properties. */
  if (napi_create_int32(env, -err, &js_errno) == napi_ok)
    napi_set_named_property(env, js_error, "errno", js_errno);
  if (napi_create_string_utf8(env, syscall, NAPI_AUTO_LENGTH, &js_syscall) == napi_ok)
    napi_set_named_property(env, js_error, "syscall", js_syscall);
  napi_throw(env, js_error);
  return NULL;
}

/* lseek() that retries on EINTR: a signal arriving mid-call must not surface as an error. */
static off_t lseek_retry(int fd, off_t offset, int whence) {
  off_t r;
  do {
    r = lseek(fd, offset, whence);
  } while (r == (off_t)-1 && errno == EINTR);
  return r;
}

/* Append [offset, length] as a two-element JS array at `index` of `result`. */
static napi_value push_extent(napi_env env, napi_value result, uint32_t index, off_t offset,
                              off_t length) {
  if (offset > MAX_SAFE_INTEGER || length > MAX_SAFE_INTEGER)
    return throw_errno(env, EOVERFLOW, "dataExtents");
  napi_value pair, js_offset, js_length;
  NAPI_CALL(env, napi_create_array_with_length(env, 2, &pair));
  /* Doubles, not int64: JS numbers are doubles, and values <= 2^53-1 are exact. */
  NAPI_CALL(env, napi_create_double(env, (double)offset, &js_offset));
  NAPI_CALL(env, napi_create_double(env, (double)length, &js_length));
  NAPI_CALL(env, napi_set_element(env, pair, 0, js_offset));
  NAPI_CALL(env, napi_set_element(env, pair, 1, js_length));
  NAPI_CALL(env, napi_set_element(env, result, index, pair));
  return result;
}

/* dataExtents(fd) — see the header comment for the contract. */
static napi_value data_extents(napi_env env, napi_callback_info info) {
  /* Argument: exactly one integer fd. Validate it here; the TS loader is not the only caller. */
  size_t argc = 1;
  napi_value argv[1];
  NAPI_CALL(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  if (argc < 1) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", "dataExtents(fd): fd is required");
    return NULL;
  }
  napi_valuetype type;
  NAPI_CALL(env, napi_typeof(env, argv[0], &type));
  if (type != napi_number) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", "dataExtents(fd): fd must be a number");
    return NULL;
  }
  int32_t fd;
  NAPI_CALL(env, napi_get_value_int32(env, argv[0], &fd));

  /* The walk's end is the size at the start. fstat also rejects a bad fd early with EBADF, and
   * lets us refuse anything that is not a regular file: SEEK_DATA on a directory or pipe either
   * fails oddly or means nothing. */
  struct stat st;
  if (fstat(fd, &st) != 0) return throw_errno(env, errno, "fstat");
  if (S_ISDIR(st.st_mode)) return throw_errno(env, EISDIR, "dataExtents");
  if (!S_ISREG(st.st_mode)) return throw_errno(env, EINVAL, "dataExtents");
  const off_t size = st.st_size;

  napi_value result;
  NAPI_CALL(env, napi_create_array(env, &result));
  uint32_t count = 0;

  off_t pos = 0;
  while (pos < size) {
    /* Next byte at or after pos that may hold data. */
    off_t data = lseek_retry(fd, pos, SEEK_DATA);
    if (data == (off_t)-1) {
      int err = errno;
      /* ENXIO: no data from pos to EOF — the rest of the file is one hole. Done. */
      if (err == ENXIO) break;
      /* No SEEK_DATA support on this filesystem/kernel: we cannot tell holes from data, so the
       * only safe answer is "everything may be data". Only possible on the first call (pos 0,
       * nothing pushed yet); later it would be a real failure. */
      if ((err == EINVAL
#if defined(EOPNOTSUPP)
           || err == EOPNOTSUPP
#endif
#if defined(ENOTSUP)
           || err == ENOTSUP
#endif
           ) && count == 0) {
        if (push_extent(env, result, 0, 0, size) == NULL) return NULL;
        return result;
      }
      return throw_errno(env, err, "lseek(SEEK_DATA)");
    }
    /* The file shrank while we walked: stop at what we saw rather than report beyond it. */
    if (data >= size) break;

    /* End of that data run: the next hole at or after data. There is always an implicit hole
     * at EOF, so this succeeds for any data < EOF. */
    off_t hole = lseek_retry(fd, data, SEEK_HOLE);
    if (hole == (off_t)-1) {
      int err = errno;
      /* ENXIO here means the file was truncated under us between the two calls. */
      if (err == ENXIO) break;
      return throw_errno(env, err, "lseek(SEEK_HOLE)");
    }
    /* Clamp to the size we started with, so extents never run past the reported end (the file
     * may have grown meanwhile). */
    if (hole > size) hole = size;
    if (hole <= data) break; /* cannot happen on a sane fs; guards against an endless loop */

    if (push_extent(env, result, count++, data, hole - data) == NULL) return NULL;
    pos = hole;
  }
  /* The lseek calls moved the fd's file offset; nobody should rely on it (the loader opens a
   * private fd), but put it back at 0 so a caller reading sequentially is not surprised. */
  lseek_retry(fd, 0, SEEK_SET);
  return result;
}

/* ---- alignedBuffer(size, alignment) ------------------------------------------------------
 * Memory for O_DIRECT I/O: aligned, and accounted to V8 (napi_adjust_external_memory) so the
 * garbage collector frees it as promptly as ordinary Buffers. @ronomon/direct-io's
 * getAlignedBuffer does not account for it, and a stream of fresh 1 MiB chunks then piles up
 * gigabytes before any collection runs. */

static void free_aligned(napi_env env, void *data, void *hint) {
  int64_t adjusted = 0;
  napi_adjust_external_memory(env, -(int64_t)(uintptr_t)hint, &adjusted);
  free(data);
}

static napi_value aligned_buffer(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  NAPI_CALL(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  int64_t size = 0;
  int64_t alignment = 0;
  if (argc < 2 || napi_get_value_int64(env, argv[0], &size) != napi_ok ||
      napi_get_value_int64(env, argv[1], &alignment) != napi_ok) {
    napi_throw_type_error(env, NULL, "alignedBuffer(size, alignment) takes two integers");
    return NULL;
  }
  /* Bounds keep a bad call from asking for absurd memory; alignment must be a power of two. */
  if (size <= 0 || size > (1LL << 30) || alignment < 512 || alignment > 65536 ||
      (alignment & (alignment - 1)) != 0) {
    napi_throw_range_error(env, NULL, "alignedBuffer: size 1..1 GiB, alignment a power of two 512..65536");
    return NULL;
  }
  void *memory = NULL;
  if (posix_memalign(&memory, (size_t)alignment, (size_t)size) != 0) {
    napi_throw_error(env, "ENOMEM", "alignedBuffer: out of memory");
    return NULL;
  }
  napi_value buffer;
  if (napi_create_external_buffer(env, (size_t)size, memory, free_aligned, (void *)(uintptr_t)size,
                                  &buffer) != napi_ok) {
    free(memory);
    napi_throw_error(env, NULL, "alignedBuffer: could not create the Buffer");
    return NULL;
  }
  int64_t adjusted = 0;
  NAPI_CALL(env, napi_adjust_external_memory(env, size, &adjusted));
  return buffer;
}

/* Module init: exports.dataExtents and exports.alignedBuffer, then caller_fs.c's and zero_range.c's calls. NAPI_MODULE_INIT registers this
 * with Node through the ABI-stable path (no node.h, no V8). */
NAPI_MODULE_INIT() {
  napi_value fn;
  NAPI_CALL(env, napi_create_function(env, "dataExtents", NAPI_AUTO_LENGTH, data_extents, NULL, &fn));
  NAPI_CALL(env, napi_set_named_property(env, exports, "dataExtents", fn));
  NAPI_CALL(env, napi_create_function(env, "alignedBuffer", NAPI_AUTO_LENGTH, aligned_buffer, NULL, &fn));
  NAPI_CALL(env, napi_set_named_property(env, exports, "alignedBuffer", fn));
  if (register_caller_fs(env, exports) == NULL) return NULL;
  return register_zero_range(env, exports);
}
