import Testing
@testable import Runner

@Suite struct SecretMaskerTests {
    @Test func namesThatSaySecretAreMasked() {
        var masker = SecretMasker()
        masker.addSecrets(fromVariables: ["DECK_CLIENT_SECRET": "abc123xyz", "VAULT_TOKEN": "root", "DB_PASSWORD": "hunter22", "PLAIN": "visible"])
        #expect(masker("secret abc123xyz token root pw hunter22 plain visible") == "secret **** token **** pw **** plain visible")
    }

    @Test func namesThatOnlyMentionASecretAreNot() {
        var masker = SecretMasker()
        masker.addSecrets(fromVariables: ["KONG_SA_TOKEN_FILE": "/work/kong-sa-token", "VAULT_TOKEN_PATH": "/etc/vault-token"])
        masker.addLiteralAssignments(in: "vault write auth/k8s/role/kong token_policies=kong-read token_ttl=1h password=hunter22\n")
        #expect(masker("policies kong-read, ttl 1h, file /work/kong-sa-token /etc/vault-token, pw hunter22")
            == "policies kong-read, ttl 1h, file /work/kong-sa-token /etc/vault-token, pw ****")
    }

    @Test func vaultTokensAndJWTsAreMaskedByShape() {
        let masker = SecretMasker()
        let jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjbGllbnRAY2xpZW50cyJ9.c2lnbmF0dXJlLWJ5dGVz"
        #expect(masker("token hvs.CAESIJ2abcdefghijklmnopqrstuv end") == "token **** end")
        #expect(masker("s.AbCdEfGhIjKlMnOpQrStUvWx") == "****")
        #expect(masker("Bearer \(jwt)") == "Bearer ****")
        #expect(masker("s.short and version 1.2.3") == "s.short and version 1.2.3")
    }

    @Test func privateKeysAreMaskedByShapeAndCertificatesAreNot() {
        let masker = SecretMasker()
        let key = "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg\n-----END EC PRIVATE KEY-----"
        let certificate = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmg\n-----END CERTIFICATE-----"
        #expect(masker("key:\n\(key)\ncert:\n\(certificate)\n") == "key:\n****\ncert:\n\(certificate)\n")
        // As a YAML string, its line breaks written as \n.
        let escaped = #""-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMG\n-----END PRIVATE KEY-----\n""#
        #expect(masker("cert_auth_cert_key: \(escaped)") == #"cert_auth_cert_key: "****\n""#)
        #expect(masker("shown: -----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMG") == "shown: ****", "a key cut short is masked to the end")
    }

    @Test func shortValuesAreNotMaskedByValue() {
        var masker = SecretMasker()
        masker.add("ab")
        #expect(masker("a cab") == "a cab")
        #expect(masker.masked(variables: ["MY_TOKEN": "ab", "X": "y"]) == ["MY_TOKEN": "****", "X": "y"])
    }

    @Test func longerSecretsWinOverTheirPrefixes() {
        var masker = SecretMasker()
        masker.add("abcd")
        masker.add("abcdefgh")
        #expect(masker("abcdefgh abcd") == "**** ****")
    }
}
