// liblzma's C API (Debian `liblzma-dev`), for the xz decoder in the Swift `CurateIO` target.
#ifndef CURATE_CLZMA_SHIM_H
#define CURATE_CLZMA_SHIM_H
#include <lzma.h>
#endif
