// libcurl through dlopen: linking it (as FoundationNetworking does) loads it and some thirty libraries it needs at
// every start of fleet, 9 ms of a run's fixed cost, for requests only `fleet status` and `fleet abandon` make.
// <curl/curl.h> gives the types and option numbers (libcurl.so.4's stable ABI); nothing links against it.
#include "CCurl.h"

// CURLOPT_PROTOCOLS is deprecated from 7.85 but is what an older libcurl knows.
#define CURL_DISABLE_DEPRECATION 1
#include <curl/curl.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__APPLE__)
#define FLEET_LIBCURL "libcurl.4.dylib"
#else
#define FLEET_LIBCURL "libcurl.so.4"
#endif

static struct {
    CURLcode (*global_init)(long);
    CURL *(*easy_init)(void);
    CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
    CURLcode (*easy_perform)(CURL *);
    CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
    void (*easy_cleanup)(CURL *);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
    int loaded;
    char problem[200];
} curl;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void *symbol(void *library, const char *name, int *missing) {
    void *found = dlsym(library, name);
    if (found == NULL && !*missing) {
        *missing = 1;
        snprintf(curl.problem, sizeof curl.problem, "%s has no %s", FLEET_LIBCURL, name);
    }
    return found;
}

static void load(void) {
    void *library = dlopen(FLEET_LIBCURL, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        const char *why = dlerror();
        snprintf(curl.problem, sizeof curl.problem, "libcurl cannot be loaded (%s)", why ? why : FLEET_LIBCURL);
        return;
    }
    int missing = 0;
    curl.global_init = (CURLcode(*)(long))symbol(library, "curl_global_init", &missing);
    curl.easy_init = (CURL * (*)(void)) symbol(library, "curl_easy_init", &missing);
    curl.easy_setopt = (CURLcode(*)(CURL *, CURLoption, ...))symbol(library, "curl_easy_setopt", &missing);
    curl.easy_perform = (CURLcode(*)(CURL *))symbol(library, "curl_easy_perform", &missing);
    curl.easy_getinfo = (CURLcode(*)(CURL *, CURLINFO, ...))symbol(library, "curl_easy_getinfo", &missing);
    curl.easy_cleanup = (void (*)(CURL *))symbol(library, "curl_easy_cleanup", &missing);
    curl.slist_append =
        (struct curl_slist * (*)(struct curl_slist *, const char *)) symbol(library, "curl_slist_append", &missing);
    curl.slist_free_all = (void (*)(struct curl_slist *))symbol(library, "curl_slist_free_all", &missing);
    if (missing) return;
    // Once, before any thread makes a handle: curl_global_init is not thread-safe.
    if (curl.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        snprintf(curl.problem, sizeof curl.problem, "libcurl could not start");
        return;
    }
    curl.loaded = 1;
}

typedef struct {
    fleet_http_answer *answer;
    size_t capacity;
    size_t max_body;
} body_sink;

static size_t take_body(char *data, size_t size, size_t count, void *context) {
    body_sink *sink = context;
    fleet_http_answer *answer = sink->answer;
    size_t length = size * count;
    if (answer->body_length + length > sink->max_body) {
        answer->too_large = 1;
        return 0;  // libcurl stops with CURLE_WRITE_ERROR
    }
    if (answer->body_length + length > sink->capacity) {
        size_t capacity = sink->capacity ? sink->capacity : 16384;
        while (capacity < answer->body_length + length) capacity *= 2;
        char *grown = realloc(answer->body, capacity);
        if (grown == NULL) return 0;
        answer->body = grown;
        sink->capacity = capacity;
    }
    memcpy(answer->body + answer->body_length, data, length);
    answer->body_length += length;
    return length;
}

/// HTTP and HTTPS only: CURLOPT_PROTOCOLS_STR from curl 7.85, the older bit mask where a libcurl (the one fleet
/// runs with, not the one it was built against) does not know it.
static CURLcode restrict_protocols(CURL *handle) {
    CURLcode code = CURLE_UNKNOWN_OPTION;
#if LIBCURL_VERSION_NUM >= 0x075500
    code = curl.easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
#endif
    if (code == CURLE_UNKNOWN_OPTION) {
        code = curl.easy_setopt(handle, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
    }
    return code;
}

int fleet_http_perform(const char *method, const char *url, const char *const *headers, size_t header_count,
                       const char *body, size_t body_length, long timeout_ms, size_t max_body,
                       fleet_http_answer *answer) {
    memset(answer, 0, sizeof *answer);
    pthread_once(&load_once, load);
    if (!curl.loaded) {
        answer->curl_code = -1;
        snprintf(answer->message, sizeof answer->message, "%s", curl.problem);
        return answer->curl_code;
    }
    CURL *handle = curl.easy_init();
    if (handle == NULL) {
        answer->curl_code = CURLE_FAILED_INIT;
        snprintf(answer->message, sizeof answer->message, "libcurl could not make a handle");
        return answer->curl_code;
    }
    struct curl_slist *list = NULL;
    for (size_t index = 0; index < header_count; index++) list = curl.slist_append(list, headers[index]);
    body_sink sink = {answer, 0, max_body};
    char error[CURL_ERROR_SIZE] = {0};
    curl.easy_setopt(handle, CURLOPT_URL, url);
    curl.easy_setopt(handle, CURLOPT_HTTPHEADER, list);
    curl.easy_setopt(handle, CURLOPT_WRITEFUNCTION, take_body);
    curl.easy_setopt(handle, CURLOPT_WRITEDATA, &sink);
    curl.easy_setopt(handle, CURLOPT_ERRORBUFFER, error);
    curl.easy_setopt(handle, CURLOPT_TIMEOUT_MS, timeout_ms);
    curl.easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);  // threads: no SIGALRM for DNS timeouts
    // Credentials go only where the request was made for: no redirect followed, no protocol but HTTP(S). A
    // libcurl that refuses either option sends nothing.
    CURLcode refused = curl.easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 0L);
    if (refused == CURLE_OK) refused = restrict_protocols(handle);
    if (refused != CURLE_OK) {
        answer->curl_code = refused;
        snprintf(answer->message, sizeof answer->message, "libcurl refused a safety option");
        curl.easy_cleanup(handle);
        curl.slist_free_all(list);
        return answer->curl_code;
    }
    if (strcmp(method, "GET") != 0) {
        if (strcmp(method, "POST") == 0) {
            curl.easy_setopt(handle, CURLOPT_POST, 1L);
        } else {
            curl.easy_setopt(handle, CURLOPT_CUSTOMREQUEST, method);
        }
        curl.easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)body_length);
        curl.easy_setopt(handle, CURLOPT_POSTFIELDS, body ? body : "");
    }
    CURLcode code = curl.easy_perform(handle);
    answer->curl_code = code;
    if (code == CURLE_OK) {
        curl.easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &answer->status);
        char *redirect = NULL;
        if (curl.easy_getinfo(handle, CURLINFO_REDIRECT_URL, &redirect) == CURLE_OK && redirect != NULL) {
            answer->redirect = strdup(redirect);
        }
    } else {
        snprintf(answer->message, sizeof answer->message, "%s", error);
    }
    curl.easy_cleanup(handle);
    curl.slist_free_all(list);
    return answer->curl_code;
}

void fleet_http_answer_free(fleet_http_answer *answer) {
    free(answer->body);
    free(answer->redirect);
    answer->body = NULL;
    answer->redirect = NULL;
}
