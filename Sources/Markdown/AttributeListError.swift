/// Why an attribute list (`{: ... }` or a fence's `{ ... }`) could not be read.
enum AttributeListError: Error, Equatable, CustomStringConvertible {
    case missingClosingBrace
    case textAfterClosingBrace
    case missingClassName
    case missingID
    case detachedName(marker: String, name: String)
    case missingEquals(key: String)
    case missingValue(key: String)
    case unterminatedValue(key: String)
    case unexpectedCharacter(String)

    var description: String {
        switch self {
        case .missingClosingBrace: "attribute list is missing its closing '}'"
        case .textAfterClosingBrace: "unexpected text after the attribute list's closing '}'"
        case .missingClassName: "expected a class name after '.' (write it without a space, as in {:.info})"
        case .missingID: "expected an id after '#' (write it without a space, as in {:#my-id})"
        case .detachedName(let marker, let name):
            "'\(marker) \(name)': kramdown drops a '\(marker)' followed by a space and reads `\(name)` as a reference to an attribute list definition, so the block gets no \(marker == "." ? "class" : "id"); write {:\(marker)\(name)}"
        case .missingEquals(let key): "expected '=' after '\(key)' (attributes are .class, #id or key=value)"
        case .missingValue(let key): "missing value after '\(key)='"
        case .unterminatedValue(let key): "unterminated quoted value for '\(key)'"
        case .unexpectedCharacter(let c): "unexpected character '\(c)' in attribute list"
        }
    }
}
