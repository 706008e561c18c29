#define _GNU_SOURCE
#include "CBaselines.h"

#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

uint64_t baseline_now_ns(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (uint64_t)now.tv_sec * 1000000000u + (uint64_t)now.tv_nsec;
}

void baseline_make_offsets(uint64_t *offsets, size_t count, uint64_t limit, uint64_t seed) {
    uint64_t state = seed;
    for (size_t i = 0; i < count; i++) {
        offsets[i] = baseline_next(&state, limit);
    }
}

uint64_t baseline_pread_random(int fd, const uint64_t *offsets, size_t reads) {
    uint64_t sum = 0, word = 0;
    for (size_t i = 0; i < reads; i++) {
        if (pread(fd, &word, 8, (off_t)offsets[i]) != 8) return 0;
        sum += word;
    }
    return sum;
}

uint64_t baseline_mmap_random(const void *base, const uint64_t *offsets, size_t reads) {
    uint64_t sum = 0, word = 0;
    for (size_t i = 0; i < reads; i++) {
        memcpy(&word, (const char *)base + offsets[i], 8);
        sum += word;  // the checksum keeps every copy alive
    }
    return sum;
}

uint64_t baseline_memcpy_sequential(const void *base, size_t file_size, void *buffer, size_t chunk, size_t passes) {
    uint64_t sum = 0;
    for (size_t pass = 0; pass < passes; pass++) {
        for (size_t offset = 0; offset + chunk <= file_size; offset += chunk) {
            memcpy(buffer, (const char *)base + offset, chunk);
            __asm__ volatile("" : : "r"(buffer) : "memory");
            sum += ((const unsigned char *)buffer)[chunk - 1];
        }
    }
    return sum;
}

const void *baseline_map(int fd, size_t size) {
    void *base = mmap(NULL, size, PROT_READ, MAP_SHARED, fd, 0);
    return base == MAP_FAILED ? NULL : base;
}

volatile uint64_t baseline_sunk;

void baseline_sink(uint64_t value) {
    baseline_sunk += value;
}

void baseline_barrier(void) {
    __asm__ volatile("" : : : "memory");
}
