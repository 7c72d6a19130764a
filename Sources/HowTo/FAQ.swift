/// One rendered FAQ entry (front matter `faqs`).
public struct FAQ: Sendable, Hashable {
    /// The question as plain text (Liquid rendered, no markup), for JSON-LD and anchors.
    public var question: String
    /// The question rendered to inline HTML (Liquid, then markdown).
    public var questionHTML: String
    /// The answer rendered to HTML (Liquid, then markdown).
    public var answerHTML: String
    /// The answer as plain text, for JSON-LD and search.
    public var answerText: String

    /// Creates an FAQ entry.
    public init(question: String, questionHTML: String, answerHTML: String, answerText: String) {
        self.question = question
        self.questionHTML = questionHTML
        self.answerHTML = answerHTML
        self.answerText = answerText
    }
}
