#ifndef FLEET_CCURL_H
#define FLEET_CCURL_H

#include <stddef.h>

/// What one HTTP exchange gave: an answer (`curl_code` 0) or why none came.
typedef struct {
    /// libcurl's result code: 0 when an answer came; -1 when libcurl could not be loaded.
    int curl_code;
    /// The HTTP status of the answer.
    long status;
    /// The answer's body (malloc'd; NULL when empty).
    char *body;
    size_t body_length;
    /// Where a redirect (not followed) points, absolute (malloc'd), or NULL.
    char *redirect;
    /// 1 when the body was cut off at `max_body` bytes.
    int too_large;
    /// libcurl's own words for a failure, or why libcurl could not be loaded.
    char message[256];
} fleet_http_answer;

/// Sends one request with libcurl, loaded on first use (`dlopen`), so a program that never asks pays nothing for it
/// at start. Redirects are never followed; proxies come from the usual environment variables.
/// - Returns: `answer->curl_code`.
int fleet_http_perform(const char *method, const char *url, const char *const *headers, size_t header_count,
                       const char *body, size_t body_length, long timeout_ms, size_t max_body,
                       fleet_http_answer *answer);

/// Frees what `fleet_http_perform` allocated in `answer`.
void fleet_http_answer_free(fleet_http_answer *answer);

#endif
