#ifndef NQP_CZLIB_INFLATE_SHIM_H
#define NQP_CZLIB_INFLATE_SHIM_H
#include <zlib.h>
/* inflateInit2 is a macro; Swift cannot call macros. windowBits 15+32 = zlib or gzip header, auto-detected. */
static inline int nqp_inflateInitGzip(z_streamp strm) { return inflateInit2(strm, 15 + 32); }
/* Raw deflate (zip members). */
static inline int nqp_inflateInitRaw(z_streamp strm) { return inflateInit2(strm, -15); }
#endif
