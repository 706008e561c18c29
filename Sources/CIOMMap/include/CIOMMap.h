// CIOMMap: the only code that touches mapped memory where a fault is possible.
//
// Each guarded call copies, fills, moves, compares or searches bytes inside a
// mapping while this thread's guard names that mapping's address range. If the
// file shrank under the mapping, the kernel raises SIGBUS; the handler patches
// an anonymous zero page over the faulting page, marks the mapping poisoned
// and returns, so the instruction completes. The call then reports a fault,
// and the Swift side maps the file again before anyone trusts those bytes.
// Faults that are not ours go to the handler that was installed before ours.
#ifndef CIOMMAP_H
#define CIOMMAP_H

#include <stddef.h>
#include <stdint.h>
#include <signal.h>
#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/// What the signal handler did to a handle's mappings. The handler counts a
/// patch as started before it maps the zero page and as finished after, so a
/// thread that can see patched zeros can also see that the mapping is poisoned,
/// and a repair never forgets a patch that landed after it remapped.
typedef struct {
    uint64_t started;
    uint64_t finished;
    uint64_t repaired;   // patches started up to this count have been mapped over again
    uintptr_t lowest;    // the lowest page patched since the last repair began (0: none known)
} iommap_poison;

/// The range a guarded call may fault in, and the poison record to mark.
typedef struct {
    const void *_Nullable base;
    size_t length;
    iommap_poison *_Nullable poison;
} iommap_guard_range;

/// Per-thread guard state. `volatile` and the signal fences keep the compiler
/// from deleting or reordering the stores the handler depends on.
typedef struct {
    const char *_Nullable volatile low;
    const char *_Nullable volatile high;
    iommap_poison *_Nullable volatile poison;
    volatile sig_atomic_t active;
    volatile sig_atomic_t faulted;
    /// The first address that faulted during the current guarded call (valid while `faulted`).
    const void *_Nullable volatile fault_address;
} iommap_guard_state;

extern __thread iommap_guard_state iommap_current_guard __attribute__((tls_model("initial-exec")));

/// Arms this thread's guard for an access inside `range`.
static inline void iommap_guard_begin(iommap_guard_range range) {
    iommap_guard_state *guard = &iommap_current_guard;
    guard->low = (const char *)range.base;
    guard->high = (const char *)range.base + range.length;
    guard->poison = range.poison;
    guard->faulted = 0;
    __atomic_signal_fence(__ATOMIC_SEQ_CST);
    guard->active = 1;
    __atomic_signal_fence(__ATOMIC_SEQ_CST);
}

/// Disarms the guard; 1 if the access faulted or the mapping holds unrepaired patches.
static inline int iommap_guard_end(iommap_guard_range range) {
    iommap_guard_state *guard = &iommap_current_guard;
    __atomic_signal_fence(__ATOMIC_SEQ_CST);
    guard->active = 0;
    __atomic_signal_fence(__ATOMIC_SEQ_CST);
    if (guard->faulted) {
        return 1;
    }
    return range.poison && __atomic_load_n(&range.poison->started, __ATOMIC_SEQ_CST) !=
                               __atomic_load_n(&range.poison->repaired, __ATOMIC_SEQ_CST);
}

/// The address the last guarded call on this thread faulted at (NULL when it did not fault
/// itself, but found the mapping poisoned by another thread's fault).
const void *_Nullable iommap_last_fault_address(void);

/// Installs the process-wide SIGBUS handler once; later calls do nothing.
void iommap_guard_install(void);

/// Each returns 0 on success and 1 when the guarded range faulted (or was
/// found poisoned by another thread's fault), in which case the bytes
/// produced are not the file's.
int iommap_guarded_copy(void *_Nonnull destination, const void *_Nonnull source, size_t count,
                        iommap_guard_range range);

/// `iommap_guarded_copy` inlined into the caller, with the common small sizes
/// copied by fixed-size moves: the hot path of small random reads.
static inline int iommap_guarded_copy_inline(void *_Nonnull destination, const void *_Nonnull source,
                                             size_t count, iommap_guard_range range) {
    if (count > 16) {
        return iommap_guarded_copy(destination, source, count, range);
    }
    iommap_guard_begin(range);
    switch (count) {
    case 8: __builtin_memcpy(destination, source, 8); break;
    case 4: __builtin_memcpy(destination, source, 4); break;
    case 2: __builtin_memcpy(destination, source, 2); break;
    case 1: __builtin_memcpy(destination, source, 1); break;
    case 16: __builtin_memcpy(destination, source, 16); break;
    default:
        for (size_t index = 0; index < count; index++) {
            ((unsigned char *)destination)[index] = ((const unsigned char *)source)[index];
        }
    }
    return iommap_guard_end(range);
}
int iommap_guarded_fill(void *_Nonnull destination, uint8_t byte, size_t count,
                        iommap_guard_range range);
int iommap_guarded_move(void *_Nonnull destination, const void *_Nonnull source, size_t count,
                        iommap_guard_range range);
int iommap_guarded_compare(const void *_Nonnull lhs, const void *_Nonnull rhs, size_t count,
                           int *_Nonnull result, iommap_guard_range range);
/// Finds the first (or, with `backward`, the last) occurrence of `needle`
/// entirely inside `haystack`. `*found` is its index, or SIZE_MAX.
int iommap_guarded_find(const void *_Nonnull haystack, size_t haystack_length,
                        const void *_Nonnull needle, size_t needle_length, int backward,
                        size_t *_Nonnull found, iommap_guard_range range);

/// The poison record lives in C memory so the signal handler can set it.
iommap_poison *_Nullable iommap_poison_create(void);
void iommap_poison_destroy(iommap_poison *_Nullable poison);
/// 0 when every patch has been repaired; otherwise 1.
int iommap_poison_test(const iommap_poison *_Nonnull poison);
/// Waits for patches in progress to finish; returns the mark to pass to `iommap_poison_repaired`
/// once the file has been mapped over the patched pages again, and in `*lowest` the lowest page
/// patched since the previous repair began (0 if unknown: repair everything).
uint64_t iommap_poison_begin_repair(iommap_poison *_Nonnull poison, uintptr_t *_Nonnull lowest);
void iommap_poison_repaired(iommap_poison *_Nonnull poison, uint64_t mark);

/// `mremap` without MREMAP_MAYMOVE (the address never changes, so lock-free
/// readers never see it unmapped). Returns 0, or -1 with errno set; on
/// platforms without mremap it fails with ENOTSUP.
int iommap_remap_in_place(void *_Nonnull address, size_t old_length, size_t new_length);

/// `lseek(SEEK_DATA)`, or with `hole` `lseek(SEEK_HOLE)`; -1 with errno EINVAL where the
/// platform has neither.
off_t iommap_seek_data(int descriptor, off_t offset, int hole);
/// Reserves blocks for the range (`fallocate` mode 0 on Linux, `posix_fallocate` elsewhere).
int iommap_allocate(int descriptor, off_t offset, off_t count);
/// Makes the range a hole that reads as zeros (`FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE`);
/// -1 with errno EOPNOTSUPP where the platform or file system cannot.
int iommap_punch_hole(int descriptor, off_t offset, off_t count);

/// Test hook: swaps the action that faults which are not ours are handed to.
void iommap_guard_exchange_previous(const struct sigaction *_Nonnull replacement,
                                    struct sigaction *_Nonnull previous);

#ifdef __cplusplus
}
#endif
#endif
