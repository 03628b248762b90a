#ifndef CTESTSUPPORT_H
#define CTESTSUPPORT_H
#include <stddef.h>
/// Opens a pseudo-terminal master and writes the slave's path into `name`; returns the
/// master descriptor or -1. (posix_openpt and ptsname are not exported by Swift's Glibc module.)
int sm_open_pseudo_terminal(char *name, size_t capacity);
#endif
