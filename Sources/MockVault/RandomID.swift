import Foundation

/// Random identifiers in the shapes Vault uses.
enum RandomID {
    private static let alphanumerics = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

    /// A lower-case UUID.
    static func uuid() -> String { UUID().uuidString.lowercased() }

    /// `count` random letters and digits.
    static func alphanumeric(_ count: Int) -> String {
        String((0..<count).map { _ in alphanumerics.randomElement()! })
    }

    /// `count` random hex digits.
    static func hex(_ count: Int) -> String {
        String((0..<count).map { _ in "0123456789abcdef".randomElement()! })
    }

    /// `count` random bytes.
    static func bytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: 0...255) }
    }

    /// A service token: `s.` and 24 characters.
    static func serviceToken() -> String { "s." + alphanumeric(24) }

    /// A batch token: `b.AAAAAQ` and a long url-safe tail.
    static func batchToken() -> String {
        "b.AAAAAQ" + Data(bytes(140)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
