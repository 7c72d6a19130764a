public import Diagnostics

/// A test provider declared in `content/_data/providers.yml`: a third party (such as Auth0) that a run
/// replaces with an embedded fixture, and the variables it exports to steps marked `provider=NAME`.
public struct ProviderDeclaration: Sendable, Equatable {
    /// The kinds of fixture a declaration can start.
    public enum Kind: String, Sendable, CaseIterable {
        /// The embedded OAuth2 IdP with Auth0's client-credentials profile.
        case oauth2ClientCredentials = "oauth2-client-credentials"
        /// The embedded Kubernetes API: service-account tokens and TokenReview, for Kubernetes auth.
        case kubernetesAPI = "kubernetes-api"

        /// Variables an export template of this kind may use.
        public var exportVariables: [String] {
            switch self {
            case .oauth2ClientCredentials: ProviderDeclaration.exportVariables
            case .kubernetesAPI: ["host", "port", "kubernetes_host", "ca_certificate", "ca_bundle", "token", "namespace",
                                  "service_account", "audience", "issuer"]
            }
        }
    }

    /// One exported variable: its name, a `{{ variable }}` template for its value, and whether to mask it.
    public struct Export: Sendable, Equatable {
        /// The environment variable's name.
        public var name: String
        /// The value template, e.g. `"{{ client_secret }}"`.
        public var template: String
        /// Whether the value is masked in output and reports.
        public var secret: Bool

        /// Creates an export.
        public init(name: String, template: String, secret: Bool = false) {
            self.name = name
            self.template = template
            self.secret = secret
        }
    }

    /// Variables an export template of the OAuth2 kind may use.
    public static let exportVariables = [
        "domain", "host", "port", "issuer", "token_endpoint", "jwks_uri",
        "client_id", "client_secret", "audience", "ca_bundle",
    ]

    /// The key under which the provider is declared (`provider=NAME` in steps).
    public var name: String
    /// Which fixture serves it.
    public var kind: Kind
    /// The host name in the provider's domain (`localhost` by default); must be a name of the run's certificate.
    public var host: String
    /// API identifiers the client may get tokens for; `{{ domain }}` is replaced by the bound domain.
    public var audiences: [String]
    /// A fixed client id, or nil for a random Auth0-like id per run.
    public var clientID: String?
    /// The permissions granted to the client.
    public var scopes: [String]
    /// Access-token lifetime.
    public var tokenLifetime: Duration
    /// The variables exported to provider steps, in declaration order.
    public var exports: [Export]
    /// `NAMESPACE/NAME` of each service account the Kubernetes API starts with (the first one's token is exported).
    public var serviceAccounts: [String] = []
    /// Where the declaration starts, for diagnostics.
    public var location: SourceLocation?

    /// Creates a declaration.
    public init(name: String, kind: Kind = .oauth2ClientCredentials, host: String = "localhost",
                audiences: [String], clientID: String? = nil, scopes: [String] = [],
                tokenLifetime: Duration = .seconds(86_400), exports: [Export], location: SourceLocation? = nil) {
        self.name = name
        self.kind = kind
        self.host = host
        self.audiences = audiences
        self.clientID = clientID
        self.scopes = scopes
        self.tokenLifetime = tokenLifetime
        self.exports = exports
        self.location = location
    }
}
