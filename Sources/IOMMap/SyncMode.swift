/// How `sync` flushes: `.sync` waits for the writes (MS_SYNC), `.async` schedules them (MS_ASYNC).
public enum SyncMode: Sendable, Equatable {
    /// Return once the dirty pages are written to the file (`MS_SYNC`).
    case sync
    /// Schedule the dirty pages for writing and return at once (`MS_ASYNC`).
    case async
}
