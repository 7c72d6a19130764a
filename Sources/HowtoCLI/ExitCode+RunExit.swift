import ArgumentParser
import Runner

/// The exit codes commands throw, named as `RunExit` (the one table of codes) names them.
extension ExitCode {
    /// 2: the content, an option or a file given was wrong; the message says where.
    static let badInput = ExitCode(RunExit.badInput)
    /// 3: howto itself failed.
    static let internalError = ExitCode(RunExit.internalError)
}
