import CLIKit
import Foundation

/// `practica providers list`, `locations list`, `payers list`, `fees list`,
/// `users list`: plural spellings of the singular nouns' `list`, because both
/// forms are in use (the front-desk brief says `providers list`, the domain's
/// refusal hints say `payer list`). Each runs exactly the singular command.
protocol PluralListing: CommandGroup {
    associatedtype Singular: CommandGroup
    static var plural: String { get }
    static var singular: String { get }
    static var listSpec: CommandSpec { get }
}

extension PluralListing {
    static var spec: CommandSpec {
        var list = listSpec
        list.examples = list.examples.map { e in
            Example(e.command.replacingOccurrences(of: "practica \(singular) ", with: "practica \(plural) "), e.explanation)
        }
        return CommandSpec(name: plural, abstract: "Same as 'practica \(singular) list'.", subcommands: [list])
    }

    static var handlers: [String: CommandHandler] {
        guard let list = Singular.handlers["\(singular) list"] else { return [:] }
        return ["\(plural) list": list]
    }
}

enum ProvidersListing: PluralListing {
    typealias Singular = ProviderCommands
    static let plural = "providers", singular = "provider"
    static var listSpec: CommandSpec { ProviderCommands.listSpec }
}

enum LocationsListing: PluralListing {
    typealias Singular = LocationCommands
    static let plural = "locations", singular = "location"
    static var listSpec: CommandSpec { LocationCommands.listSpec }
}

enum PayersListing: PluralListing {
    typealias Singular = PayerCommands
    static let plural = "payers", singular = "payer"
    static var listSpec: CommandSpec { PayerCommands.listSpec }
}

enum FeesListing: PluralListing {
    typealias Singular = FeeCommands
    static let plural = "fees", singular = "fee"
    static var listSpec: CommandSpec { FeeCommands.listSpec }
}

enum UsersListing: PluralListing {
    typealias Singular = UserCommands
    static let plural = "users", singular = "user"
    static var listSpec: CommandSpec { UserCommands.listSpec }
}
