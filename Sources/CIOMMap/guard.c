// The SIGBUS guard: patch-and-continue.
//
// The fast path is a few thread-local stores around a plain memcpy: no
// sigsetjmp, no atomic read-modify-write. When a guarded access faults on a
// page the file no longer backs, the handler counts a patch on the mapping's poison record,
// maps an anonymous page over the faulting page (MAP_FIXED) and returns; the
// faulting instruction then completes against that page. Every guarded call
// checks its thread's fault flag and that poison record afterwards and
// reports a fault, so no caller takes the patched zeros for data; the Swift
// side maps the file again over the patched pages before the next use.
#define _GNU_SOURCE
#include "CIOMMap.h"

#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#if defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define IOMMAP_TSAN 1
#endif
#endif
#if defined(__SANITIZE_THREAD__)
#define IOMMAP_TSAN 1
#endif

#ifdef IOMMAP_TSAN
// A seqlock reader copies bytes a writer may be changing and then throws the
// copy away; tell ThreadSanitizer that these reads are intended.
void AnnotateIgnoreReadsBegin(const char *file, int line);
void AnnotateIgnoreReadsEnd(const char *file, int line);
#define IGNORE_READS_BEGIN() AnnotateIgnoreReadsBegin(__FILE__, __LINE__)
#define IGNORE_READS_END() AnnotateIgnoreReadsEnd(__FILE__, __LINE__)
#else
#define IGNORE_READS_BEGIN() ((void)0)
#define IGNORE_READS_END() ((void)0)
#endif

__thread iommap_guard_state iommap_current_guard __attribute__((tls_model("initial-exec")));

static struct sigaction previous_action;
static pthread_once_t install_once = PTHREAD_ONCE_INIT;
static size_t page_size;

static void hand_to_previous(int signal_number, siginfo_t *info, void *context) {
    struct sigaction previous = previous_action;
    if (previous.sa_flags & SA_SIGINFO) {
        if (previous.sa_sigaction) {
            previous.sa_sigaction(signal_number, info, context);
            return;
        }
    } else if (previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN) {
        previous.sa_handler(signal_number);
        return;
    }
    // SIG_DFL, or SIG_IGN (a fault cannot be ignored): take the default
    // action, which for a real fault ends the process as it would have.
    struct sigaction fallback;
    memset(&fallback, 0, sizeof fallback);
    fallback.sa_handler = SIG_DFL;
    sigemptyset(&fallback.sa_mask);
    sigaction(signal_number, &fallback, NULL);
    raise(signal_number);
}

static void bus_error_handler(int signal_number, siginfo_t *info, void *context) {
    iommap_guard_state *guard = &iommap_current_guard;
    atomic_signal_fence(memory_order_seq_cst);
    const char *address = (const char *)info->si_addr;
    // Only a fault the kernel raised (si_code > 0), on this thread, inside the guarded range.
    if (info->si_code > 0 && guard->active && address >= guard->low && address < guard->high) {
        uintptr_t page = (uintptr_t)address & ~(uintptr_t)(page_size - 1);
        iommap_poison *poison = guard->poison;
        if (poison) {
            __atomic_fetch_add(&poison->started, 1, __ATOMIC_SEQ_CST);
            uintptr_t lowest = __atomic_load_n(&poison->lowest, __ATOMIC_RELAXED);
            while ((lowest == 0 || page < lowest) &&
                   !__atomic_compare_exchange_n(&poison->lowest, &lowest, page, 0, __ATOMIC_SEQ_CST,
                                                __ATOMIC_RELAXED)) {
            }
        }
        void *patched = mmap((void *)page, page_size, PROT_READ | PROT_WRITE,
                             MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
        if (poison) {
            __atomic_fetch_add(&poison->finished, 1, __ATOMIC_SEQ_CST);
        }
        if (patched != MAP_FAILED) {
            if (!guard->faulted) {
                guard->fault_address = address;
            }
            guard->faulted = 1;
            atomic_signal_fence(memory_order_seq_cst);
            return;
        }
    }
    hand_to_previous(signal_number, info, context);
}

static void install(void) {
    page_size = (size_t)sysconf(_SC_PAGESIZE);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = bus_error_handler;
    action.sa_flags = SA_SIGINFO | SA_NODEFER | SA_ONSTACK;
    sigemptyset(&action.sa_mask);
    sigaction(SIGBUS, &action, &previous_action);
}

const void *iommap_last_fault_address(void) {
    iommap_guard_state *guard = &iommap_current_guard;
    return guard->faulted ? guard->fault_address : NULL;
}

void iommap_guard_install(void) {
    pthread_once(&install_once, install);
}

void iommap_guard_exchange_previous(const struct sigaction *replacement, struct sigaction *previous) {
    iommap_guard_install();
    *previous = previous_action;
    previous_action = *replacement;
}

int iommap_guarded_copy(void *destination, const void *source, size_t count, iommap_guard_range range) {
    iommap_guard_begin(range);
    IGNORE_READS_BEGIN();
    memcpy(destination, source, count);
    IGNORE_READS_END();
    return iommap_guard_end(range);
}

int iommap_guarded_fill(void *destination, uint8_t byte, size_t count, iommap_guard_range range) {
    iommap_guard_begin(range);
    memset(destination, byte, count);
    return iommap_guard_end(range);
}

int iommap_guarded_move(void *destination, const void *source, size_t count, iommap_guard_range range) {
    iommap_guard_begin(range);
    memmove(destination, source, count);
    return iommap_guard_end(range);
}

int iommap_guarded_compare(const void *lhs, const void *rhs, size_t count, int *result,
                           iommap_guard_range range) {
    iommap_guard_begin(range);
    IGNORE_READS_BEGIN();
    int order = memcmp(lhs, rhs, count);
    IGNORE_READS_END();
    *result = order < 0 ? -1 : (order > 0 ? 1 : 0);
    return iommap_guard_end(range);
}

static size_t find_last(const unsigned char *haystack, size_t length, const unsigned char *needle,
                        size_t needle_length) {
    if (needle_length > length) {
        return SIZE_MAX;
    }
    size_t candidate = length - needle_length + 1;  // one past the last start
    while (candidate > 0) {
#if defined(__linux__)
        const unsigned char *hit = memrchr(haystack, needle[0], candidate);
        if (!hit) {
            return SIZE_MAX;
        }
        size_t start = (size_t)(hit - haystack);
#else
        size_t start = candidate - 1;
        while (haystack[start] != needle[0]) {
            if (start == 0) {
                return SIZE_MAX;
            }
            start -= 1;
        }
#endif
        if (memcmp(haystack + start, needle, needle_length) == 0) {
            return start;
        }
        candidate = start;
    }
    return SIZE_MAX;
}

int iommap_guarded_find(const void *haystack, size_t haystack_length, const void *needle,
                        size_t needle_length, int backward, size_t *found, iommap_guard_range range) {
    iommap_guard_begin(range);
    IGNORE_READS_BEGIN();
    size_t index = SIZE_MAX;
    if (needle_length == 0) {
        index = backward ? haystack_length : 0;
    } else if (backward) {
        index = find_last(haystack, haystack_length, needle, needle_length);
    } else {
        const void *hit = memmem(haystack, haystack_length, needle, needle_length);
        index = hit ? (size_t)((const char *)hit - (const char *)haystack) : SIZE_MAX;
    }
    IGNORE_READS_END();
    *found = index;
    return iommap_guard_end(range);
}

iommap_poison *iommap_poison_create(void) {
    return calloc(1, sizeof(iommap_poison));
}

void iommap_poison_destroy(iommap_poison *poison) {
    free(poison);
}

int iommap_poison_test(const iommap_poison *poison) {
    return __atomic_load_n(&poison->started, __ATOMIC_SEQ_CST) !=
           __atomic_load_n(&poison->repaired, __ATOMIC_SEQ_CST);
}

uint64_t iommap_poison_begin_repair(iommap_poison *poison, uintptr_t *lowest) {
    uint64_t started;
    // A handler between its two counts is a few system-call lengths away from done.
    while ((started = __atomic_load_n(&poison->started, __ATOMIC_SEQ_CST)) !=
           __atomic_load_n(&poison->finished, __ATOMIC_SEQ_CST)) {
        sched_yield();
    }
    // Every patch counted in `started` recorded its page before it finished.
    *lowest = __atomic_exchange_n(&poison->lowest, 0, __ATOMIC_SEQ_CST);
    return started;
}

void iommap_poison_repaired(iommap_poison *poison, uint64_t mark) {
    __atomic_store_n(&poison->repaired, mark, __ATOMIC_SEQ_CST);
}

int iommap_remap_in_place(void *address, size_t old_length, size_t new_length) {
#if defined(__linux__)
    void *moved = mremap(address, old_length, new_length, 0);
    return moved == MAP_FAILED ? -1 : 0;
#else
    (void)address;
    (void)old_length;
    (void)new_length;
    errno = ENOTSUP;
    return -1;
#endif
}
