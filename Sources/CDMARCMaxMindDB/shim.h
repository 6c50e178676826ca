#ifndef CDMARC_MAXMINDDB_SHIM_H
#define CDMARC_MAXMINDDB_SHIM_H
#include <maxminddb.h>
#include <string.h>
#include <netinet/in.h>
#include <sys/socket.h>

/// Looks an address up by its bytes (4 or 16), without formatting it as text for MMDB_lookup_string (which goes
/// through getaddrinfo).
static inline MMDB_lookup_result_s cdmarc_mmdb_lookup_bytes(const MMDB_s *mmdb, const uint8_t *bytes, int is_ipv4,
                                                           int *mmdb_error) {
    if (is_ipv4) {
        struct sockaddr_in address;
        memset(&address, 0, sizeof address);
        address.sin_family = AF_INET;
        memcpy(&address.sin_addr, bytes, 4);
        return MMDB_lookup_sockaddr(mmdb, (const struct sockaddr *)&address, mmdb_error);
    }
    struct sockaddr_in6 address;
    memset(&address, 0, sizeof address);
    address.sin6_family = AF_INET6;
    memcpy(&address.sin6_addr, bytes, 16);
    return MMDB_lookup_sockaddr(mmdb, (const struct sockaddr *)&address, mmdb_error);
}

/// The value at `first` (then `second`, when not NULL) of an entry: MMDB_get_value is variadic, which Swift cannot
/// call, and MMDB_aget_value wants a NULL-terminated array.
static inline int cdmarc_mmdb_value(MMDB_entry_s *entry, MMDB_entry_data_s *data, const char *first,
                                    const char *second) {
    const char *path[3] = {first, second, NULL};
    return MMDB_aget_value(entry, data, path);
}
#endif
