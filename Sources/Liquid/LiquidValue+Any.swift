import Foundation

extension LiquidValue {
    /// Converts what `Yams.load` (or JSONSerialization) produces: String, Int, Double, Bool, [Any],
    /// [String: Any], [AnyHashable: Any], Set, Date, NSNull or nil. Anything else becomes its description.
    public init(any value: Any?) {
        guard let value else { self = .null; return }
        switch value {
        case let v as LiquidValue: self = v
        case let b as Bool where type(of: value) == Bool.self: self = .bool(b)
        case let s as String: self = .string(s)
        case let s as Substring: self = .string(String(s))
        case let i as Int: self = .int(i)
        case let i as any BinaryInteger: self = Int(exactly: i).map(LiquidValue.int) ?? .string(String(describing: i))
        case let d as Double: self = .double(d)
        case let f as Float: self = .double(Double(f))
        case is NSNull: self = .null
        case let n as NSNumber: self = Self(number: n)
        case let a as [Any?]: self = .array(a.map(LiquidValue.init(any:)))
        case let d as [String: Any?]: self = .dictionary(d.mapValues(LiquidValue.init(any:)))
        case let d as [AnyHashable: Any?]:
            self = .dictionary(Dictionary(d.map { (String(describing: $0.key.base), LiquidValue(any: $0.value)) },
                                          uniquingKeysWith: { first, _ in first }))
        case let s as Set<AnyHashable>: self = .array(s.map { String(describing: $0.base) }.sorted().map(LiquidValue.string))
        case let date as Date: self = .string(date.formatted(.iso8601))
        default:
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .optional {
                self = LiquidValue(any: mirror.children.first?.value)
            } else {
                self = .string(String(describing: value))
            }
        }
    }

    /// An NSNumber as Int or Double.
    private init(number n: NSNumber) {
        let d = n.doubleValue
        self = d.rounded() == d && abs(d) < 1e18 ? .int(n.intValue) : .double(d)
    }
}
