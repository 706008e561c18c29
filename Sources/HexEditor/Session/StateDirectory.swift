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
        guard var path = home else { return nil }
        path.append("hexmap")
        for component in components { path.append(component) }
        var partial = FilePath("/")
        for component in path.components {
            partial.append(component)
            let made = partial.withPlatformString { mkdir($0, 0o700) }
            if made != 0 && errno != EEXIST { return nil }
        }
        return path
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
