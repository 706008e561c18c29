// The small-read protocol, one idea at a time: what each of issue 12's ideas
// is worth on its own, in C, on the same file, offsets and loop as raw memcpy.
//
//   cc -O2 -o /tmp/ablation Benchmarks/ablation/ablation.c && /tmp/ablation [MiB] [READS] [ROUNDS]
//
// Each variant is the read protocol IOMMap ran (or runs) around an 8-byte copy,
// written out by hand; none can fault here (the file is whole), so the handler
// is not installed. Every run's checksum is checked; every run is printed.
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define NOINLINE __attribute__((noinline))
#define FENCE() __atomic_signal_fence(__ATOMIC_SEQ_CST)

typedef struct { uint64_t started, finished, repaired; } poison_t;
typedef struct { char *base; intptr_t size; } old_view_t;
typedef struct { char *base; intptr_t readable; intptr_t size; poison_t *poison; } view_t;

// Before: three guard words, an active flag and a fault flag, all thread-local.
typedef struct {
    const char *volatile low, *volatile high;
    poison_t *volatile poison;
    volatile int active, faulted;
} old_guard_t;
static __thread old_guard_t old_guard __attribute__((tls_model("initial-exec")));

// After: one pointer in a per-thread record.
typedef struct { const void *volatile reading; } thread_t;
static __thread thread_t *self_record __attribute__((tls_model("initial-exec")));

typedef struct {
    uintptr_t sequence;
    uintptr_t view;  // old_view_t* or view_t*
    _Bool closed;
    int mode_allows_reading;
    poison_t poison;
} handle_t;

static uint64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

NOINLINE static uint64_t raw(handle_t *h, const intptr_t *offsets, long n) {
    const char *base = ((view_t *)h->view)->base;
    uint64_t sum = 0, word;
    for (long i = 0; i < n; i++) {
        memcpy(&word, base + offsets[i], 8);
        sum += word;
    }
    return sum;
}

// A: the protocol before issue 12 (seqlock; closed flag; mode; view; 5 thread-local stores;
//    fault flag and poison checks).
NOINLINE static uint64_t before(handle_t *h, const intptr_t *offsets, long n) {
    uint64_t sum = 0, word;
    for (long i = 0; i < n; i++) {
        intptr_t offset = offsets[i];
        for (;;) {
            uintptr_t seq = __atomic_load_n(&h->sequence, __ATOMIC_ACQUIRE);
            if (seq & 1) continue;
            if (__atomic_load_n(&h->closed, __ATOMIC_RELAXED)) return 0;
            if (!h->mode_allows_reading) return 0;
            old_view_t *view = (old_view_t *)__atomic_load_n(&h->view, __ATOMIC_ACQUIRE);
            if (offset < 0 || offset > view->size || 8 > view->size - offset) return 0;
            const char *source = view->base + offset;
            old_guard_t *g = &old_guard;
            g->low = source; g->high = source + 8; g->poison = &h->poison; g->faulted = 0;
            FENCE(); g->active = 1; FENCE();
            memcpy(&word, source, 8);
            FENCE(); g->active = 0; FENCE();
            int faulted = g->faulted || (__atomic_load_n(&h->poison.started, __ATOMIC_SEQ_CST) !=
                                         __atomic_load_n(&h->poison.repaired, __ATOMIC_SEQ_CST));
            __atomic_thread_fence(__ATOMIC_ACQUIRE);
            if (__atomic_load_n(&h->sequence, __ATOMIC_RELAXED) != seq) continue;
            if (faulted) return 0;
            break;
        }
        sum += word;
    }
    return sum;
}

// B: A, but one thread-local store arms the guard (a pointer to a per-handle record) and one
//    disarms it; the fault shows on the poison record only.
NOINLINE static uint64_t one_store(handle_t *h, const intptr_t *offsets, long n) {
    uint64_t sum = 0, word;
    thread_t *t = self_record;
    for (long i = 0; i < n; i++) {
        intptr_t offset = offsets[i];
        for (;;) {
            uintptr_t seq = __atomic_load_n(&h->sequence, __ATOMIC_ACQUIRE);
            if (seq & 1) continue;
            if (__atomic_load_n(&h->closed, __ATOMIC_RELAXED)) return 0;
            if (!h->mode_allows_reading) return 0;
            view_t *view = (view_t *)__atomic_load_n(&h->view, __ATOMIC_ACQUIRE);
            if (offset < 0 || offset > view->size || 8 > view->size - offset) return 0;
            __atomic_store_n(&t->reading, view, __ATOMIC_RELAXED);
            FENCE();
            memcpy(&word, view->base + offset, 8);
            FENCE();
            __atomic_store_n(&t->reading, NULL, __ATOMIC_RELEASE);
            int faulted = __atomic_load_n(&h->poison.started, __ATOMIC_RELAXED) !=
                          __atomic_load_n(&h->poison.repaired, __ATOMIC_RELAXED);
            __atomic_thread_fence(__ATOMIC_ACQUIRE);
            if (__atomic_load_n(&h->sequence, __ATOMIC_RELAXED) != seq) continue;
            if (faulted) return 0;
            break;
        }
        sum += word;
    }
    return sum;
}

// C: B, with closed and mode folded into the view (readable = -1): one bounds check.
NOINLINE static uint64_t folded(handle_t *h, const intptr_t *offsets, long n) {
    uint64_t sum = 0, word;
    thread_t *t = self_record;
    for (long i = 0; i < n; i++) {
        intptr_t offset = offsets[i];
        for (;;) {
            uintptr_t seq = __atomic_load_n(&h->sequence, __ATOMIC_ACQUIRE);
            view_t *view = (view_t *)__atomic_load_n(&h->view, __ATOMIC_ACQUIRE);
            if (seq & 1) continue;
            intptr_t limit = view->readable - 8;
            if ((offset | limit) < 0 || offset > limit) return 0;
            __atomic_store_n(&t->reading, view, __ATOMIC_RELAXED);
            FENCE();
            memcpy(&word, view->base + offset, 8);
            FENCE();
            __atomic_store_n(&t->reading, NULL, __ATOMIC_RELEASE);
            uint64_t patched = h->poison.started ^ h->poison.repaired;
            __atomic_thread_fence(__ATOMIC_ACQUIRE);
            uintptr_t moved = __atomic_load_n(&h->sequence, __ATOMIC_RELAXED) ^ seq;
            if (moved | patched) {
                if (moved) continue;
                return 0;
            }
            break;
        }
        sum += word;
    }
    return sum;
}

// D: C, plus the hazard-pointer check that lets replaced views be freed (announce, then
//    load the view again): what IOMMap runs now.
NOINLINE static uint64_t hazard(handle_t *h, const intptr_t *offsets, long n) {
    uint64_t sum = 0, word;
    for (long i = 0; i < n; i++) {
        intptr_t offset = offsets[i];
        for (;;) {
            thread_t *t = self_record;
            if (!t) return 0;
            uintptr_t seq = __atomic_load_n(&h->sequence, __ATOMIC_ACQUIRE);
            view_t *view = (view_t *)__atomic_load_n(&h->view, __ATOMIC_ACQUIRE);
            __atomic_store_n(&t->reading, view, __ATOMIC_RELAXED);
            FENCE();
            uintptr_t again = __atomic_load_n(&h->view, __ATOMIC_RELAXED);
            if ((seq & 1) | (again ^ (uintptr_t)view)) {
                __atomic_store_n(&t->reading, NULL, __ATOMIC_RELEASE);
                continue;
            }
            intptr_t limit = view->readable - 8;
            if ((offset | limit) < 0 || offset > limit) return 0;
            memcpy(&word, view->base + offset, 8);
            FENCE();
            __atomic_store_n(&t->reading, NULL, __ATOMIC_RELEASE);
            uint64_t patched = h->poison.started ^ h->poison.repaired;
            __atomic_thread_fence(__ATOMIC_ACQUIRE);
            uintptr_t moved = __atomic_load_n(&h->sequence, __ATOMIC_RELAXED) ^ seq;
            if (moved | patched) {
                if (moved) continue;
                return 0;
            }
            break;
        }
        sum += word;
    }
    return sum;
}

// E: D with the fault check *on* the critical path: the sum depends on it through data,
//    not through a predicted branch (what "keep the fault check off the critical path" avoids).
NOINLINE static uint64_t check_on_path(handle_t *h, const intptr_t *offsets, long n) {
    uint64_t sum = 0, word;
    thread_t *t = self_record;
    for (long i = 0; i < n; i++) {
        intptr_t offset = offsets[i];
        uintptr_t seq = __atomic_load_n(&h->sequence, __ATOMIC_ACQUIRE);
        view_t *view = (view_t *)__atomic_load_n(&h->view, __ATOMIC_ACQUIRE);
        __atomic_store_n(&t->reading, view, __ATOMIC_RELAXED);
        FENCE();
        uintptr_t again = __atomic_load_n(&h->view, __ATOMIC_RELAXED);
        intptr_t limit = view->readable - 8;
        if ((seq & 1) | (again ^ (uintptr_t)view) | (uintptr_t)((offset | limit) < 0 || offset > limit)) return 0;
        memcpy(&word, view->base + offset, 8);
        FENCE();
        __atomic_store_n(&t->reading, NULL, __ATOMIC_RELEASE);
        uint64_t bad = (h->poison.started ^ h->poison.repaired) | (__atomic_load_n(&h->sequence, __ATOMIC_ACQUIRE) ^ seq);
        // A lock-prefixed no-op makes the check wait for the copy, as a fence would.
        __atomic_fetch_or(&bad, 0, __ATOMIC_SEQ_CST);
        if (bad) return 0;
        sum += word;
    }
    return sum;
}

typedef uint64_t (*variant_fn)(handle_t *, const intptr_t *, long);

int main(int argc, char **argv) {
    long mib = argc > 1 ? atol(argv[1]) : 256;
    long reads = argc > 2 ? atol(argv[2]) : 10000000;
    int rounds = argc > 3 ? atoi(argv[3]) : 4;
    size_t size = (size_t)mib << 20;
    char path[64];
    snprintf(path, sizeof path, "/tmp/hexmap-user-loop-%ld.dat", mib);  // UserLoop's file
    int fd = open(path, O_RDONLY);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || (size_t)st.st_size != size) {
        fprintf(stderr, "run UserLoop %ld first: it writes %s\n", mib, path);
        return 1;
    }
    char *base = mmap(NULL, size, PROT_READ, MAP_SHARED | MAP_POPULATE, fd, 0);
    intptr_t *offsets = malloc(sizeof *offsets * (size_t)reads);
    uint64_t state = 0x5EED + (uint64_t)mib;
    for (long i = 0; i < reads; i++) {
        state += 0x9E3779B97F4A7C15ull;
        uint64_t z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        offsets[i] = (intptr_t)((z ^ (z >> 31)) % (size - 8));
    }
    static old_view_t old_view;
    static view_t view;
    old_view = (old_view_t){base, (intptr_t)size};
    view = (view_t){base, (intptr_t)size, (intptr_t)size, NULL};
    static handle_t h_old, h_new;
    h_old = (handle_t){0, (uintptr_t)&old_view, 0, 1, {0, 0, 0}};
    h_new = (handle_t){0, (uintptr_t)&view, 0, 1, {0, 0, 0}};
    view.poison = &h_new.poison;
    self_record = calloc(1, sizeof(thread_t));

    struct { const char *name; variant_fn fn; handle_t *h; } variants[] = {
        {"raw mmap + memcpy", raw, &h_new},
        {"A before (5 TLS stores, flags)", before, &h_old},
        {"B one store arms the guard", one_store, &h_new},
        {"C + closed/mode folded in view", folded, &h_new},
        {"D + hazard check (IOMMap now)", hazard, &h_new},
        {"E D, fault check on the path", check_on_path, &h_new},
    };
    int count = sizeof variants / sizeof variants[0];
    uint64_t expected = raw(&h_new, offsets, reads);
    double results[8][16];
    printf("%ld MiB, %ld random 8-byte reads a run, %d rounds (order alternates)\n", mib, reads, rounds);
    for (int round = 0; round < rounds; round++) {
        for (int k = 0; k < count; k++) {
            int index = round % 2 == 0 ? k : count - 1 - k;
            __asm__ volatile("" ::: "memory");
            uint64_t start = now_ns();
            uint64_t sum = variants[index].fn(variants[index].h, offsets, reads);
            uint64_t elapsed = now_ns() - start;
            __asm__ volatile("" ::: "memory");
            if (sum != expected) {
                fprintf(stderr, "%s: wrong checksum\n", variants[index].name);
                return 1;
            }
            results[index][round] = (double)elapsed / (double)reads;
            printf("  round %d  %-34s %6.1f ns/read\n", round, variants[index].name, results[index][round]);
        }
    }
    printf("median:\n");
    for (int k = 0; k < count; k++) {
        double v[16];
        memcpy(v, results[k], sizeof(double) * (size_t)rounds);
        for (int a = 0; a < rounds; a++)
            for (int b = a + 1; b < rounds; b++)
                if (v[b] < v[a]) { double x = v[a]; v[a] = v[b]; v[b] = x; }
        double m = rounds % 2 ? v[rounds / 2] : (v[rounds / 2 - 1] + v[rounds / 2]) / 2;
        double r0[16];
        memcpy(r0, results[0], sizeof(double) * (size_t)rounds);
        for (int a = 0; a < rounds; a++)
            for (int b = a + 1; b < rounds; b++)
                if (r0[b] < r0[a]) { double x = r0[a]; r0[a] = r0[b]; r0[b] = x; }
        double rm = rounds % 2 ? r0[rounds / 2] : (r0[rounds / 2 - 1] + r0[rounds / 2]) / 2;
        printf("  %-34s %6.1f ns/read  %5.2fx raw\n", variants[k].name, m, m / rm);
    }
    return 0;
}
