#define _XOPEN_SOURCE 600
#include "CTestSupport.h"
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int sm_open_pseudo_terminal(char *name, size_t capacity) {
    int master = posix_openpt(O_RDWR | O_NOCTTY);
    if (master < 0) return -1;
    if (grantpt(master) != 0 || unlockpt(master) != 0) { close(master); return -1; }
    const char *slave = ptsname(master);
    if (slave == NULL || strlen(slave) + 1 > capacity) { close(master); return -1; }
    strcpy(name, slave);
    return master;
}
