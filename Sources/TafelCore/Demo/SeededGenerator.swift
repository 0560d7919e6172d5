/// SplitMix64: a small, fast, seedable random number generator, so that generated data and
/// property tests reproduce exactly from a seed (the system generator cannot be seeded).
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// A generator for one item of a sequence: the same (seed, index) always gives the same stream.
    public init(seed: UInt64, index: UInt64) {
        var g = SeededGenerator(seed: seed &+ index &* 0x9E3779B97F4A7C15)
        state = g.next() ^ (index &* 0xD1B54A32D192ED03)
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }

    /// An integer in the range.
    public mutating func int(_ r: ClosedRange<Int>) -> Int { Int.random(in: r, using: &self) }
    /// True with probability p.
    public mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }
    /// One element, chosen uniformly.
    public mutating func pick<T>(_ xs: [T]) -> T { xs[int(0...(xs.count - 1))] }
    /// One element, chosen by weight.
    public mutating func weighted<T>(_ xs: [(T, Int)]) -> T {
        let total = xs.reduce(0) { $0 + $1.1 }
        var r = int(0...(total - 1))
        for (x, w) in xs { if r < w { return x }; r -= w }
        return xs.last!.0
    }
}
