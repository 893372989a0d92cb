import Foundation

/// Compares each target's declared dependencies with what its files import: a project target or
/// product that is imported but not declared, or declared but imported by no file, is a problem.
struct DependencyCheck {
    struct Problem: Equatable, CustomStringConvertible {
        enum Kind: Equatable { case undeclared(file: String), unused }
        let target: String
        let module: String
        let kind: Kind

        var description: String {
            switch kind {
            case .undeclared(let file): "\(target) imports \(module) (\(file)) but Package.swift does not declare it"
            case .unused: "\(target) declares \(module) but none of its files imports it"
            }
        }
    }

    let manifest: PackageManifest
    /// Per target name: the modules its files import, each with the first importing file.
    let imports: [String: [String: String]]

    /// Every mismatch, sorted by target then module.
    var problems: [Problem] {
        let projectModules = Set(manifest.targets.map(\.name))
        let productModules = Set(manifest.targets.flatMap(\.productDependencies))
        let known = projectModules.union(productModules)
        var problems: [Problem] = []
        for target in manifest.targets where target.kind != .system {
            let imported = imports[target.name] ?? [:]
            for (module, file) in imported where known.contains(module) && module != target.name && !target.dependencies.contains(module) {
                problems.append(Problem(target: target.name, module: module, kind: .undeclared(file: file)))
            }
            for module in target.dependencies where imported[module] == nil {
                problems.append(Problem(target: target.name, module: module, kind: .unused))
            }
        }
        return problems.sorted { ($0.target, $0.module) < ($1.target, $1.module) }
    }

    /// Every target `name` depends on, directly or through other project targets.
    func closure(of name: String) -> Set<String> {
        let byName = manifest.targetsByName
        var seen: Set<String> = []
        var pending = [name]
        while let next = pending.popLast() {
            for dependency in byName[next]?.dependencies ?? [] where seen.insert(dependency).inserted {
                pending.append(dependency)
            }
        }
        return seen
    }
}
