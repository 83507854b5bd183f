/*
 * caller_fs: filesystem calls made with the rights of the person who started the helper.
 *
 *   openAs(caller, dirFd, path, flags, mode) -> fd
 *   mkdirAs(caller, dirFd, path, mode)       -> undefined
 *   unlinkAs(caller, dirFd, path, removeDir) -> undefined
 *
 * caller is { uid, gid, groups: number[] }; dirFd is a directory descriptor, or -100 (AT_FDCWD)
 * for a path relative to the current folder (an absolute path ignores it).
 *
 * Why native, and why like this: the helper runs as root and must open a person's files only as
 * that person could. A child process with the person's uids (setpriv) can be ptraced by that
 * person, who can then swap what it opened; reopening its descriptor through /proc by path lets
 * the swap through. Here nothing leaves the helper: for the length of one system call the calling
 * thread takes the person's filesystem identity (fsuid, fsgid and supplementary groups, with raw
 * system calls, which change only the calling thread's credentials, not the whole process as
 * glibc's wrappers do), so the kernel checks every folder, mode and ACL on the way exactly as it
 * would for that person, and the descriptor is the helper's own. A file created this way belongs to
 * the person (owner = fsuid). Root's identity is restored before the function returns, and checked:
 * if it cannot be restored the process aborts rather than go on with the wrong identity. Changing
 * fsuid away from 0 also drops the thread's file capabilities (CAP_DAC_OVERRIDE and the others),
 * and restoring it to 0 raises them again (capabilities(7), "Effect of user ID changes").
 */

#define _FILE_OFFSET_BITS 64
#define _GNU_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

#include <node_api.h>

#include "caller_fs.h"

/* A person belongs to at most this many groups here (NGROUPS_MAX is 65536; no real account
 * comes near it, and a bounded array keeps this code free of allocation in the switch). */
#define MAX_GROUPS 1024

struct caller {
  uid_t uid;
  gid_t gid;
  gid_t groups[MAX_GROUPS];
  int ngroups;
};

struct saved_identity {
  uid_t fsuid;
  gid_t fsgid;
  gid_t groups[MAX_GROUPS];
  int ngroups;
};

static napi_value throw_errno_at(napi_env env, int err, const char *syscall) {
  char message[256];
  const char *code = "EUNKNOWN";
  switch (err) {
  case EACCES: code = "EACCES"; break;
  case EPERM: code = "EPERM"; break;
  case ENOENT: code = "ENOENT"; break;
  case EEXIST: code = "EEXIST"; break;
  case ENOTDIR: code = "ENOTDIR"; break;
  case EISDIR: code = "EISDIR"; break;
  case ELOOP: code = "ELOOP"; break;
  case EROFS: code = "EROFS"; break;
  case ENOSPC: code = "ENOSPC"; break;
  case EINVAL: code = "EINVAL"; break;
  case EBADF: code = "EBADF"; break;
  case ENOTEMPTY: code = "ENOTEMPTY"; break;
  case EBUSY: code = "EBUSY"; break;
  case ENAMETOOLONG: code = "ENAMETOOLONG"; break;
  case ETXTBSY: code = "ETXTBSY"; break;
  case ENXIO: code = "ENXIO"; break;
  case ENODEV: code = "ENODEV"; break;
  case EDQUOT: code = "EDQUOT"; break;
  case EMFILE: code = "EMFILE"; break;
  default: break;
  }
  snprintf(message, sizeof message, "%s: %s (%s)", syscall, strerror(err), code);
  napi_value js_code, js_message, js_error, js_errno;
  if (napi_create_string_utf8(env, code, NAPI_AUTO_LENGTH, &js_code) != napi_ok ||
      napi_create_string_utf8(env, message, NAPI_AUTO_LENGTH, &js_message) != napi_ok ||
      napi_create_error(env, js_code, js_message, &js_error) != napi_ok) {
    napi_throw_error(env, code, message);
    return NULL;
  }
  if (napi_create_int32(env, -err, &js_errno) == napi_ok)
    napi_set_named_property(env, js_error, "errno", js_errno);
  napi_throw(env, js_error);
  return NULL;
}

static bool read_u32_property(napi_env env, napi_value object, const char *name, uint32_t *out) {
  napi_value value;
  napi_valuetype type;
  if (napi_get_named_property(env, object, name, &value) != napi_ok) return false;
  if (napi_typeof(env, value, &type) != napi_ok || type != napi_number) return false;
  return napi_get_value_uint32(env, value, out) == napi_ok;
}

/* Reads { uid, gid, groups } into `caller`. Root is refused: there is nobody to act as then, and
 * a uid of 0 here would mean a caller bug, not a wish. */
static bool read_caller(napi_env env, napi_value object, struct caller *caller) {
  uint32_t uid, gid;
  if (!read_u32_property(env, object, "uid", &uid) || !read_u32_property(env, object, "gid", &gid) ||
      uid == 0 || uid == UINT32_MAX || gid == UINT32_MAX) {
    napi_throw_type_error(env, NULL, "caller must be { uid, gid, groups } of a person other than root");
    return false;
  }
  napi_value groups;
  bool is_array = false;
  uint32_t count = 0;
  if (napi_get_named_property(env, object, "groups", &groups) != napi_ok ||
      napi_is_array(env, groups, &is_array) != napi_ok || !is_array ||
      napi_get_array_length(env, groups, &count) != napi_ok || count > MAX_GROUPS) {
    napi_throw_type_error(env, NULL, "caller.groups must be an array of at most 1024 gids");
    return false;
  }
  for (uint32_t i = 0; i < count; i++) {
    napi_value element;
    uint32_t group;
    napi_valuetype type;
    if (napi_get_element(env, groups, i, &element) != napi_ok ||
        napi_typeof(env, element, &type) != napi_ok || type != napi_number ||
        napi_get_value_uint32(env, element, &group) != napi_ok || group == UINT32_MAX) {
      napi_throw_type_error(env, NULL, "caller.groups must hold gids");
      return false;
    }
    caller->groups[i] = (gid_t)group;
  }
  caller->uid = (uid_t)uid;
  caller->gid = (gid_t)gid;
  caller->ngroups = (int)count;
  return true;
}

/* Back to the identity saved before; on failure there is no safe way on. */
static void restore_identity(const struct saved_identity *saved) {
  syscall(SYS_setfsuid, saved->fsuid);
  syscall(SYS_setfsgid, saved->fsgid);
  long groups_restored = syscall(SYS_setgroups, saved->ngroups, saved->groups);
  /* setfs[ug]id(-1) fails but returns the current value: the way to read it back. */
  if (groups_restored != 0 || (uid_t)syscall(SYS_setfsuid, (uid_t)-1) != saved->fsuid ||
      (gid_t)syscall(SYS_setfsgid, (gid_t)-1) != saved->fsgid) {
    fprintf(stderr, "caller_fs: could not restore the helper's own identity; stopping\n");
    abort();
  }
}

/* Takes the caller's filesystem identity on this thread. Returns 0, or an errno with nothing
 * changed. */
static int become_caller(const struct caller *caller, struct saved_identity *saved) {
  long count = syscall(SYS_getgroups, MAX_GROUPS, saved->groups);
  if (count < 0) return errno;
  saved->ngroups = (int)count;
  saved->fsuid = (uid_t)syscall(SYS_setfsuid, (uid_t)-1);
  saved->fsgid = (gid_t)syscall(SYS_setfsgid, (gid_t)-1);
  if (syscall(SYS_setgroups, caller->ngroups, caller->groups) != 0) return errno;
  syscall(SYS_setfsgid, caller->gid);
  syscall(SYS_setfsuid, caller->uid);
  if ((uid_t)syscall(SYS_setfsuid, (uid_t)-1) != caller->uid ||
      (gid_t)syscall(SYS_setfsgid, (gid_t)-1) != caller->gid) {
    restore_identity(saved);
    return EPERM;
  }
  return 0;
}

/* Common arguments: (caller, dirFd, path, ...). `path` is copied into `path_out`. */
static bool read_common(napi_env env, napi_value *argv, size_t argc, size_t want, struct caller *caller,
                        int *dir_fd, char *path_out, size_t path_size) {
  if (argc < want) {
    napi_throw_type_error(env, NULL, "caller_fs: missing arguments");
    return false;
  }
  if (!read_caller(env, argv[0], caller)) return false;
  int32_t fd;
  if (napi_get_value_int32(env, argv[1], &fd) != napi_ok || (fd < 0 && fd != AT_FDCWD)) {
    napi_throw_type_error(env, NULL, "caller_fs: dirFd must be a descriptor or -100");
    return false;
  }
  *dir_fd = fd;
  size_t length = 0;
  if (napi_get_value_string_utf8(env, argv[2], path_out, path_size, &length) != napi_ok || length == 0 ||
      length >= path_size - 1) {
    napi_throw_type_error(env, NULL, "caller_fs: path must be a non-empty string under 4096 bytes");
    return false;
  }
  if (strlen(path_out) != length) {
    napi_throw_type_error(env, NULL, "caller_fs: path must not contain NUL");
    return false;
  }
  return true;
}

static napi_value open_as(napi_env env, napi_callback_info info) {
  size_t argc = 5;
  napi_value argv[5];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok) return NULL;
  struct caller caller;
  int dir_fd;
  char path[4096];
  if (!read_common(env, argv, argc, 5, &caller, &dir_fd, path, sizeof path)) return NULL;
  int32_t flags, mode;
  if (napi_get_value_int32(env, argv[3], &flags) != napi_ok || napi_get_value_int32(env, argv[4], &mode) != napi_ok ||
      (flags & O_PATH) != 0 || mode < 0 || mode > 07777) {
    napi_throw_type_error(env, NULL, "openAs: flags (no O_PATH) and mode must be integers");
    return NULL;
  }
  struct saved_identity saved;
  int err = become_caller(&caller, &saved);
  if (err != 0) return throw_errno_at(env, err, "openAs(identity)");
  int fd;
  do {
    fd = openat(dir_fd, path, flags | O_CLOEXEC | O_NOCTTY, (mode_t)mode);
  } while (fd < 0 && errno == EINTR);
  err = errno;
  restore_identity(&saved);
  if (fd < 0) return throw_errno_at(env, err, "open");
  napi_value result;
  if (napi_create_int32(env, fd, &result) != napi_ok) {
    close(fd);
    return NULL;
  }
  return result;
}

static napi_value mkdir_as(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok) return NULL;
  struct caller caller;
  int dir_fd;
  char path[4096];
  if (!read_common(env, argv, argc, 4, &caller, &dir_fd, path, sizeof path)) return NULL;
  int32_t mode;
  if (napi_get_value_int32(env, argv[3], &mode) != napi_ok || mode < 0 || mode > 07777) {
    napi_throw_type_error(env, NULL, "mkdirAs: mode must be an integer");
    return NULL;
  }
  struct saved_identity saved;
  int err = become_caller(&caller, &saved);
  if (err != 0) return throw_errno_at(env, err, "mkdirAs(identity)");
  int r = mkdirat(dir_fd, path, (mode_t)mode);
  err = errno;
  restore_identity(&saved);
  if (r != 0) return throw_errno_at(env, err, "mkdir");
  return NULL;
}

static napi_value unlink_as(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok) return NULL;
  struct caller caller;
  int dir_fd;
  char path[4096];
  if (!read_common(env, argv, argc, 4, &caller, &dir_fd, path, sizeof path)) return NULL;
  bool remove_dir = false;
  if (napi_get_value_bool(env, argv[3], &remove_dir) != napi_ok) {
    napi_throw_type_error(env, NULL, "unlinkAs: removeDir must be a boolean");
    return NULL;
  }
  struct saved_identity saved;
  int err = become_caller(&caller, &saved);
  if (err != 0) return throw_errno_at(env, err, "unlinkAs(identity)");
  int r = unlinkat(dir_fd, path, remove_dir ? AT_REMOVEDIR : 0);
  err = errno;
  restore_identity(&saved);
  if (r != 0) return throw_errno_at(env, err, remove_dir ? "rmdir" : "unlink");
  return NULL;
}

napi_value register_caller_fs(napi_env env, napi_value exports) {
  napi_value fn;
  if (napi_create_function(env, "openAs", NAPI_AUTO_LENGTH, open_as, NULL, &fn) != napi_ok ||
      napi_set_named_property(env, exports, "openAs", fn) != napi_ok ||
      napi_create_function(env, "mkdirAs", NAPI_AUTO_LENGTH, mkdir_as, NULL, &fn) != napi_ok ||
      napi_set_named_property(env, exports, "mkdirAs", fn) != napi_ok ||
      napi_create_function(env, "unlinkAs", NAPI_AUTO_LENGTH, unlink_as, NULL, &fn) != napi_ok ||
      napi_set_named_property(env, exports, "unlinkAs", fn) != napi_ok)
    return NULL;
  return exports;
}
