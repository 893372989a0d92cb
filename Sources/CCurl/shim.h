// libcurl's easy API (Debian `libcurl4-openssl-dev`), for the `Remote` target. curl_easy_setopt
// and curl_easy_getinfo are variadic, which Swift cannot call: these typed wrappers can.
#ifndef CURATE_CCURL_SHIM_H
#define CURATE_CCURL_SHIM_H
#include <curl/curl.h>

typedef size_t (*curate_curl_data_callback)(char *data, size_t size, size_t count, void *context);
typedef int (*curate_curl_progress_callback)(void *context, curl_off_t total, curl_off_t now, curl_off_t upTotal, curl_off_t upNow);

static inline CURLcode curate_curl_set_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode curate_curl_set_offset(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode curate_curl_set_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode curate_curl_set_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode curate_curl_set_data_callback(CURL *handle, CURLoption option, curate_curl_data_callback value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode curate_curl_set_progress_callback(CURL *handle, curate_curl_progress_callback value) {
    return curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, value);
}
static inline CURLcode curate_curl_get_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}
static inline CURLcode curate_curl_get_offset(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}
static inline CURLcode curate_curl_get_string(CURL *handle, CURLINFO info, char **value) {
    return curl_easy_getinfo(handle, info, value);
}
#endif
