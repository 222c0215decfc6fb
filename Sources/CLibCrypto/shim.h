#ifndef NQP_CLIBCRYPTO_SHIM_H
#define NQP_CLIBCRYPTO_SHIM_H
/* OpenSSL's SHA-256 (EVP interface): uses the CPU's SHA extensions where present, ~6x a portable Swift loop. */
#include <openssl/evp.h>
#endif
