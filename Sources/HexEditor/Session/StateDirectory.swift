import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where hexmap keeps what outlives a session (edit-lock notes, journals, the REPL's history):
/// `$XDG_STATE_HOME/hexmap`, by default `~/.local/state/hexmap`, as the XDG base directory
/// rules say.
public enum StateDirectory {
    /// The directory `hexmap/<components…>` under the state home, created (mode 0700, with
    /// any missing parents) if needed; nil when there is no home or it cannot be created.
    public static func directory(_ components: String...) -> FilePath? {
        directory(components, under: home)
    }

    /// `hexmap/<components…>` under `home`, created as `directory(_:)` says.
    static func directory(_ components: [String], under home: FilePath?) -> FilePath? {
        guard var path = home else { return nil }
        path.append("hexmap")
        for component in components { path.append(component) }
        return makeDirectory(path) ? path : nil
    }

    /// `mkdir -p`, trying the directory itself first: it exists on every start but the first,
    /// so one call usually does.
    private static func makeDirectory(_ path: FilePath) -> Bool {
        func make() -> Bool { path.withPlatformString { mkdir($0, 0o700) } == 0 || errno == EEXIST }
        if make() { return true }
        guard errno == ENOENT else { return false }
        let parent = path.parentDirectory
        guard parent != path, !parent.isEmpty, makeDirectory(parent) else { return false }
        return make()
    }

    /// `$XDG_STATE_HOME` when it is an absolute path, else `$HOME/.local/state`.
    static var home: FilePath? {
        if let state = environment("XDG_STATE_HOME"), state.hasPrefix("/") {
            return FilePath(state)
        }
        guard let home = environment("HOME"), home.hasPrefix("/") else { return nil }
        return FilePath(home + "/.local/state")
    }

    private static func environment(_ name: String) -> String? {
        guard let value = getenv(name), value.pointee != 0 else { return nil }
        return String(cString: value)
    }
}
