#ifndef CBASELINES_H
#define CBASELINES_H
#include <stddef.h>
#include <stdint.h>

/// Monotonic clock in nanoseconds.
uint64_t baseline_now_ns(void);
/// The offset generator every contender uses: xorshift64, reduced to [0, limit).
static inline uint64_t baseline_next(uint64_t *state, uint64_t limit) {
    uint64_t x = *state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    *state = x;
    return x % limit;
}
/// `reads` random 8-byte pread(2) calls; returns a checksum of the bytes read.
uint64_t baseline_pread_random(int fd, size_t file_size, size_t reads, uint64_t seed);
/// `reads` random 8-byte memcpy calls from a raw mapping; returns a checksum.
uint64_t baseline_mmap_random(const void *base, size_t file_size, size_t reads, uint64_t seed);
/// Copies the mapping in `chunk`-byte memcpy calls `passes` times into `buffer`; returns a checksum.
uint64_t baseline_memcpy_sequential(const void *base, size_t file_size, void *buffer, size_t chunk, size_t passes);
/// Maps a file read-only with plain mmap (no guard, no lock); NULL on failure.
const void *baseline_map(int fd, size_t size);
#endif
