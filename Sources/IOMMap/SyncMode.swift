/// How `sync` flushes: `.sync` waits for the writes (MS_SYNC), `.async` schedules them (MS_ASYNC).
public enum SyncMode: Sendable, Equatable {
    case sync
    case async
}
