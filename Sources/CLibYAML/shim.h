#ifndef CLIBYAML_SHIM_H
#define CLIBYAML_SHIM_H
// libyaml's parser API, from the system (pkg-config `yaml-0.1`, Debian `libyaml-dev`).
#include <yaml.h>
#endif
