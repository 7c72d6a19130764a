/// What one `vault` invocation printed and its exit code.
public struct VaultCommandResult: Sendable, Equatable {
    /// Standard output text.
    public var stdout: String
    /// Standard error text.
    public var stderr: String
    /// Process exit code: 0 success, 1 usage or local errors, 2 API errors (as the real CLI).
    public var exitCode: Int32

    /// Creates a result.
    public init(stdout: String, stderr: String, exitCode: Int32) {
        self.stdout = stdout
        self.stderr = stderr
        self.exitCode = exitCode
    }
}
