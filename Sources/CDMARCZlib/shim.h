#ifndef CDMARC_ZLIB_SHIM_H
#define CDMARC_ZLIB_SHIM_H
#include <zlib.h>

/// inflateInit2 is a macro, which Swift cannot call.
static inline int cdmarc_inflateInit2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}
#endif
