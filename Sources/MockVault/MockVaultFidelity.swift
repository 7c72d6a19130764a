/// What the mock Vault emulates and where it differs from OpenBao on purpose: `howto mock vault --help`
/// prints it, and the differential tests (`Tests/MockVaultTests/Differential`) hold the mock to the rest.
public enum MockVaultFidelity {
    /// The OpenBao release the mock answers as (its `version` fields, plugin versions and error texts).
    public static let openBaoVersion = "2.7.2"

    /// The text, one difference per paragraph.
    public static let summary = """
        Emulated, and held to a real `bao server -dev` by a differential test suite: sys (mounts, auth, tune, \
        policies, capabilities, wrapping, seal), KV v1 and v2 (versions, max_versions, metadata, patch, \
        delete/undelete/destroy), cubbyhole, the identity store (entities, aliases, groups), and the token, \
        userpass, AppRole (with response wrapping), JWT, Kubernetes (TokenReview at kubernetes_host) and cert \
        auth methods, with OpenBao's ACL (capabilities, wrapping TTL bounds, allowed/denied/required parameters, \
        sudo paths), status codes and error texts.

        Different on purpose, always by refusing what OpenBao would accept, never the other way round, so a \
        tutorial that leans on them fails on the mock instead of passing:
        - any other secrets engine or auth method: enabling it is refused (plugin not found in the catalog);
        - OIDC browser logins, MFA, namespaces other than root, audit devices and Raft are not served;
        - cert auth does not read certificate extensions: a role with required_extensions refuses every \
        certificate; OCSP and CRLs are not consulted;
        - Kubernetes auth: bound_service_account_namespace_selector (namespace labels) never matches;
        - identity policies are stored but not added to tokens;
        - ACL templating ({{identity.entity.id}} in a path) is not expanded, so such a rule matches nothing;
        - state is in memory and gone when the server stops.
        """
}
