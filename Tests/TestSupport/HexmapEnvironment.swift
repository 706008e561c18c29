import Foundation

/// The environment for a `hexmap` a test starts: the test's own, with hexmap's state (journals,
/// lock notes, history) and configuration (struct files) in a directory of this test process.
/// A test then never reads what the user's sessions left, and never leaves the journal or lock
/// note of a child it killed in the user's `~/.local/state/hexmap`.
public enum HexmapEnvironment {
    /// A fresh directory holding `state/` and `config/`, shared by every hexmap this process starts.
    private static let home: TemporaryFile = {
        let home = TemporaryFile(name: "")
        for name in ["state", "config"] {
            try? FileManager.default.createDirectory(
                atPath: home.directory + "/" + name, withIntermediateDirectories: true)
        }
        return home
    }()

    public static var stateHome: String { home.directory + "/state" }
    public static var configHome: String { home.directory + "/config" }

    /// `environment` (the test process's by default) with XDG_STATE_HOME and XDG_CONFIG_HOME
    /// in that directory. A test that wants directories of its own sets them after this.
    public static func isolated(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        -> [String: String]
    {
        var environment = environment
        environment["XDG_STATE_HOME"] = stateHome
        environment["XDG_CONFIG_HOME"] = configHome
        return environment
    }

    /// The same for documents a test opens in its own process (their locks and journals):
    /// the test process's XDG_STATE_HOME and XDG_CONFIG_HOME, set once, at the first use.
    public static let inProcess: Void = {
        setenv("XDG_STATE_HOME", stateHome, 1)
        setenv("XDG_CONFIG_HOME", configHome, 1)
    }()
}
