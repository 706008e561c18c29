// CIOMMap: the only code that touches mapped memory where a fault is possible.
//
// Each guarded access copies, fills, moves, compares or searches bytes inside a
// mapping while this thread's guard names that mapping's address range. If the
// file shrank under the mapping, the kernel raises SIGBUS; the handler patches
// an anonymous zero page over the faulting page, marks the mapping poisoned
// and returns, so the instruction completes. The access then reports a fault,
// and the Swift side maps the file again before anyone trusts those bytes.
// Faults that are not ours go to the handler that was installed before ours.
//
// A thread names what it guards in a heap record (`iommap_thread`) that the
// thread-local `iommap_self` points to:
// - `reading`: the view a lock-free read is using. One store arms the guard for
//   the view's bytes and announces the view to whoever wants to free it (a
//   hazard pointer); a handle frees a replaced view only after a membarrier and
//   a look at every thread's `reading`.
// - `innermost`: a chain of stack records, one per guarded call or guarded scope
//   (scopes nest). The handler walks it on the faulting thread only.
#ifndef CIOMMAP_H
#define CIOMMAP_H

#include <stddef.h>
#include <stdint.h>
#include <signal.h>
#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The most separate runs of patched pages a poison record remembers between two repairs.
#define IOMMAP_POISON_RUNS 64

/// What the signal handler did to a handle's mappings. The handler counts a
/// patch as started before it maps the zero page and as finished after, so a
/// thread that can see patched zeros can also see that the mapping is poisoned,
/// and a repair never forgets a patch that landed after it remapped.
typedef struct {
    uint64_t started;
    uint64_t finished;
    uint64_t repaired;   // patches started up to this count have been mapped over again
    uintptr_t lowest;    // the lowest page patched since the last repair began (0: none known)
    /// The pages patched since the last repair began, as runs [start, end) of whole pages, so
    /// that a private mapping is repaired page by page and keeps its private edits.
    uint32_t run_count;  // runs claimed; past IOMMAP_POISON_RUNS some went unrecorded
    uint32_t lock;      // guards `lowest` and `runs` (the handler holds it for a few stores)
    uintptr_t runs[IOMMAP_POISON_RUNS][2];
} iommap_poison;

/// The range a guarded call may fault in, and the poison record to mark.
typedef struct {
    const void *_Nullable base;
    size_t length;
    iommap_poison *_Nullable poison;
} iommap_guard_range;

/// One guard on a thread's chain: a guarded call or a guarded scope. Records live on the stack
/// of the thread that armed them; scopes nest, so each names the one it encloses.
typedef struct iommap_guard_record {
    const char *_Nullable low;
    const char *_Nullable high;
    iommap_poison *_Nullable poison;
    struct iommap_guard_record *_Nullable previous;
    volatile sig_atomic_t faulted;
    const void *_Nullable volatile fault_address;
} iommap_guard_record;

/// What a handle shows lock-free readers: an address and a size that belong together, and
/// whether reading is allowed at all. Immutable once published; a replaced view is freed only
/// when no thread's `reading` names it (see `iommap_views_in_use`).
typedef struct {
    char *_Nullable base;
    /// The size when reads are allowed; -1 when the handle is closed or write-only, so one
    /// bounds check refuses those reads too (the slow path then says why).
    intptr_t readable;
    intptr_t size;
    /// The handle's poison record: what the handler marks for a fault in [base, base + size).
    iommap_poison *_Nullable poison;
    /// The Swift object that owns the mapping (retained while the view lives).
    const void *_Nullable owner;
} iommap_view;

/// A handle's seqlock, current view and poison record, in one C allocation that inline C reads
/// with plain atomic loads (Swift's `Atomic` has no address to hand to C).
typedef struct {
    uintptr_t sequence;           // odd while a change is under way
    iommap_view *_Nullable view;  // the current view
    intptr_t size;                // the mapped size, or -1 once closed (what `size()` reads)
    iommap_poison poison;
} iommap_published;

/// A thread's guard state (see the file comment). Records are never freed: a thread that ends
/// gives its record back for the next thread to reuse.
typedef struct iommap_thread {
    const iommap_view *_Nullable volatile reading;
    iommap_guard_record *_Nullable volatile innermost;
    /// The address a lock-free read faulted at (valid while `faulted`).
    volatile sig_atomic_t faulted;
    const void *_Nullable volatile fault_address;
    struct iommap_thread *_Nullable next;
    int in_use;
} iommap_thread;

extern __thread iommap_thread *_Nullable iommap_self __attribute__((tls_model("initial-exec")));

/// This thread's record, registered on first use.
iommap_thread *_Nonnull iommap_thread_register(void);

/// The published record of a new handle (zeroed), or NULL when out of memory.
iommap_published *_Nullable iommap_published_create(void);
void iommap_published_destroy(iommap_published *_Nullable published);

/// Starts a change readers must not see half of: the sequence turns odd before any byte of it.
static inline void iommap_change_begin(iommap_published *_Nonnull published) {
    __atomic_fetch_add(&published->sequence, 1, __ATOMIC_SEQ_CST);
    __atomic_thread_fence(__ATOMIC_SEQ_CST);  // ARM reorders plain stores: the odd count goes first
}

/// Ends it: the sequence turns even again, after every byte of the change.
static inline void iommap_change_end(iommap_published *_Nonnull published) {
    __atomic_fetch_add(&published->sequence, 1, __ATOMIC_RELEASE);
}

/// Makes `view` what readers see, and `size` what `size()` reports (-1: closed).
static inline void iommap_publish_view(iommap_published *_Nonnull published, iommap_view *_Nonnull view, intptr_t size) {
    __atomic_store_n(&published->view, view, __ATOMIC_RELEASE);
    __atomic_store_n(&published->size, size, __ATOMIC_RELEASE);
}

static inline intptr_t iommap_published_size(const iommap_published *_Nonnull published) {
    return __atomic_load_n(&published->size, __ATOMIC_ACQUIRE);
}

/// What `iommap_read_published` did.
enum {
    IOMMAP_READ_DONE = 0,
    IOMMAP_READ_RETRY = 1,         // a change ran meanwhile (or was under way): read again
    IOMMAP_READ_REFUSED = 2,       // the current view refuses it: closed, write-only, or out of bounds
    IOMMAP_READ_FAULTED = 3,       // the copy faulted, or the mapping holds unrepaired patches
    IOMMAP_READ_UNREGISTERED = 4,  // this thread has no record yet
};

/// `iommap_read_published` compiled once, in C (reads over 16 bytes, ThreadSanitizer builds).
int iommap_read_published_outline(iommap_published *_Nonnull published, void *_Nullable destination,
                                  intptr_t offset, intptr_t count);

#if defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define IOMMAP_HEADER_TSAN 1
#endif
#endif

/// The lock-free read, inlined into the caller for up to 16 bytes: one seqlock section that
/// copies `count` bytes at `offset` of the current view into `destination`.
///
/// Loads: the thread record, the sequence, the view (twice), its size and base, the bytes, the
/// poison counts, the sequence again. Stores: the thread's `reading`, twice. No atomic
/// read-modify-write and no fence the CPU executes (on x86, acquire loads are plain loads).
static inline int iommap_read_published(iommap_published *_Nonnull published, void *_Nullable destination,
                                        intptr_t offset, intptr_t count) {
#ifdef IOMMAP_HEADER_TSAN
    return iommap_read_published_outline(published, destination, offset, count);
#else
    if (count > 16) {
        return iommap_read_published_outline(published, destination, offset, count);
    }
    iommap_thread *self = iommap_self;
    if (__builtin_expect(self == NULL, 0)) {
        return IOMMAP_READ_UNREGISTERED;
    }
    uintptr_t before = __atomic_load_n(&published->sequence, __ATOMIC_ACQUIRE);
    iommap_view *view = __atomic_load_n(&published->view, __ATOMIC_ACQUIRE);
    // Announce the view (which also arms the guard for its bytes), then check that it is still
    // current: a reclaimer that replaced it either sees the announcement or made this second
    // load see the new view (it runs membarrier between publishing and looking).
    __atomic_store_n(&self->reading, view, __ATOMIC_RELAXED);
    __atomic_signal_fence(__ATOMIC_SEQ_CST);
    iommap_view *again = __atomic_load_n(&published->view, __ATOMIC_RELAXED);
    if (__builtin_expect(((before & 1) | ((uintptr_t)again ^ (uintptr_t)view)) != 0, 0)) {
        __atomic_store_n(&self->reading, NULL, __ATOMIC_RELEASE);
        return IOMMAP_READ_RETRY;
    }
    // One bounds check refuses out-of-bounds, closed and write-only reads (readable is -1).
    intptr_t limit = view->readable - count;
    if (__builtin_expect((offset | limit) < 0 || offset > limit, 0)) {
        __atomic_store_n(&self->reading, NULL, __ATOMIC_RELEASE);
        return IOMMAP_READ_REFUSED;
    }
    const char *source = view->base + offset;
    switch (count) {
    case 8: __builtin_memcpy(destination, source, 8); break;
    case 4: __builtin_memcpy(destination, source, 4); break;
    case 2: __builtin_memcpy(destination, source, 2); break;
    case 1: __builtin_memcpy(destination, source, 1); break;
    case 16: __builtin_memcpy(destination, source, 16); break;
    default:
        for (intptr_t index = 0; index < count; index++) {
            ((unsigned char *)destination)[index] = ((const unsigned char *)source)[index];
        }
    }
    __atomic_signal_fence(__ATOMIC_SEQ_CST);
    // Release: what this read did with the view happens before a reclaimer that sees NULL frees it.
    __atomic_store_n(&self->reading, NULL, __ATOMIC_RELEASE);
    // A fault on this thread counted its patch before the copy went on, so program order is
    // enough to see it here; a patch by another thread shows too (the mapping is poisoned).
    uint64_t patched = __atomic_load_n(&published->poison.started, __ATOMIC_RELAXED) ^
                       __atomic_load_n(&published->poison.repaired, __ATOMIC_RELAXED);
    __atomic_thread_fence(__ATOMIC_ACQUIRE);
    uintptr_t moved = __atomic_load_n(&published->sequence, __ATOMIC_RELAXED) ^ before;
    if (__builtin_expect((moved | patched) != 0, 0)) {
        return moved ? IOMMAP_READ_RETRY : IOMMAP_READ_FAULTED;
    }
    return IOMMAP_READ_DONE;
#endif
}

/// Copies `width` bytes at each of `count` offsets into consecutive slots of `destination`,
/// in one seqlock section, so all of them come from one moment. Returns as above; REFUSED
/// names the first refused offset in `*refused_index`.
int iommap_gather_published(iommap_published *_Nonnull published, void *_Nonnull destination,
                            const intptr_t *_Nonnull offsets, intptr_t count, intptr_t width,
                            intptr_t *_Nonnull refused_index);

/// Pushes `record` (guarding `range`) as this thread's innermost guard: a guarded scope.
void iommap_scope_begin(iommap_guard_record *_Nonnull record, iommap_guard_range range);
/// Pops it; 1 if an access inside it faulted or its mapping holds unrepaired patches. The
/// fault's address is then what `iommap_take_fault_address` returns.
int iommap_scope_end(iommap_guard_record *_Nonnull record);

/// Makes every thread of the process pass a full memory barrier (membarrier), then reports in
/// `in_use[i]` whether a lock-free read on some thread still names `views[i]`. Returns 0, or -1
/// when the system offers no such barrier: then every view counts as in use.
int iommap_views_in_use(const iommap_view *_Nonnull const *_Nonnull views, size_t count, uint8_t *_Nonnull in_use);

/// The address this thread's last failed guarded access faulted at, forgotten as it is taken
/// (NULL when the access did not fault itself but found the mapping poisoned by another thread).
const void *_Nullable iommap_take_fault_address(void);

/// Installs the process-wide SIGBUS handler once; later calls do nothing.
void iommap_guard_install(void);

/// Each returns 0 on success and 1 when the guarded range faulted (or was
/// found poisoned by another thread's fault), in which case the bytes
/// produced are not the file's.
int iommap_guarded_copy(void *_Nonnull destination, const void *_Nonnull source, size_t count,
                        iommap_guard_range range);
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

/// 0 when every patch has been repaired; otherwise 1.
int iommap_poison_test(const iommap_poison *_Nonnull poison);
/// Waits for patches in progress to finish and returns the mark to pass to
/// `iommap_poison_repaired` once the file has been mapped over the patched pages again. Copies
/// the runs of pages patched since the previous repair began into `runs` (start, end pairs; room
/// for IOMMAP_POISON_RUNS) and returns their number in `*run_count`, or UINT32_MAX when some went
/// unrecorded; `*lowest` is the lowest patched page (0 if unknown).
uint64_t iommap_poison_begin_repair(iommap_poison *_Nonnull poison, uintptr_t *_Nonnull lowest,
                                    uintptr_t *_Nonnull runs, uint32_t *_Nonnull run_count);
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

/// When the file was created (statx STATX_BTIME on Linux, st_birthtime on macOS); -1 where
/// the file system or the platform does not say.
int iommap_birth_time(int descriptor, int64_t *_Nonnull seconds, uint32_t *_Nonnull nanoseconds);

/// Test hook: swaps the action that faults which are not ours are handed to.
void iommap_guard_exchange_previous(const struct sigaction *_Nonnull replacement,
                                    struct sigaction *_Nonnull previous);

#ifdef __cplusplus
}
#endif
#endif
