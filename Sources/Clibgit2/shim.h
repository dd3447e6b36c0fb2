#ifndef CLIBGIT2_SHIM_H
#define CLIBGIT2_SHIM_H
#include <git2.h>
#include <git2/sys/mempack.h>
#include <git2/sys/odb_backend.h>
#include <git2/sys/repository.h>

#if LIBGIT2_VER_MAJOR < 1 || (LIBGIT2_VER_MAJOR == 1 && LIBGIT2_VER_MINOR < 5)
#error "fleet needs libgit2 1.5 or later (git_odb_exists_ext)"
#endif

/* git_libgit2_opts() is variadic, which Swift cannot call: fixed-arity wrappers. */
static inline int clibgit2_set_ssl_cert_locations(const char *file, const char *path) {
    return git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, file, path);
}
static inline int clibgit2_set_user_agent(const char *user_agent) {
    return git_libgit2_opts(GIT_OPT_SET_USER_AGENT, user_agent);
}
static inline int clibgit2_set_strict_object_creation(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_OBJECT_CREATION, enabled);
}
#endif
