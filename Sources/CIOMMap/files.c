// File-system calls that Swift's Glibc module does not reliably expose (they
// need _GNU_SOURCE), wrapped so each platform's variant sits in one place.
#define _GNU_SOURCE
#include "CIOMMap.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

off_t iommap_seek_data(int descriptor, off_t offset, int hole) {
#if defined(SEEK_DATA) && defined(SEEK_HOLE)
    return lseek(descriptor, offset, hole ? SEEK_HOLE : SEEK_DATA);
#else
    (void)descriptor;
    (void)offset;
    (void)hole;
    errno = EINVAL;
    return -1;
#endif
}

int iommap_allocate(int descriptor, off_t offset, off_t count) {
#if defined(__linux__)
    return fallocate(descriptor, 0, offset, count);
#else
    int result = posix_fallocate(descriptor, offset, count);
    if (result != 0) {
        errno = result;
        return -1;
    }
    return 0;
#endif
}

int iommap_punch_hole(int descriptor, off_t offset, off_t count) {
#if defined(__linux__) && defined(FALLOC_FL_PUNCH_HOLE)
    return fallocate(descriptor, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, offset, count);
#else
    (void)descriptor;
    (void)offset;
    (void)count;
    errno = EOPNOTSUPP;
    return -1;
#endif
}

int iommap_birth_time(int descriptor, int64_t *seconds, uint32_t *nanoseconds) {
#if defined(__linux__) && defined(STATX_BTIME)
    struct statx status;
    if (statx(descriptor, "", AT_EMPTY_PATH, STATX_BTIME, &status) != 0 || !(status.stx_mask & STATX_BTIME)) {
        return -1;
    }
    *seconds = status.stx_btime.tv_sec;
    *nanoseconds = status.stx_btime.tv_nsec;
    return 0;
#elif defined(__APPLE__)
    struct stat status;
    if (fstat(descriptor, &status) != 0) {
        return -1;
    }
    *seconds = status.st_birthtimespec.tv_sec;
    *nanoseconds = (uint32_t)status.st_birthtimespec.tv_nsec;
    return 0;
#else
    (void)descriptor;
    (void)seconds;
    (void)nanoseconds;
    return -1;
#endif
}
