#ifndef CDMARC_PSL_SHIM_H
#define CDMARC_PSL_SHIM_H
#include <libpsl.h>
#endif
