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

uint64_t baseline_pread_random(int fd, size_t file_size, size_t reads, uint64_t seed) {
    uint64_t state = seed, sum = 0, word = 0;
    for (size_t i = 0; i < reads; i++) {
        off_t offset = (off_t)baseline_next(&state, file_size - 8);
        if (pread(fd, &word, 8, offset) != 8) return 0;
        sum += word;
    }
    return sum;
}

uint64_t baseline_mmap_random(const void *base, size_t file_size, size_t reads, uint64_t seed) {
    uint64_t state = seed, sum = 0, word = 0;
    for (size_t i = 0; i < reads; i++) {
        size_t offset = baseline_next(&state, file_size - 8);
        memcpy(&word, (const char *)base + offset, 8);
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
