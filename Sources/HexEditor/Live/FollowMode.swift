/// `:follow on` and `F`: like `tail -f` and `less +F`, the view stays on the
/// last rows while another process appends; any movement key leaves it.
extension EditorState {
    /// Starts following: the cursor goes to the last byte, the view to the last rows.
    func startFollowing() {
        following = true
        moveToEnd()
        message = .init("following the end of the file (any movement key stops)")
    }

    /// A movement key was pressed: the user wants to look somewhere, so stop following.
    func leaveFollowModeForMotion() {
        guard following else { return }
        following = false
    }

    /// Puts the cursor on the last byte; the next frame scrolls so its row is the bottom one.
    func moveToEnd() {
        cursor = max(0, document.size - 1)
    }
}
