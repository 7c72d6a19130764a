import Testing
@testable import MockIdP

@Suite struct TemplateTests {
    @Test func replacesEveryVariable() throws {
        let template = Template(text: "https://{{ domain }}/api/v2/?c={{client_id}}&d={{  domain  }}")
        #expect(template.variables == ["domain", "client_id", "domain"])
        #expect(try template.render(["domain": "localhost:1", "client_id": "x"]) == "https://localhost:1/api/v2/?c=x&d=localhost:1")
        #expect(try Template(text: "plain").render([:]) == "plain")
    }

    @Test func unknownVariableIsAnError() {
        #expect(throws: MockIdPError.self) { try Template(text: "{{ domian }}").render(["domain": "x"]) }
        #expect(throws: MockIdPError.self) { try Template(text: "a {{ secret }}").validate(known: ["domain"]) }
    }
}
