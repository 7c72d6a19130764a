/// A word (or the space-free piece of one) with its visible length and its painted form.
struct StyledWord: Sendable, Hashable {
    /// The text as the terminal shows it, ANSI codes included.
    var painted: String
    /// The number of columns it takes.
    var columns: Int
    /// Whether it follows the previous word without a space (punctuation after code).
    var glued: Bool
}
