@testable import Site
import Testing

@Suite("LinkResolver")
struct LinkResolverTests {
    let resolver = LinkResolver(localPaths: ["/how-to/a/", "/"], upstreamBaseURL: "https://up.example/")

    @Test("site pages stay relative, other site-relative links go upstream, absolute links are kept")
    func resolve() {
        #expect(resolver.resolve("/how-to/a/") == "/how-to/a/")
        #expect(resolver.resolve("/how-to/a/#step") == "/how-to/a/#step")
        #expect(resolver.resolve("/how-to/b/") == "https://up.example/how-to/b/")
        #expect(resolver.resolve("/gateway/entities/vault/#what") == "https://up.example/gateway/entities/vault/#what")
        #expect(resolver.resolve("https://other.example/x/") == "https://other.example/x/")
        #expect(resolver.resolve("//cdn.example/x") == "//cdn.example/x")
        #expect(resolver.resolve("#local") == "#local")
        #expect(resolver.resolve("/assets/icons/x.svg") == "/assets/icons/x.svg")
    }

    @Test("hrefs in HTML are rewritten, other attributes are not")
    func rewriteHTML() {
        let html = #"<a href="/gateway/">g</a> <a href="/how-to/a/">a</a> <img src="/gateway/x.png"> <a href="https://x.example/">x</a>"#
        #expect(resolver.rewriteLinks(inHTML: html)
            == #"<a href="https://up.example/gateway/">g</a> <a href="/how-to/a/">a</a> <img src="/gateway/x.png"> <a href="https://x.example/">x</a>"#)
    }
}
