// spglib's C API (Debian `libsymspg-dev`, spglib 2.0.x), for the Swift `Crystal` target.
#ifndef CURATE_CSPGLIB_SHIM_H
#define CURATE_CSPGLIB_SHIM_H
#include <spglib.h>
#endif
