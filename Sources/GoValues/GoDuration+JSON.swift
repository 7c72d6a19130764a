extension GoDuration {
    /// Seconds in a JSON field that may be a number or a duration string (nil or null is 0), as
    /// `parseutil.ParseDurationSecond` reads a decoded request field.
    public static func seconds(_ value: JSONValue?) -> Int? {
        switch value {
        case nil, .null?: return 0
        case .number?: return value?.truncatedIntValue
        case let .string(s)?: return seconds(s)
        default: return nil
        }
    }

    /// The CLI's `humanDurationInt`: integral JSON numbers become durations, anything else is unchanged.
    public static func human(_ value: JSONValue) -> String {
        if let n = value.intValue { return human(seconds: n) }
        return value.goDescription
    }
}
