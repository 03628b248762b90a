#ifndef CLIBEDIT_SHIM_H
#define CLIBEDIT_SHIM_H
// libedit's native API; pkg-config adds -I/usr/include/editline.
#include <stdio.h>
#include <histedit.h>
#endif
