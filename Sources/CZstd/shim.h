#ifndef NQP_CZSTD_SHIM_H
#define NQP_CZSTD_SHIM_H
/* Zstandard (libzstd-dev): one-shot compression of the text cache. No macros or longjmp to wrap. */
#include <zstd.h>
#endif
