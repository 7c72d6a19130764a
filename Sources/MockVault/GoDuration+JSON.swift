import GoValues

extension GoDuration {
    /// Seconds in a JSON field that may be a number or a duration string (nil or null is 0).
    static func seconds(_ value: JSONValue?) -> Int? {
        switch value {
        case nil, .null?: return 0
        case let .int(i)?: return i
        case let .double(d)?: return Int(d)
        case let .string(s)?: return seconds(s)
        default: return nil
        }
    }
}
