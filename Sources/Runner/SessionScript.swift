import Foundation

/// The bash text that makes separate processes behave like one terminal session.
///
/// Every step runs in a fresh `bash` that first sources the state the previous step saved (variables,
/// exported or not, functions, aliases, `set` and `shopt` options, working directory) and saves it again
/// when it exits. A step that hangs can then be killed with its whole process group without losing the
/// session: the next step starts from the last saved state.
public enum SessionScript {
    /// Names bash manages itself (read-only or dynamic); they are never saved or restored.
    static let unsavedVariables = [
        "BASH*", "EUID", "PPID", "SHELLOPTS", "UID", "GROUPS", "FUNCNAME", "DIRSTACK", "HISTCMD", "LINENO",
        "RANDOM", "SECONDS", "SRANDOM", "EPOCHREALTIME", "EPOCHSECONDS", "PIPESTATUS", "_", "__howto_*", "COMP_*",
        "PWD", "SHLVL", "OPTIND",
    ]

    /// Runs one step: `bash driver STATE_IN STATE_OUT STEP_FILE SENTINEL ERREXIT`.
    ///
    /// With ERREXIT `1` the step runs under `set -e -o pipefail` (bash's own exceptions for `if`, `while`,
    /// `&&`, `||` and `!` hold): its first failing command ends it, and that command's line in the step
    /// file is written to `STATE_OUT.failed`. Those options belong to the runner, not the session: they are
    /// not saved with its state.
    static let driver = """
        exec 2>&1
        shopt -s expand_aliases
        __howto_in=$1 __howto_out=$2 __howto_step=$3 __howto_sentinel=$4 __howto_errexit=$5
        set --
        source "$__howto_in"
        __howto_save() {
          local __howto_status=$1 __howto_v __howto_o
          set +eE +o pipefail
          trap - ERR
          {
            for __howto_v in $(compgen -v); do
              case $__howto_v in \(unsavedVariables.joined(separator: "|"))) continue ;; esac
              declare -p "$__howto_v" 2>/dev/null
              printf '%s=%s\\0' "$__howto_v" "${!__howto_v}" >&3
            done
            declare -f
            alias -p
            while IFS= read -r __howto_o; do
              case $__howto_o in *" errexit"|*" errtrace"|*" pipefail") ;; *) printf '%s\\n' "$__howto_o" ;; esac
            done <<< "$(set +o)"
            shopt -p
            printf 'cd -- %q\\n' "$PWD"
          } > "$__howto_out" 3> "$__howto_out.vars" 2>/dev/null
          printf '\\n%s %d\\n' "$__howto_sentinel" "$__howto_status"
        }
        trap '__howto_save $?' EXIT
        if [ "$__howto_errexit" = 1 ]; then
          trap 'printf "%s %s\\n" "$LINENO" "$?" > "$__howto_out.failed"' ERR
          set -eE -o pipefail
        fi
        source "$__howto_step"
        """

    /// Starts a background step: restores the state, then replaces itself with the step.
    static let backgroundDriver = """
        exec 2>&1
        shopt -s expand_aliases
        __howto_in=$1 __howto_step=$2
        set --
        source "$__howto_in"
        source "$__howto_step"
        """

    /// A state file that recreates `environment` as exported variables, in `directory`.
    static func initialState(environment: [String: String], directory: String) -> String {
        exports(environment) + "cd -- \(quote(directory))\n"
    }

    /// `declare -x NAME='value'` lines for every valid name, sorted.
    static func exports(_ environment: [String: String]) -> String {
        var text = ""
        for (name, value) in environment.sorted(by: { $0.key < $1.key }) where isIdentifier(name) && name != "PWD" {
            text += "declare -x \(name)=\(quote(value))\n"
        }
        return text
    }

    /// `'value'` with embedded single quotes escaped for bash.
    public static func quote(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Whether `name` can be a shell variable name.
    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.utf8.first, first == UInt8(ascii: "_") || (first | 0x20 >= 97 && first | 0x20 <= 122) else { return false }
        return name.utf8.allSatisfy { $0 == UInt8(ascii: "_") || ($0 | 0x20 >= 97 && $0 | 0x20 <= 122) || (48...57).contains($0) }
    }
}
