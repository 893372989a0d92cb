/// Differentiable element-wise arithmetic with broadcasting (for example a row vector over rows).
extension Graph {
    /// a + b.
    public func add(_ a: Variable, _ b: Variable) -> Variable {
        let sa = a.shape, sb = b.shape
        return record(a.value + b.value, inputs: [a, b]) { g in
            [g.summed(toShape: sa), g.summed(toShape: sb)]
        }
    }

    /// a − b.
    public func subtract(_ a: Variable, _ b: Variable) -> Variable {
        let sa = a.shape, sb = b.shape
        return record(a.value - b.value, inputs: [a, b]) { g in
            [g.summed(toShape: sa), (-g).summed(toShape: sb)]
        }
    }

    /// a ⊙ b.
    public func multiply(_ a: Variable, _ b: Variable) -> Variable {
        let va = a.value, vb = b.value
        return record(va * vb, inputs: [a, b]) { g in
            [(g * vb).summed(toShape: va.shape), (g * va).summed(toShape: vb.shape)]
        }
    }

    /// a ⊘ b.
    public func divide(_ a: Variable, _ b: Variable) -> Variable {
        let va = a.value, vb = b.value
        let out = va / vb
        return record(out, inputs: [a, b]) { g in
            let ga = g / vb
            return [ga.summed(toShape: va.shape), (-(ga * out)).summed(toShape: vb.shape)]
        }
    }

    /// −a.
    public func negate(_ a: Variable) -> Variable {
        record(-a.value, inputs: [a]) { g in [-g] }
    }

    /// a · s for a constant s.
    public func scale(_ a: Variable, by s: Float) -> Variable {
        record(a.value * s, inputs: [a]) { g in [g * s] }
    }

    /// a + s for a constant s.
    public func shift(_ a: Variable, by s: Float) -> Variable {
        record(a.value + s, inputs: [a]) { g in [g] }
    }

    /// Element-wise exponential.
    public func exp(_ a: Variable) -> Variable {
        let out = a.value.exp()
        return record(out, inputs: [a]) { g in [g * out] }
    }

    /// Element-wise natural logarithm.
    public func log(_ a: Variable) -> Variable {
        let va = a.value
        return record(va.log(), inputs: [a]) { g in [g / va] }
    }

    /// The same values with a new shape of equal element count.
    public func reshape(_ a: Variable, _ shape: [Int]) -> Variable {
        let original = a.shape
        return record(a.value.reshaped(shape), inputs: [a]) { g in [g.reshaped(original)] }
    }
}

/// Operators on variables record on the variables' graph.
extension Variable {
    /// a + b (broadcasting).
    public static func + (a: Variable, b: Variable) -> Variable { a.graph.add(a, b) }
    /// a − b (broadcasting).
    public static func - (a: Variable, b: Variable) -> Variable { a.graph.subtract(a, b) }
    /// a ⊙ b (broadcasting).
    public static func * (a: Variable, b: Variable) -> Variable { a.graph.multiply(a, b) }
    /// a ⊘ b (broadcasting).
    public static func / (a: Variable, b: Variable) -> Variable { a.graph.divide(a, b) }
    /// a · s.
    public static func * (a: Variable, s: Float) -> Variable { a.graph.scale(a, by: s) }
    /// a + s.
    public static func + (a: Variable, s: Float) -> Variable { a.graph.shift(a, by: s) }
    /// −a.
    public static prefix func - (a: Variable) -> Variable { a.graph.negate(a) }
}
