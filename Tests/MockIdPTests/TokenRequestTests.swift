import Testing
@testable import MockIdP

@Suite struct TokenRequestTests {
    @Test func formBodyWithClientSecretPost() throws {
        let request = try TokenRequest.parse(contentType: "application/x-www-form-urlencoded; charset=utf-8", authorization: nil,
                                             body: "grant_type=client_credentials&client_id=a&client_secret=b%2Bc&audience=https%3A%2F%2Fx%2Fapi%2Fv2%2F&scope=read%20write")
        #expect(request == TokenRequest(grantType: "client_credentials", clientID: "a", clientSecret: "b+c",
                                        audience: "https://x/api/v2/", scope: "read write", clientAuthentication: .secretPost))
    }

    @Test func basicHeaderSetsTheCredentials() throws {
        let request = try TokenRequest.parse(contentType: nil, authorization: "basic YTpiOmM=", body: "grant_type=client_credentials")
        #expect(request.clientID == "a")
        #expect(request.clientSecret == "b:c")
        #expect(request.clientAuthentication == .secretBasic)
    }

    @Test func malformedBasicHeaderIsUnauthorized() {
        #expect(throws: OAuthError.unauthorized) {
            try TokenRequest.parse(contentType: nil, authorization: "Basic !!!", body: "")
        }
        #expect(throws: OAuthError.unauthorized) {
            try TokenRequest.parse(contentType: nil, authorization: "Bearer abc", body: "")
        }
    }

    @Test func basicWithADifferentBodyClientIsRefused() {
        #expect(throws: OAuthError.self) {
            try TokenRequest.parse(contentType: nil, authorization: "Basic YTpi", body: "client_id=other")
        }
    }

    @Test func jsonBodyMustHoldStrings() throws {
        let request = try TokenRequest.parse(contentType: "application/json", authorization: nil, body: #"{"grant_type":"x","audience":"y"}"#)
        #expect(request.grantType == "x")
        #expect(request.audience == "y")
        #expect(throws: OAuthError.self) {
            try TokenRequest.parse(contentType: "application/json", authorization: nil, body: #"{"audience":["a","b"]}"#)
        }
    }
}
