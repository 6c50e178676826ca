#ifndef CDMARC_ARES_SHIM_H
#define CDMARC_ARES_SHIM_H
#include <ares.h>
#include <poll.h>
#endif
