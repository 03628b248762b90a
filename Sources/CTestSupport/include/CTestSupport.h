#ifndef CTESTSUPPORT_H
#define CTESTSUPPORT_H
#include <spawn.h>
#include <stddef.h>
/// Opens a pseudo-terminal master and writes the slave's path into `name`; returns the
/// master descriptor or -1. (posix_openpt and ptsname are not exported by Swift's Glibc module.)
int sm_open_pseudo_terminal(char *name, size_t capacity);
/// Makes a spawned child close every descriptor from `from` up (glibc's
/// posix_spawn_file_actions_addclosefrom_np, which Swift's Glibc module does not export).
int sm_spawn_close_from(posix_spawn_file_actions_t *actions, int from);
#endif
