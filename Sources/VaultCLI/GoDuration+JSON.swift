import GoValues

extension GoDuration {
    /// The CLI's `humanDurationInt`: integral JSON numbers become durations, anything else is unchanged.
    static func human(_ value: JSONValue) -> String {
        if let n = value.intValue { return human(seconds: n) }
        return value.goDescription
    }
}
