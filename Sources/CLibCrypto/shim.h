// OpenSSL's libcrypto (Debian `libssl-dev`): SHA-256 for file digests and store content hashes
// in the `CurateIO` target, MD5 for checking downloads against published md5 sums. The low-level SHA256_* calls are deprecated in OpenSSL 3 but kept;
// see SHA256Hasher.swift for why they are used.
#ifndef CURATE_CLIBCRYPTO_SHIM_H
#define CURATE_CLIBCRYPTO_SHIM_H
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <openssl/sha.h>
#include <openssl/md5.h>
#endif
