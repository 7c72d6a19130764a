import Foundation

/// One way Kong's docs show an entity (`drops/entity_example/presenters/`): a format's markdown for one
/// `{% entity_example %}`. Adding a format is a new file conforming to this, listed in `EntityExampleFormats.all`.
protocol EntityExampleFormat: SendableMetatype {
    /// The format names it renders and the tab label of each (`kic` and `operator` share one presenter).
    static var labels: [String: String] { get }
    /// The example's markdown in this format.
    static func markdown(_ example: EntityExample, _ env: RenderEnvironment) -> String
}

/// The formats howto renders, in the order Kong's `entity_examples/config.yml` lists them (the tab order).
enum EntityExampleFormats {
    static let all: [any EntityExampleFormat.Type] = [DeckEntityFormat.self, AdminAPIEntityFormat.self, KubernetesEntityFormat.self]

    /// Every format Kong's config knows, in its order; those not in `all` are reported, not rendered.
    static let kongOrder = ["deck", "admin-api", "konnect-api", "kic", "operator", "terraform", "kongctl", "ui"]

    /// The format rendering `name`, if howto has it.
    static func format(named name: String) -> (any EntityExampleFormat.Type)? {
        all.first { $0.labels[name] != nil }
    }
}
