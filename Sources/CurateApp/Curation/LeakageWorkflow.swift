import Curation
import Store

/// `curate leakage A B`: overlap between two stored sources by composition, chemical system and
/// protostructure.
public enum LeakageWorkflow {
    /// Audits sources `a` and `b` (name or kind/name), comparing `property` (default: every property).
    public static func audit(a: String, b: String, property: String? = nil, storePath: String) throws -> LeakageReport {
        let store = try StoreOpening.open(storePath)
        func records(_ source: String) throws -> [LeakageRecord] {
            let inputs = try step(storePath) { try store.leakageInputs(source: source, property: property) }
            guard !inputs.isEmpty else { throw WorkflowError("no observations for source \"\(source)\" in \(storePath)") }
            return inputs.map { LeakageRecord(canonicalKey: $0.canonicalKey, chemicalSystem: $0.chemicalSystem, protostructure: $0.protostructure) }
        }
        return LeakageAudit.audit(a: (a, try records(a)), b: (b, try records(b)))
    }
}
