// glibc's allocator controls (mallopt), for the `Learning` target's allocator tuning.
#ifndef CURATE_CMALLOC_SHIM_H
#define CURATE_CMALLOC_SHIM_H
#include <malloc.h>
#endif
