// The C interface to OpenBLAS; `pkg-config --cflags openblas` supplies the include path.
#include <cblas.h>
