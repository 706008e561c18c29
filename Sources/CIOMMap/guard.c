// The SIGBUS guard: patch-and-continue.
//
// The fast path is two stores to this thread's record around a plain copy: no
// sigsetjmp, no atomic read-modify-write. When a guarded access faults on a
// page the file no longer backs, the handler counts a patch on the mapping's
// poison record (and remembers the page), maps an anonymous page over the
// faulting page (MAP_FIXED) and returns; the faulting instruction then
// completes against that page. Every guarded access checks its fault flag and
// that poison record afterwards and reports a fault, so no caller takes the
// patched zeros for data; the Swift side maps the file again over the patched
// pages before the next use.
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

__thread iommap_thread *iommap_self __attribute__((tls_model("initial-exec")));

static struct sigaction previous_action;
static pthread_once_t install_once = PTHREAD_ONCE_INIT;
static size_t page_size;

// MARK: - Thread records

static iommap_thread *registry;  // a list that only grows; records are reused, never freed
static pthread_key_t thread_key;
static pthread_once_t thread_key_once = PTHREAD_ONCE_INIT;

static void thread_ended(void *record) {
    iommap_thread *thread = record;
    __atomic_store_n(&thread->reading, NULL, __ATOMIC_RELEASE);
    thread->innermost = NULL;
    thread->faulted = 0;
    iommap_self = NULL;
    __atomic_store_n(&thread->in_use, 0, __ATOMIC_RELEASE);
}

static void make_thread_key(void) {
    pthread_key_create(&thread_key, thread_ended);
}

iommap_thread *iommap_thread_register(void) {
    if (iommap_self) {
        return iommap_self;
    }
    pthread_once(&thread_key_once, make_thread_key);
    iommap_thread *thread = NULL;
    for (iommap_thread *candidate = __atomic_load_n(&registry, __ATOMIC_ACQUIRE); candidate;
         candidate = candidate->next) {
        int free_slot = 0;
        if (__atomic_compare_exchange_n(&candidate->in_use, &free_slot, 1, 0, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED)) {
            thread = candidate;
            break;
        }
    }
    if (!thread) {
        thread = calloc(1, sizeof *thread);
        if (!thread) {
            abort();  // a few dozen bytes once per thread: nothing sensible is left to do
        }
        thread->in_use = 1;
        iommap_thread *head = __atomic_load_n(&registry, __ATOMIC_RELAXED);
        do {
            thread->next = head;
        } while (!__atomic_compare_exchange_n(&registry, &head, thread, 1, __ATOMIC_RELEASE, __ATOMIC_RELAXED));
    }
    pthread_setspecific(thread_key, thread);
    __atomic_signal_fence(__ATOMIC_SEQ_CST);
    iommap_self = thread;
    __atomic_signal_fence(__ATOMIC_SEQ_CST);
    return thread;
}

// MARK: - The handler

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

static void lock_runs(iommap_poison *poison) {
    uint32_t unlocked = 0;
    while (!__atomic_compare_exchange_n(&poison->lock, &unlocked, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
        unlocked = 0;
        sched_yield();
    }
}

static void unlock_runs(iommap_poison *poison) {
    __atomic_store_n(&poison->lock, 0, __ATOMIC_RELEASE);
}

/// Counts a patch of `page` as started and remembers the page (lowest, and in a run).
static void record_patch(iommap_poison *poison, uintptr_t page) {
    __atomic_fetch_add(&poison->started, 1, __ATOMIC_SEQ_CST);
    lock_runs(poison);
    if (poison->lowest == 0 || page < poison->lowest) {
        poison->lowest = page;
    }
    uint32_t count = poison->run_count;
    int extended = 0;
    for (uint32_t index = 0; index < count && index < IOMMAP_POISON_RUNS; index++) {
        if (poison->runs[index][1] == page) {
            poison->runs[index][1] = page + page_size;
            extended = 1;
            break;
        }
        if (page >= poison->runs[index][0] && page < poison->runs[index][1]) {
            extended = 1;  // patched again (another thread, another mapping at the same address)
            break;
        }
    }
    if (!extended) {
        if (count < IOMMAP_POISON_RUNS) {
            poison->runs[count][0] = page;
            poison->runs[count][1] = page + page_size;
        }
        poison->run_count = count + 1;
    }
    unlock_runs(poison);
}

static int inside(const char *address, const char *low, const char *high) {
    return address >= low && address < high;
}

static void bus_error_handler(int signal_number, siginfo_t *info, void *context) {
    atomic_signal_fence(memory_order_seq_cst);
    iommap_thread *thread = iommap_self;
    const char *address = (const char *)info->si_addr;
    // Only a fault the kernel raised (si_code > 0), on this thread, inside a range it guards.
    if (info->si_code > 0 && thread) {
        iommap_poison *poison = NULL;
        iommap_guard_record *record = NULL;
        const iommap_view *view = thread->reading;
        int matched = 0;
        if (view && inside(address, view->base, view->base + view->size)) {
            poison = view->poison;
            matched = 1;
        } else {
            for (record = thread->innermost; record; record = record->previous) {
                if (inside(address, record->low, record->high)) {
                    poison = record->poison;
                    matched = 1;
                    break;
                }
            }
        }
        if (matched) {
            uintptr_t page = (uintptr_t)address & ~(uintptr_t)(page_size - 1);
            if (poison) {
                record_patch(poison, page);
            }
            void *patched = mmap((void *)page, page_size, PROT_READ | PROT_WRITE,
                                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
            if (poison) {
                __atomic_fetch_add(&poison->finished, 1, __ATOMIC_SEQ_CST);
            }
            if (patched != MAP_FAILED) {
                if (record) {
                    if (!record->faulted) {
                        record->fault_address = address;
                    }
                    record->faulted = 1;
                } else if (!thread->faulted) {
                    thread->fault_address = address;
                    thread->faulted = 1;
                }
                atomic_signal_fence(memory_order_seq_cst);
                return;
            }
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

const void *iommap_take_fault_address(void) {
    iommap_thread *thread = iommap_thread_register();
    const void *address = thread->faulted ? thread->fault_address : NULL;
    thread->faulted = 0;
    thread->fault_address = NULL;
    return address;
}

void iommap_guard_install(void) {
    pthread_once(&install_once, install);
}

void iommap_guard_exchange_previous(const struct sigaction *replacement, struct sigaction *previous) {
    iommap_guard_install();
    *previous = previous_action;
    previous_action = *replacement;
}

// MARK: - Guarded calls and scopes: a record on this thread's chain

static int poisoned(const iommap_poison *poison) {
    return poison && __atomic_load_n(&poison->started, __ATOMIC_SEQ_CST) !=
                         __atomic_load_n(&poison->repaired, __ATOMIC_SEQ_CST);
}

void iommap_scope_begin(iommap_guard_record *record, iommap_guard_range range) {
    iommap_thread *thread = iommap_thread_register();
    record->low = (const char *)range.base;
    record->high = (const char *)range.base + range.length;
    record->poison = range.poison;
    record->faulted = 0;
    record->fault_address = NULL;
    record->previous = thread->innermost;
    __atomic_signal_fence(__ATOMIC_SEQ_CST);
    thread->innermost = record;
    __atomic_signal_fence(__ATOMIC_SEQ_CST);
}

int iommap_scope_end(iommap_guard_record *record) {
    iommap_thread *thread = iommap_self;
    __atomic_signal_fence(__ATOMIC_SEQ_CST);
    thread->innermost = record->previous;
    __atomic_signal_fence(__ATOMIC_SEQ_CST);
    if (record->faulted) {
        thread->fault_address = record->fault_address;
        thread->faulted = 1;
        return 1;
    }
    return poisoned(record->poison);
}

#define GUARDED(range, body)                                  \
    iommap_guard_record record;                               \
    iommap_take_fault_address();                              \
    iommap_scope_begin(&record, range);                       \
    body;                                                     \
    return iommap_scope_end(&record);

int iommap_guarded_copy(void *destination, const void *source, size_t count, iommap_guard_range range) {
    GUARDED(range, {
        IGNORE_READS_BEGIN();
        memcpy(destination, source, count);
        IGNORE_READS_END();
    })
}

int iommap_guarded_fill(void *destination, uint8_t byte, size_t count, iommap_guard_range range) {
    GUARDED(range, memset(destination, byte, count))
}

int iommap_guarded_move(void *destination, const void *source, size_t count, iommap_guard_range range) {
    GUARDED(range, memmove(destination, source, count))
}

int iommap_guarded_compare(const void *lhs, const void *rhs, size_t count, int *result,
                           iommap_guard_range range) {
    GUARDED(range, {
        IGNORE_READS_BEGIN();
        int order = memcmp(lhs, rhs, count);
        IGNORE_READS_END();
        *result = order < 0 ? -1 : (order > 0 ? 1 : 0);
    })
}

// MARK: - Lock-free reads of a published view

/// Announces the current view on this thread and checks that it is still current; NULL (and
/// nothing announced) when a change is under way or ran meanwhile.
static const iommap_view *enter_view(iommap_thread *thread, iommap_published *published, uintptr_t *before) {
    *before = __atomic_load_n(&published->sequence, __ATOMIC_ACQUIRE);
    iommap_view *view = __atomic_load_n(&published->view, __ATOMIC_ACQUIRE);
    __atomic_store_n(&thread->reading, view, __ATOMIC_RELAXED);
    __atomic_signal_fence(__ATOMIC_SEQ_CST);
    if ((*before & 1) != 0 || __atomic_load_n(&published->view, __ATOMIC_RELAXED) != view) {
        __atomic_store_n(&thread->reading, NULL, __ATOMIC_RELEASE);
        return NULL;
    }
    return view;
}

static int leave_view(iommap_thread *thread, iommap_published *published, uintptr_t before) {
    __atomic_signal_fence(__ATOMIC_SEQ_CST);
    __atomic_store_n(&thread->reading, NULL, __ATOMIC_RELEASE);
    int faulted = poisoned(&published->poison);
    __atomic_thread_fence(__ATOMIC_ACQUIRE);
    if (__atomic_load_n(&published->sequence, __ATOMIC_RELAXED) != before) {
        return IOMMAP_READ_RETRY;
    }
    return faulted ? IOMMAP_READ_FAULTED : IOMMAP_READ_DONE;
}

int iommap_read_published_outline(iommap_published *published, void *destination, intptr_t offset, intptr_t count) {
    iommap_thread *thread = iommap_self;
    if (!thread) {
        return IOMMAP_READ_UNREGISTERED;
    }
    uintptr_t before;
    const iommap_view *view = enter_view(thread, published, &before);
    if (!view) {
        return IOMMAP_READ_RETRY;
    }
    intptr_t readable = view->readable;
    if (offset < 0 || offset > readable || count > readable - offset) {
        __atomic_store_n(&thread->reading, NULL, __ATOMIC_RELEASE);
        return IOMMAP_READ_REFUSED;
    }
    if (count > 0) {
        // A seqlock reader copies bytes a writer may be changing and then throws the copy away.
        IGNORE_READS_BEGIN();
        memcpy(destination, view->base + offset, (size_t)count);
        IGNORE_READS_END();
    }
    return leave_view(thread, published, before);
}

int iommap_gather_published(iommap_published *published, void *destination, const intptr_t *offsets,
                            intptr_t count, intptr_t width, intptr_t *refused_index) {
    iommap_thread *thread = iommap_self;
    if (!thread) {
        return IOMMAP_READ_UNREGISTERED;
    }
    uintptr_t before;
    const iommap_view *view = enter_view(thread, published, &before);
    if (!view) {
        return IOMMAP_READ_RETRY;
    }
    intptr_t readable = view->readable;
    const char *base = view->base;
    unsigned char *target = destination;
    IGNORE_READS_BEGIN();
    for (intptr_t index = 0; index < count; index++) {
        intptr_t offset = offsets[index];
        if (offset < 0 || offset > readable || width > readable - offset) {
            IGNORE_READS_END();
            __atomic_store_n(&thread->reading, NULL, __ATOMIC_RELEASE);
            *refused_index = index;
            return IOMMAP_READ_REFUSED;
        }
        switch (width) {
        case 8: __builtin_memcpy(target, base + offset, 8); break;
        case 4: __builtin_memcpy(target, base + offset, 4); break;
        case 2: __builtin_memcpy(target, base + offset, 2); break;
        case 1: __builtin_memcpy(target, base + offset, 1); break;
        case 16: __builtin_memcpy(target, base + offset, 16); break;
        default: memcpy(target, base + offset, (size_t)width);
        }
        target += width;
    }
    IGNORE_READS_END();
    return leave_view(thread, published, before);
}

// MARK: - Reclaiming views no reader names

#if defined(__linux__)
#include <linux/membarrier.h>
#include <sys/syscall.h>

static int barrier_ready = -1;  // -1 unknown, 0 unavailable, 1 registered
static pthread_once_t barrier_once = PTHREAD_ONCE_INIT;

static void register_barrier(void) {
    long supported = syscall(__NR_membarrier, MEMBARRIER_CMD_QUERY, 0, 0);
    if (supported >= 0 && (supported & MEMBARRIER_CMD_PRIVATE_EXPEDITED) &&
        syscall(__NR_membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0, 0) == 0) {
        barrier_ready = 1;
    } else {
        barrier_ready = 0;
    }
}

static int process_barrier(void) {
    pthread_once(&barrier_once, register_barrier);
    if (barrier_ready != 1) {
        return -1;
    }
    return syscall(__NR_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0) == 0 ? 0 : -1;
}
#else
static int process_barrier(void) {
    return -1;  // no cheap process-wide barrier: keep replaced views until the handle goes
}
#endif

int iommap_views_in_use(const iommap_view *const *views, size_t count, uint8_t *in_use) {
    if (process_barrier() != 0) {
        memset(in_use, 1, count);
        return -1;
    }
    memset(in_use, 0, count);
    for (iommap_thread *thread = __atomic_load_n(&registry, __ATOMIC_ACQUIRE); thread; thread = thread->next) {
        const iommap_view *named = __atomic_load_n(&thread->reading, __ATOMIC_ACQUIRE);
        if (!named) {
            continue;
        }
        for (size_t index = 0; index < count; index++) {
            if (views[index] == named) {
                in_use[index] = 1;
            }
        }
    }
    return 0;
}

// MARK: - Search

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
    iommap_guard_record record;
    iommap_take_fault_address();
    iommap_scope_begin(&record, range);
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
    return iommap_scope_end(&record);
}

iommap_published *iommap_published_create(void) {
    return calloc(1, sizeof(iommap_published));
}

void iommap_published_destroy(iommap_published *published) {
    free(published);
}

int iommap_poison_test(const iommap_poison *poison) {
    return poisoned(poison);
}

uint64_t iommap_poison_begin_repair(iommap_poison *poison, uintptr_t *lowest, uintptr_t *runs, uint32_t *run_count) {
    for (;;) {
        // A handler between its two counts is a few system-call lengths away from done.
        while (__atomic_load_n(&poison->started, __ATOMIC_SEQ_CST) !=
               __atomic_load_n(&poison->finished, __ATOMIC_SEQ_CST)) {
            sched_yield();
        }
        lock_runs(poison);
        uint64_t started = __atomic_load_n(&poison->started, __ATOMIC_SEQ_CST);
        if (started != __atomic_load_n(&poison->finished, __ATOMIC_SEQ_CST)) {
            unlock_runs(poison);  // a handler began meanwhile: let it record its page first
            continue;
        }
        // Every patch counted in `started` has recorded its page.
        uint32_t count = poison->run_count;
        uint32_t kept = count < IOMMAP_POISON_RUNS ? count : IOMMAP_POISON_RUNS;
        memcpy(runs, poison->runs, kept * 2 * sizeof(uintptr_t));
        *run_count = count > IOMMAP_POISON_RUNS ? UINT32_MAX : count;
        *lowest = poison->lowest;
        poison->run_count = 0;
        poison->lowest = 0;
        unlock_runs(poison);
        return started;
    }
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
