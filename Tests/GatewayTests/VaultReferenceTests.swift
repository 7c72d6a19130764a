import Gateway
import Testing

struct VaultReferenceTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var expected: VaultReference
        var testDescription: String { text }
    }

    static let valid: [Case] = [
        Case(text: "{vault://hashicorp-vault/password/pass1}",
             expected: VaultReference(name: "hashicorp-vault", resource: "password", key: "pass1")),
        Case(text: "{vault://hashicorp-vault/customer/acme/name}",
             expected: VaultReference(name: "hashicorp-vault", resource: "customer/acme", key: "name")),
        Case(text: "{vault://hcv/rotating/value#1}",
             expected: VaultReference(name: "hcv", resource: "rotating", key: "value", version: 1)),
        Case(text: "{vault://hcv/pg/}", expected: VaultReference(name: "hcv", resource: "pg")),
        Case(text: "{vault://hcv/a/b/}", expected: VaultReference(name: "hcv", resource: "a/b")),
        Case(text: "{vault://hcv/single}", expected: VaultReference(name: "hcv", resource: "single")),
        Case(text: "{vault://hcv//////a//////b}", expected: VaultReference(name: "hcv", resource: "a", key: "b")),
        Case(text: "{vault://aws/%2Fsecret/key}", expected: VaultReference(name: "aws", resource: "/secret", key: "key")),
        Case(text: "{vault://env/cert/key?prefix=SSL_#1}",
             expected: VaultReference(name: "env", resource: "cert", key: "key", version: 1, config: ["prefix": "SSL_"])),
        Case(text: "{vault://hashicorp-vault/password/pass1?kv=v1&mount=kv1&ttl=60}",
             expected: VaultReference(name: "hashicorp-vault", resource: "password", key: "pass1",
                                      config: ["kv": "v1", "mount": "kv1", "ttl": "60"])),
    ]

    @Test(arguments: valid)
    func parsesLikeKong(_ c: Case) throws {
        #expect(try VaultReference.parse(c.text) == c.expected)
    }

    @Test(arguments: [
        ("vault://hcv/a/b", "not a reference [vault://hcv/a/b]"),
        ("{vault://hcv/a/b", "not a reference [{vault://hcv/a/b]"),
        ("{vault:///a/b}", "reference url is missing host [{vault:///a/b}]"),
        ("{vault://hcv}", "reference url is missing path [{vault://hcv}]"),
        ("{vault://hcv/}", "reference url has empty path [{vault://hcv/}]"),
        ("{vault://hcv/a/b#x}", "reference url has invalid version [{vault://hcv/a/b#x}]"),
        ("{vault://hcv/a/b#1.5}", "reference url has invalid version [{vault://hcv/a/b#1.5}]"),
        ("{vault://hcv//}", "reference url has invalid path [{vault://hcv//}]"),
    ])
    func rejectsWithKongsMessage(_ text: String, _ message: String) {
        #expect(throws: VaultLookupError.message(message)) { try VaultReference.parse(text) }
    }
}
