// zlib's C API (Debian `zlib1g-dev`), for the streaming gzip reader in the `CurateIO` target.
#ifndef CURATE_CZLIB_SHIM_H
#define CURATE_CZLIB_SHIM_H
#include <zlib.h>
#endif
