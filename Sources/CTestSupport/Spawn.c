// posix_spawn_file_actions_addclosefrom_np is a GNU extension, declared only with _GNU_SOURCE.
#define _GNU_SOURCE
#include "CTestSupport.h"

int sm_spawn_close_from(posix_spawn_file_actions_t *actions, int from) {
    return posix_spawn_file_actions_addclosefrom_np(actions, from);
}
