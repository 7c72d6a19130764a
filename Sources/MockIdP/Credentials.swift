/// Random client ids and secrets in Auth0's alphabet.
enum Credentials {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")

    /// `length` random letters and digits (SystemRandomNumberGenerator is cryptographically secure).
    static func random(length: Int) -> String {
        String((0..<length).map { _ in alphabet.randomElement()! })
    }
}
