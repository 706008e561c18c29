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
/// Fills `offsets` with `count` random offsets below `limit` (every contender reads the same ones,
/// so no contender's timing includes making them).
void baseline_make_offsets(uint64_t *offsets, size_t count, uint64_t limit, uint64_t seed);
/// An 8-byte pread(2) at each offset; returns a checksum of the bytes read.
uint64_t baseline_pread_random(int fd, const uint64_t *offsets, size_t reads);
/// An 8-byte memcpy from a raw mapping at each offset; returns a checksum.
uint64_t baseline_mmap_random(const void *base, const uint64_t *offsets, size_t reads);
/// Copies the mapping in `chunk`-byte memcpy calls `passes` times into `buffer`; returns a checksum.
uint64_t baseline_memcpy_sequential(const void *base, size_t file_size, void *buffer, size_t chunk, size_t passes);
/// Maps a file read-only with plain mmap (no guard, no lock); NULL on failure.
const void *baseline_map(int fd, size_t size);
/// An opaque consumer: the optimiser cannot see into it, so a value passed here must be computed.
void baseline_sink(uint64_t value);
/// A compiler barrier the optimiser cannot see through: no memory access moves across a call to it.
void baseline_barrier(void);
#endif
