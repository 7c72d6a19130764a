/// How a document is rendered to HTML: safety, hidden attributes, callouts, placeholders and hooks.
public struct MarkdownOptions: Sendable {
    /// Blockquote classes rendered as callouts by default.
    public static let defaultCalloutClasses = ["info", "warning", "danger", "tip", "note", "important", "success"]

    /// Pass raw HTML and unsafe URLs through (cmark's `CMARK_OPT_UNSAFE`); off by default.
    public var allowRawHTML: Bool
    /// Attribute keys never rendered (the page loader passes the runner's step attributes).
    public var hiddenAttributeKeys: Set<String>
    /// Attribute key prefixes never rendered (`data-test` by default).
    public var hiddenAttributePrefixes: [String]
    /// Blockquote classes that turn a quote into `<div class="callout callout-CLASS">`.
    public var calloutClasses: [String]
    /// Whether headings get an `<a class="anchor">` link.
    public var headingAnchors: Bool
    /// Tokens replaced after rendering: `<p>TOKEN</p>` and inline `TOKEN` become the HTML.
    /// Plain text and block values keep the tokens, for the caller to substitute.
    public var placeholders: [String: String]
    /// Custom HTML for a code block; return nil for the default rendering.
    public var codeBlockHTML: (@Sendable (CodeBlock) -> String?)?
    /// Whether code in a language the Highlight module knows gets `<span class="hl-KIND">` tokens (the site's pages).
    public var highlightsCode: Bool

    /// Creates options; the defaults are safe and hide `data-test*` annotations.
    public init(
        allowRawHTML: Bool = false,
        hiddenAttributeKeys: Set<String> = [],
        hiddenAttributePrefixes: [String] = ["data-test"],
        calloutClasses: [String] = MarkdownOptions.defaultCalloutClasses,
        headingAnchors: Bool = true,
        placeholders: [String: String] = [:],
        codeBlockHTML: (@Sendable (CodeBlock) -> String?)? = nil,
        highlightsCode: Bool = false
    ) {
        self.allowRawHTML = allowRawHTML
        self.hiddenAttributeKeys = hiddenAttributeKeys
        self.hiddenAttributePrefixes = hiddenAttributePrefixes
        self.calloutClasses = calloutClasses
        self.headingAnchors = headingAnchors
        self.placeholders = placeholders
        self.codeBlockHTML = codeBlockHTML
        self.highlightsCode = highlightsCode
    }

    /// Attribute keys an attribute list may put on an element when raw HTML is off, besides its classes and id:
    /// none can run script, load a resource or carry inline CSS (`onclick`, `href`, `src`, `style` are dropped).
    public static let safeAttributeKeys: Set<String> = ["title", "lang", "dir", "role", "width", "height", "alt", "name"]

    /// Whether an attribute key is rendered into HTML: never a hidden one; with raw HTML off, only the safe
    /// keys and `data-*` / `aria-*`.
    public func rendersAttribute(_ key: String) -> Bool {
        guard !hiddenAttributeKeys.contains(key), !hiddenAttributePrefixes.contains(where: { key.hasPrefix($0) }) else { return false }
        let lower = key.lowercased()
        return allowRawHTML || Self.safeAttributeKeys.contains(lower) || lower.hasPrefix("data-") || lower.hasPrefix("aria-")
    }
}
